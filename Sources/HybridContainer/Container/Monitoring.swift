import Logging
import Metrics

/// Automatic monitoring: every JSAPI call's latency and errors go to swift-metrics
/// (`hybrid_jsapi_duration`, `hybrid_jsapi_errors`) and failures to swift-log.
enum Monitoring {
    static func callObserver(logger: Logger) -> CallObserver {
        { app, api, duration, error in
            Metrics.Timer(label: "hybrid_jsapi_duration", dimensions: [("api", api)]).recordNanoseconds(
                duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
            if let error {
                Counter(label: "hybrid_jsapi_errors", dimensions: [("api", api), ("code", "\(error.code.rawValue)")]).increment()
                logger.debug("\(app.appId) \(api) failed: \(error)")
            }
        }
    }
}

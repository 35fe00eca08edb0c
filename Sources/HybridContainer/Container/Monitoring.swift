// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Logging
import Metrics
import Synchronization

/// Automatic monitoring: every JSAPI call's latency and errors go to swift-metrics
/// (`hybrid_jsapi_duration`, `hybrid_jsapi_errors`) and failures to swift-log.
enum Monitoring {
    /// `hybrid_app_launch` timer by app and source (offline / online / developer).
    static func recordLaunch(appId: String, source: AppSource, duration: Duration) {
        Metrics.Timer(label: "hybrid_app_launch", dimensions: [("app", appId), ("source", source.rawValue)])
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// The observer of one app's calls. Each API's timer is made once (on its first call):
    /// making a swift-metrics timer per call (label, dimensions, factory) cost more than a
    /// synchronous call itself (`hybrid-bench miniprogram`).
    static func callObserver(logger: Logger) -> CallObserver {
        let timers = Mutex<[String: Metrics.Timer]>([:])
        return { app, api, duration, error in
            let timer = timers.withLock { timers in
                if let timer = timers[api] { return timer }
                let timer = Metrics.Timer(label: "hybrid_jsapi_duration", dimensions: [("api", api)])
                timers[api] = timer
                return timer
            }
            timer.recordNanoseconds(
                duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
            if let error {
                Counter(label: "hybrid_jsapi_errors", dimensions: [("api", api), ("code", "\(error.code.rawValue)")]).increment()
                logger.debug("\(app.appId) \(api) failed: \(error)")
            }
        }
    }
}

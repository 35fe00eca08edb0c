// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Logging
import Metrics

/// Automatic monitoring: every JSAPI call's latency and errors go to swift-metrics
/// (`hybrid_jsapi_duration`, `hybrid_jsapi_errors`) and failures to swift-log.
enum Monitoring {
    /// `hybrid_app_launch` timer by app and source (offline / online / developer).
    static func recordLaunch(appId: String, source: AppSource, duration: Duration) {
        Metrics.Timer(label: "hybrid_app_launch", dimensions: [("app", appId), ("source", source.rawValue)])
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

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

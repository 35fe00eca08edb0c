// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Logging
import Metrics
import Plugins

/// `reportEvent({name, data})`: app analytics through swift-log and swift-metrics
/// (`hybrid_report_event` counter by app and event). No permission needed.
public struct ReportPlugin: Plugin {
    public let name = "report"
    let logger: Logger

    /// Creates the plugin.
    public init(logger: Logger = Logger(label: "hybrid.report")) {
        self.logger = logger
    }

    struct Params: Decodable { var name: String; var data: JSONValue? }

    public var methods: [PluginMethod] {
        let logger = logger
        return [
            .async("reportEvent", permission: nil, placement: .runtimeThread) { call in
                let params = try call.decode(Params.self)
                guard !params.name.isEmpty, params.name.count <= 128 else {
                    throw call.reject(.invalidParameters, "reportEvent: name must be 1 to 128 characters")
                }
                let app = call.app.descriptor
                Counter(label: "hybrid_report_event", dimensions: [("app", app.appId.rawValue), ("event", params.name)]).increment()
                logger.info(
                    "event \(params.name)",
                    metadata: [
                        "app": "\(app.appId)", "data": "\(params.data ?? .null)",
                    ])
                return .null
            }
        ]
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The container's own JSAPIs behind the mini-program framework: `__hc.render` (sync; page
/// updates to the render sink) and `__hc.ui` (async; UI calls to the host's delegate).
/// Registered by the container. Framework-only (``BridgeMethod/frameworkPrefix``): app code's
/// `JSBridge.call('__hc.render')` answers "no such API"; only the framework reaches them.
struct MiniProgramPlugin: Plugin {
    let name = "miniprogram"
    let options: MiniProgramOptions

    struct RenderParams: Decodable {
        var pageId: Int
        var route: String
        var kind: RenderUpdate.Kind
        /// An object; kept as a value so its key order survives (a Swift dictionary has none).
        var data: JSONValue?
        var query: [String: String]?
    }

    struct UIParams: Decodable {
        var api: String
        var params: JSONValue?
    }

    var methods: [PluginMethod] {
        let sink = options.renderSink
        let delegate = options.uiDelegate
        return [
            .sync(HostNames.renderAPI, permission: nil) { call in
                let params = try call.decode(RenderParams.self)
                let app = call.app.descriptor
                sink.render(
                    RenderUpdate(
                        instanceID: app.instanceID, appId: app.appId.rawValue, pageId: params.pageId, route: params.route,
                        kind: params.kind, data: params.data?.objectValue ?? [:], query: params.query ?? [:]))
                return .null
            },
            .async(HostNames.uiAPI, permission: nil) { call in
                let params = try call.decode(UIParams.self)
                let answer = await delegate.present(UIRequest(app: call.app.descriptor, api: params.api, params: params.params ?? .null))
                switch answer {
                case .shown: return ["outcome": "shown"]
                case .dismissed: return ["outcome": "dismissed"]
                case .confirmed(let text): return ["outcome": "confirmed", "inputValue": text.map(JSONValue.string) ?? .null]
                case .selected(let index): return ["outcome": "selected", "index": .number(Double(index))]
                }
            },
        ]
    }
}

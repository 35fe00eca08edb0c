// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Tracing

/// Wraps one JSAPI's handler of one app instance so each call is a span (`hybrid.jsapi NAME`)
/// with its result code and bytes in and out — never the parameters' values, which may be
/// private. Only made when a tracer runs: without one the handlers are the plugin's own.
struct JSAPISpans: Sendable {
    let tracing: ContainerTracing
    let attributes: SpanAttributes

    /// Spans for `api` of `app`, or nil when tracing is off or `api` is the framework's own
    /// channel (`__hc.*`: its calls are traced as setData, renders and pictures instead).
    init?(tracing: ContainerTracing, api: String, app: AppDescriptor) {
        guard tracing.isOn, !api.hasPrefix(BridgeMethod.frameworkPrefix) else { return nil }
        self.tracing = tracing
        var attributes = ContainerTracing.attributes(of: app)
        attributes[TraceAttribute.rpcSystem] = "hybrid.jsbridge"
        attributes[TraceAttribute.rpcMethod] = api
        self.attributes = attributes
    }

    func wrap(_ handler: @escaping PluginMethod.SyncHandler) -> PluginMethod.SyncHandler {
        { call in
            let start = WallInstant.now
            do {
                let result = try handler(call)
                record(call, kind: "sync", since: start, result: result, error: nil)
                return result
            } catch {
                record(call, kind: "sync", since: start, result: nil, error: BridgeError(wrapping: error))
                throw error
            }
        }
    }

    func wrap(_ handler: @escaping PluginMethod.AsyncHandler) -> PluginMethod.AsyncHandler {
        { call in
            let start = WallInstant.now
            do {
                let result = try await handler(call)
                record(call, kind: "async", since: start, result: result, error: nil)
                return result
            } catch {
                record(call, kind: "async", since: start, result: nil, error: BridgeError(wrapping: error))
                throw error
            }
        }
    }

    private func record(_ call: PluginCall, kind: String, since start: WallInstant, result: JSONValue?, error: BridgeError?) {
        var attributes = self.attributes
        attributes[TraceAttribute.jsapiKind] = kind
        attributes[TraceAttribute.jsapiCode] = error?.code.rawValue ?? 0
        attributes[TraceAttribute.jsapiBytesIn] = call.params.approximateByteCount
        if let result { attributes[TraceAttribute.jsapiBytesOut] = result.approximateByteCount }
        if let error { attributes[TraceAttribute.errorType] = String(error.code.rawValue) }
        tracing.record(
            TraceSpan.jsapi(call.api), kind: .server, since: start, attributes: attributes, error: error?.message)
    }
}

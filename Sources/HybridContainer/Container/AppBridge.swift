// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Observes every JSAPI call of an app (monitoring): name, duration, and the error code if any.
/// The framework's own channel (`__hc.*`, ``BridgeMethod/frameworkPrefix``) is not an app's
/// JSAPI and is not observed (renders have their own spans).
public typealias CallObserver = @Sendable (_ app: AppDescriptor, _ api: String, _ duration: Duration, _ error: BridgeError?) -> Void

/// The bridge dispatcher of one app: the plugin table with the app's permissions applied
/// once at launch, so each call is one dictionary lookup.
public struct AppBridge: BridgeDispatching {
    private let methods: [String: BridgeMethod]
    private let refusals: [String: String]

    /// Builds the dispatcher for `app` from the table, its per-app plugin instances and the policy.
    public init(
        table: PluginTable, instances: [any Plugin], app: AppHandle, policy: PermissionPolicy,
        observer: CallObserver? = nil, rateLimiter: APIRateLimiter? = nil
    ) {
        self.init(
            table: table, instances: instances, app: app, policy: policy, observer: observer, rateLimiter: rateLimiter,
            tracing: .off)
    }

    /// As the public initializer, with each call a span when `tracing` is on.
    init(
        table: PluginTable, instances: [any Plugin], app: AppHandle, policy: PermissionPolicy,
        observer: CallObserver?, rateLimiter: APIRateLimiter?, tracing: ContainerTracing
    ) {
        var methods: [String: BridgeMethod] = [:]
        var refusals: [String: String] = [:]
        var declared = table.methods.mapValues(\.method)
        for (name, method) in table.perAppMethods(for: instances) { declared[name] = method }
        for (name, method) in declared {
            if let refusal = policy.refusal(api: name, permission: method.permission, app: app.descriptor) {
                refusals[name] = refusal
                continue
            }
            let limiter = rateLimiter?.limiters[name] == nil ? nil : rateLimiter
            let spans = JSAPISpans(tracing: tracing, api: name, app: app.descriptor)
            methods[name] = Self.bridgeMethod(method, app: app, observer: observer, limiter: limiter, spans: spans)
        }
        self.methods = methods
        self.refusals = refusals
    }

    public func resolve(api: String, caller: BridgeCaller) -> BridgeResolution {
        if let method = methods[api] { return .method(method) }
        if let refusal = refusals[api] { return .denied(reason: refusal) }
        return .notFound
    }

    private static func bridgeMethod(
        _ method: PluginMethod, app: AppHandle, observer: CallObserver?, limiter: APIRateLimiter?, spans: JSAPISpans?
    ) -> BridgeMethod {
        let descriptor = app.descriptor
        // The framework's channel: no observer, limit or span, only the handler (a page load
        // makes four render calls, each setData one).
        if method.name.hasPrefix(BridgeMethod.frameworkPrefix) {
            switch method.kind {
            case .sync(let plain):
                return .sync(method.name) { request in try plain(PluginCall(api: request.api, params: request.params, app: app)) }
            case .async(let plain, let placement):
                return .async(method.name, timeout: method.timeout, placement: placement) { request in
                    try await plain(PluginCall(api: request.api, params: request.params, app: app))
                }
            }
        }
        switch method.kind {
        case .sync(let plain):
            let handler = spans?.wrap(plain) ?? plain
            return .sync(method.name) { request in
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    try limiter?.take(api: request.api, appId: descriptor.appId.rawValue)
                    let result = try handler(PluginCall(api: request.api, params: request.params, app: app))
                    observer?(descriptor, request.api, clock.now - start, nil)
                    return result
                } catch {
                    observer?(descriptor, request.api, clock.now - start, BridgeError(wrapping: error))
                    throw error
                }
            }
        case .async(let plain, let placement):
            let handler = spans?.wrap(plain) ?? plain
            return .async(method.name, timeout: method.timeout, placement: placement) { request in
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    try limiter?.take(api: request.api, appId: descriptor.appId.rawValue)
                    let result = try await handler(PluginCall(api: request.api, params: request.params, app: app))
                    observer?(descriptor, request.api, clock.now - start, nil)
                    return result
                } catch {
                    observer?(descriptor, request.api, clock.now - start, BridgeError(wrapping: error))
                    throw error
                }
            }
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Calls a plugin's JSAPIs and lifecycle listeners the way the container does, without a
/// container or JavaScript: the permission check of the default policy, the handler, and the
/// error a script would see.
///
/// ```swift
/// let tester = PluginTester(GreeterPlugin(), app: .testApp(permissions: ["greeter"]))
/// #expect(try await tester.call("greet", ["name": "Ada"]) == "hello, Ada")
/// #expect(tester.events.payloads(of: "greeted") == [["name": "Ada"]])
/// ```
public struct PluginTester: Sendable {
    /// The plugin under test.
    public let plugin: any Plugin
    /// The app whose calls these are.
    public let handle: AppHandle
    /// What the plugin pushed to the app.
    public let events: RecordingEventSink
    /// What the plugin asked of the container.
    public let container: RecordingContainer
    /// The host's rules applied on top of the app's permissions.
    public let policy: PermissionPolicy

    /// A tester calling `plugin` as `app`.
    public init(
        _ plugin: any Plugin, app: AppDescriptor = .testApp(), policy: PermissionPolicy = PermissionPolicy(),
        container: RecordingContainer = RecordingContainer()
    ) {
        self.plugin = plugin
        self.events = RecordingEventSink()
        self.container = container
        self.policy = policy
        self.handle = AppHandle(descriptor: app, events: events, container: container)
    }

    /// Calls `api` with `params` (as `JSBridge.call` would): the result, or the ``BridgeError``
    /// the script would receive (code 1: no such API, 4: no permission, 2: bad parameters, …).
    @discardableResult
    public func call(_ api: String, _ params: JSONValue = [:]) async throws(BridgeError) -> JSONValue {
        let method = try resolve(api)
        let call = PluginCall(api: api, params: params, app: handle)
        do {
            switch method.kind {
            case .sync(let handler): return try handler(call)
            case .async(let handler, _): return try await handler(call)
            }
        } catch {
            throw BridgeError(wrapping: error)
        }
    }

    /// Calls a synchronous `api` (as `JSBridge.callSync` would); an async API is code 1.
    @discardableResult
    public func callSync(_ api: String, _ params: JSONValue = [:]) throws(BridgeError) -> JSONValue {
        let method = try resolve(api)
        guard case .sync(let handler) = method.kind else {
            throw BridgeError(.noSuchAPI, "\(api) is asynchronous: use JSBridge.call")
        }
        do {
            return try handler(PluginCall(api: api, params: params, app: handle))
        } catch {
            throw BridgeError(wrapping: error)
        }
    }

    /// Runs a lifecycle event through the plugin as the container does (`setUp` first for a
    /// launch, then `intercept`, then `observe` unless vetoed); returns the decision.
    @discardableResult
    public func send(_ event: LifecycleEvent) async throws -> InterceptDecision {
        if case .launch = event { try await plugin.setUp(handle) }
        let decision = try await plugin.intercept(event, app: handle)
        if case .veto = decision { return decision }
        await plugin.observe(event, app: handle)
        if case .destroy = event { await plugin.tearDown(handle) }
        return decision
    }

    private func resolve(_ api: String) throws(BridgeError) -> PluginMethod {
        guard let method = plugin.methods.first(where: { $0.name == api }) else {
            throw BridgeError(.noSuchAPI, "no such API: \(api)")
        }
        if let refusal = policy.refusal(api: api, permission: method.permission, app: handle.descriptor) {
            throw BridgeError(.noPermission, "no permission to call \(api): \(refusal)")
        }
        return method
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A lifecycle event of a micro-app, as plugins see it.
public enum LifecycleEvent: Sendable, Hashable, CustomStringConvertible {
    case launch(LaunchOptions)
    case start
    case stop
    case destroy
    /// A hook of the app threw or rejected, or a script failed outside any hook.
    case error(AppFailure)

    /// The hook name on the app's `App({...})` object.
    public var hookName: String {
        switch self {
        case .launch: return "onLaunch"
        case .start: return "onStart"
        case .stop: return "onStop"
        case .destroy: return "onDestroy"
        case .error: return "onError"
        }
    }

    public var description: String { hookName }
}

/// A failure reported to `onError` and to plugins.
public struct AppFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where it happened (`onLaunch`, `setTimeout callback`, …).
    public let origin: String
    public let message: String
    public let stack: String?
    /// The script file and line that raised it (`pages/index/index.js:12`), when known.
    public let location: String?

    /// Creates a failure.
    public init(origin: String, message: String, stack: String? = nil, location: String? = nil) {
        self.origin = origin
        self.message = message
        self.stack = stack
        self.location = location
    }

    public var description: String { "\(origin): \(message)" + (location.map { " (at \($0))" } ?? "") }
}

/// What an intercepting listener decided about an event before the app sees it.
public enum InterceptDecision: Sendable, Hashable {
    /// Carry on unchanged.
    case proceed
    /// Refuse the launch with a reason (only meaningful for `.launch`).
    case veto(reason: String)
    /// Carry on with rewritten launch options (only meaningful for `.launch`).
    case rewrite(LaunchOptions)
}

/// A native extension of the container: JSAPIs and lifecycle listeners.
///
/// Listeners run in `priority` order (higher first): `intercept` for every plugin before the
/// app's hook (a veto stops a launch), then the app's hook, then `observe` for every plugin.
/// Everything has a default, so a plugin implements only what it needs.
///
/// ```swift
/// struct GreeterPlugin: Plugin {
///     let name = "greeter"
///     var methods: [PluginMethod] {
///         [.async("greet", permission: "greeter") { call in
///             struct Params: Decodable { var name: String }
///             return .string("hello, \(try call.decode(Params.self).name)")
///         }]
///     }
/// }
/// ```
public protocol Plugin: Sendable {
    /// Unique among the container's plugins.
    var name: String { get }
    /// The JSAPIs it offers.
    var methods: [PluginMethod] { get }
    /// Listener order: higher runs first. Default 0.
    var priority: Int { get }
    /// Called when an app launches, before any listener (per-app state goes here).
    func setUp(_ app: AppHandle) async throws
    /// Called after an app is destroyed.
    func tearDown(_ app: AppHandle) async
    /// Before the app's hook: may veto a launch or rewrite its options.
    func intercept(_ event: LifecycleEvent, app: AppHandle) async throws -> InterceptDecision
    /// After the app's hook.
    func observe(_ event: LifecycleEvent, app: AppHandle) async
}

extension Plugin {
    public var methods: [PluginMethod] { [] }
    public var priority: Int { 0 }
    public func setUp(_ app: AppHandle) async throws {}
    public func tearDown(_ app: AppHandle) async {}
    public func intercept(_ event: LifecycleEvent, app: AppHandle) async throws -> InterceptDecision { .proceed }
    public func observe(_ event: LifecycleEvent, app: AppHandle) async {}
}

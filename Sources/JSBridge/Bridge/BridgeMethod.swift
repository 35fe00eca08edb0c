// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A native API callable from JavaScript by name.
public struct BridgeMethod: Sendable {
    /// Handler of a synchronous API: runs on the JavaScript thread and must return quickly.
    public typealias SyncHandler = @Sendable (BridgeRequest) throws -> JSONValue
    /// Handler of an asynchronous API: runs off the JavaScript thread.
    public typealias AsyncHandler = @Sendable (BridgeRequest) async throws -> JSONValue

    /// Where an asynchronous handler runs (see `CallPlacement`).
    public typealias Placement = CallPlacement

    /// How the handler runs.
    public enum Kind: Sendable {
        /// Callable with `JSBridge.callSync` (and `JSBridge.call`).
        case sync(SyncHandler)
        /// Callable with `JSBridge.call` only.
        case async(AsyncHandler, Placement)
    }

    /// Names starting with this prefix are framework-only: `JSBridge.call`/`callSync` in app
    /// code answer "no such API" (code 1) for them; only scripts run with
    /// ``ScriptContext/evaluateFramework(_:sourceURL:)`` can call them, through the channel that
    /// evaluation hands them.
    public static let frameworkPrefix = HostNames.frameworkAPIPrefix

    /// The API name JavaScript uses.
    public let name: String
    /// The handler.
    public let kind: Kind
    /// Overrides the context's call timeout for this API (async APIs only).
    public let timeout: Duration?

    /// An asynchronous API.
    public static func async(
        _ name: String, timeout: Duration? = nil, placement: Placement = .concurrent,
        _ handler: @escaping AsyncHandler
    ) -> BridgeMethod {
        BridgeMethod(name: name, kind: .async(handler, placement), timeout: timeout)
    }

    /// A synchronous API.
    public static func sync(_ name: String, _ handler: @escaping SyncHandler) -> BridgeMethod {
        BridgeMethod(name: name, kind: .sync(handler), timeout: nil)
    }

    /// Creates a method.
    public init(name: String, kind: Kind, timeout: Duration? = nil) {
        self.name = name
        self.kind = kind
        self.timeout = timeout
    }

    /// True if the API can be called with `callSync`.
    public var isSynchronous: Bool {
        if case .sync = kind { return true }
        return false
    }
}

/// What a dispatcher decided for one call.
public enum BridgeResolution: Sendable {
    /// Run this method.
    case method(BridgeMethod)
    /// The API exists but the caller may not use it (code 4); the reason is shown to the caller.
    case denied(reason: String)
    /// There is no such API (code 1).
    case notFound
}

/// Finds the method for a call. Called on the JavaScript thread for every call: keep it
/// cheap and lock-free (build-then-freeze tables are ideal).
public protocol BridgeDispatching: Sendable {
    /// Returns the method `api` maps to for this caller, a denial, or `notFound`.
    func resolve(api: String, caller: BridgeCaller) -> BridgeResolution
}

/// An immutable name → method table; the simplest dispatcher.
public struct BridgeMethodTable: BridgeDispatching {
    /// Raised when two methods share a name.
    public struct DuplicateName: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "two bridge methods are named \"\(name)\"" }
    }

    /// The methods by name.
    public let methods: [String: BridgeMethod]

    /// An empty table: every call gets code 1.
    public static let empty = BridgeMethodTable(uncheckedMethods: [:])

    /// Builds a table, refusing duplicate names.
    public init(_ methods: [BridgeMethod]) throws {
        var table: [String: BridgeMethod] = [:]
        for method in methods {
            guard table.updateValue(method, forKey: method.name) == nil else {
                throw DuplicateName(name: method.name)
            }
        }
        self.methods = table
    }

    private init(uncheckedMethods: [String: BridgeMethod]) {
        self.methods = uncheckedMethods
    }

    public func resolve(api: String, caller: BridgeCaller) -> BridgeResolution {
        methods[api].map(BridgeResolution.method) ?? .notFound
    }
}

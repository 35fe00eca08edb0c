// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// One JSAPI a plugin offers: its name, whether it is synchronous, and the permission an app
/// must hold (in its manifest `permissions`, by this name or the API's own name) to call it.
public struct PluginMethod: Sendable {
    public typealias SyncHandler = @Sendable (PluginCall) throws -> JSONValue
    public typealias AsyncHandler = @Sendable (PluginCall) async throws -> JSONValue

    public enum Kind: Sendable {
        case sync(SyncHandler)
        case async(AsyncHandler, CallPlacement)
    }

    /// The name JavaScript calls.
    public let name: String
    /// A permission or group name; `nil` for APIs every app may call (e.g. `getSystemInfo`).
    public let permission: String?
    public let kind: Kind
    /// Overrides the container's call timeout.
    public let timeout: Duration?

    /// An asynchronous JSAPI (off the JavaScript thread unless `placement` says otherwise).
    public static func async(
        _ name: String, permission: String?, timeout: Duration? = nil,
        placement: CallPlacement = .concurrent, _ handler: @escaping AsyncHandler
    ) -> PluginMethod {
        PluginMethod(name: name, permission: permission, kind: .async(handler, placement), timeout: timeout)
    }

    /// A synchronous JSAPI: runs on the JavaScript thread, callable with `JSBridge.callSync`.
    public static func sync(_ name: String, permission: String?, _ handler: @escaping SyncHandler) -> PluginMethod {
        PluginMethod(name: name, permission: permission, kind: .sync(handler), timeout: nil)
    }
}

/// One call of a plugin JSAPI, with typed access to its parameters and its caller.
public struct PluginCall: Sendable {
    /// The API name.
    public let api: String
    /// Raw parameters (an empty object when omitted).
    public let params: JSONValue
    /// The calling app.
    public let app: AppHandle

    /// Creates a call (the container does this; tests of plugins may too).
    public init(api: String, params: JSONValue, app: AppHandle) {
        self.api = api
        self.params = params
        self.app = app
    }

    /// Decodes the parameters; a mismatch is a code-2 error naming the field.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try params.decodeParameters(type, api: api)
    }

    /// Encodes a result for JavaScript (`Data` becomes an `ArrayBuffer`).
    public func resolve<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONValueEncoder().encode(value)
    }

    /// An error to throw from a handler: `throw call.reject(.plugin(1001), "quota exceeded")`.
    public func reject(_ code: BridgeErrorCode, _ message: String) -> BridgeError {
        BridgeError(code, message)
    }
}

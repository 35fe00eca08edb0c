// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Who is calling: the script context a bridge call comes from.
///
/// Handlers use it to scope their work to one app (storage namespaces, permission checks)
/// and to push events back to that app's JavaScript.
public struct BridgeCaller: Sendable {
    /// The facts in one shared object: a request copies one reference, not each field.
    private final class Storage: Sendable {
        let contextID: UInt64
        let name: String
        let metadata: [String: String]
        let events: ScriptEventSink

        init(contextID: UInt64, name: String, metadata: [String: String], events: ScriptEventSink) {
            self.contextID = contextID
            self.name = name
            self.metadata = metadata
            self.events = events
        }
    }

    private let storage: Storage

    init(contextID: UInt64, name: String, metadata: [String: String], events: ScriptEventSink) {
        storage = Storage(contextID: contextID, name: name, metadata: metadata, events: events)
    }

    /// Unique for the life of the process.
    public var contextID: UInt64 { storage.contextID }
    /// The context's name (for a micro-app, its appId).
    public var name: String { storage.name }
    /// Host-provided facts about the context (e.g. appId, version), set at creation.
    public var metadata: [String: String] { storage.metadata }
    /// Pushes events to the calling context's `JSBridge.on` listeners.
    public var events: ScriptEventSink { storage.events }
}

/// One call from JavaScript: the API name, its parameters and who called.
public struct BridgeRequest: Sendable {
    /// The fields in one shared object: passing a request to a handler copies one reference,
    /// not three (the copy was ≈10 % of a no-op sync call in `perf`).
    private final class Storage: Sendable {
        let api: String
        let params: JSONValue
        let caller: BridgeCaller

        init(api: String, params: JSONValue, caller: BridgeCaller) {
            self.api = api
            self.params = params
            self.caller = caller
        }
    }

    private let storage: Storage

    /// The API name passed to `JSBridge.call` / `callSync`.
    public var api: String { storage.api }
    /// The parameters; an omitted or `undefined` argument arrives as an empty object.
    public var params: JSONValue { storage.params }
    /// The calling context.
    public var caller: BridgeCaller { storage.caller }

    /// Creates a request (used by the bridge, and by tests of handlers).
    public init(api: String, params: JSONValue, caller: BridgeCaller) {
        storage = Storage(api: api, params: params, caller: caller)
    }

    /// Decodes the parameters; a mismatch becomes a code-2 `BridgeError` naming the field.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try Self.decode(type, from: params, api: api)
    }

    /// Decodes call parameters of `api`; a mismatch becomes a code-2 `BridgeError` naming the field.
    public static func decode<T: Decodable>(_ type: T.Type, from params: JSONValue, api: String) throws -> T {
        try params.decodeParameters(type, api: api)
    }
}

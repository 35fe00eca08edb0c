// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import AsyncHTTPClient
import Foundation
import Plugins

/// WebSockets for apps (`connectSocket` / `SocketTask` of both platforms), over swift-nio:
/// `socket.connect {socketId, url, header, protocols}`, `socket.send {socketId, data}`,
/// `socket.close {socketId, code, reason}`, `socket.wait {socketId}` (settles when the socket
/// has ended: an open socket is work in progress, so the app is not idle); what happens on a socket reaches the app as
/// `JSBridge.on('socket')` events (`open`, `message`, `error`, `close`, with the `socketId`).
///
/// Permission `websocket`; `ws://`/`wss://` URLs whose host is in the app's `allowedDomains`;
/// headers checked like `request`'s. What a server can cost the host is bounded by
/// ``SocketLimits``: whole messages, messages waiting for the app (then the socket stops
/// reading), the upgrade and the closing handshake. An app's sockets close when it is destroyed.
public struct SocketPlugin: Plugin {
    public let name = "socket"
    /// What one app's sockets may cost.
    public let limits: SocketLimits
    private let sockets: OpenSockets

    /// Open sockets an app may hold at once.
    public var maximumSocketsPerApp: Int { limits.maximumSocketsPerApp }
    /// The largest message accepted from a server, in bytes.
    public var maximumMessageBytes: Int { limits.maximumMessageBytes }

    /// Code of "too many sockets".
    public static let tooManySockets = BridgeErrorCode.plugin(1201)
    /// Code of "no such socket" (never opened, or closed).
    public static let noSuchSocket = BridgeErrorCode.plugin(1202)

    /// A plugin with `limits`.
    public init(limits: SocketLimits = SocketLimits()) {
        self.limits = limits
        self.sockets = OpenSockets(limits: limits)
    }

    /// A plugin with the default limits but these two.
    public init(maximumSocketsPerApp: Int, maximumMessageBytes: Int = 1 << 20) {
        var limits = SocketLimits()
        limits.maximumSocketsPerApp = maximumSocketsPerApp
        limits.maximumMessageBytes = maximumMessageBytes
        self.init(limits: limits)
    }

    struct ConnectParams: Decodable {
        var socketId: Double
        var url: String
        var header: [String: String]?
        var protocols: [String]?
    }

    struct SendParams: Decodable {
        var socketId: Double
        var data: JSONValue
    }

    struct CloseParams: Decodable {
        var socketId: Double
        var code: Double?
        var reason: String?
    }

    public var methods: [PluginMethod] {
        let plugin = self
        return [
            .async("socket.connect", permission: "websocket") { call in try plugin.connect(call) },
            .async("socket.send", permission: "websocket") { call in try await plugin.send(call) },
            .async("socket.close", permission: "websocket") { call in try plugin.close(call) },
            .async("socket.wait", permission: "websocket") { call in try await plugin.wait(call) },
        ]
    }

    public func observe(_ event: LifecycleEvent, app: AppHandle) async {
        guard case .destroy = event else { return }
        for socket in sockets.removeAll(of: app.descriptor.instanceID) { socket.drop() }
    }

    func connect(_ call: PluginCall) throws -> JSONValue {
        let params = try call.decode(ConnectParams.self)
        let id = try AppNumbers.integer(params.socketId, field: "socketId", in: 1...Int(Int32.max))
        let app = call.app.descriptor
        let url = try NetworkAccessPolicy.checkedURL(
            params.url, domains: app.allowedDomains, api: "connectSocket", appId: app.appId.rawValue, schemes: ["ws", "wss"])
        var headers = params.header ?? [:]
        try NetworkAccessPolicy.checkHeaders(headers, api: "connectSocket")
        if let protocols = params.protocols, !protocols.isEmpty { headers["Sec-WebSocket-Protocol"] = protocols.joined(separator: ", ") }
        guard let budget = sockets.reserve(id, for: app.instanceID) else {
            throw call.reject(
                Self.tooManySockets,
                "connectSocket: \(app.appId) already has \(limits.maximumSocketsPerApp) sockets open (or socketId \(id) is in use)")
        }
        let events = call.app.events
        let instance = app.instanceID
        let sockets = sockets
        let payload: @Sendable (String, JSONObject) -> JSONValue = { type, extra in
            var payload: JSONObject = ["socketId": .number(Double(id)), "type": .string(type)]
            for (key, value) in extra { payload[key] = value }
            return .object(payload)
        }
        let emitter = SocketConnection.Emitter(
            plain: { type, extra in events.emit("socket", payload(type, extra)) },
            tracked: { type, extra, delivered in events.emit("socket", payload(type, extra), delivered: delivered) })
        let connection = SocketConnection.connect(
            to: url, headers: headers, limits: limits, budget: budget, group: HTTPClient.defaultEventLoopGroup,
            emitter: emitter, onEnd: { sockets.remove(id, for: instance) })
        if !sockets.attach(connection, id, for: instance) { connection.drop() }
        return .null
    }

    func send(_ call: PluginCall) async throws -> JSONValue {
        let params = try call.decode(SendParams.self)
        let socket = try openSocket(params.socketId, call)
        let message: SocketMessage
        switch params.data {
        case .string(let text): message = .text(text)
        case .binary(let data): message = .binary(data)
        default: throw call.reject(.invalidParameters, "sendSocketMessage: data must be a string or an ArrayBuffer")
        }
        guard try await socket.send(message) else { throw notOpen(params.socketId, call) }
        return .null
    }

    func close(_ call: PluginCall) throws -> JSONValue {
        let params = try call.decode(CloseParams.self)
        // As WebSocket.close() in browsers: 1000, or an application code 3000–4999.
        let code = try params.code.map { try AppNumbers.integer($0, field: "code", in: 1000...4999) } ?? 1000
        guard code == 1000 || code >= 3000 else {
            throw call.reject(.invalidParameters, "closeSocket: code must be 1000 or 3000…4999 (\(code) is reserved)")
        }
        let reason = params.reason ?? ""
        guard reason.utf8.count <= 123 else {
            throw call.reject(.invalidParameters, "closeSocket: reason must be at most 123 bytes of UTF-8")
        }
        let socket = try openSocket(params.socketId, call)
        guard socket.close(code: code, reason: reason) else { throw notOpen(params.socketId, call) }
        return .null
    }

    struct WaitParams: Decodable {
        var socketId: Double
    }

    func wait(_ call: PluginCall) async throws -> JSONValue {
        let params = try call.decode(WaitParams.self)
        let id = try AppNumbers.integer(params.socketId, field: "socketId", in: 1...Int(Int32.max))
        await sockets.socket(id, for: call.app.descriptor.instanceID)?.waitForEnd()
        return .null
    }

    private func openSocket(_ rawID: Double, _ call: PluginCall) throws -> SocketConnection {
        let id = try AppNumbers.integer(rawID, field: "socketId", in: 1...Int(Int32.max))
        guard let socket = sockets.socket(id, for: call.app.descriptor.instanceID) else { throw notOpen(rawID, call) }
        return socket
    }

    private func notOpen(_ id: Double, _ call: PluginCall) -> any Error {
        call.reject(Self.noSuchSocket, "\(call.api): socket \(Int(id)) is not open")
    }
}

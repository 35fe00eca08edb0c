// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket
import Plugins
import Synchronization
import WebSocketKit

/// WebSockets for apps (`connectSocket` / `SocketTask` of both platforms), over websocket-kit:
/// `socket.connect {socketId, url, header, protocols}`, `socket.send {socketId, data}`,
/// `socket.close {socketId, code, reason}`; what happens on a socket reaches the app as
/// `JSBridge.on('socket')` events (`open`, `message`, `error`, `close`, with the `socketId`).
///
/// Permission `websocket`; `ws://`/`wss://` URLs whose host is in the app's `allowedDomains`;
/// headers checked like `request`'s. At most ``maximumSocketsPerApp`` sockets per app; an app's
/// sockets close when it is destroyed.
public struct SocketPlugin: Plugin {
    public let name = "socket"
    /// Open sockets an app may hold at once.
    public let maximumSocketsPerApp: Int
    /// The largest message accepted from a server, in bytes.
    public let maximumMessageBytes: Int
    private let sockets = OpenSockets()

    /// Code of "too many sockets".
    public static let tooManySockets = BridgeErrorCode.plugin(1201)
    /// Code of "no such socket" (never opened, or closed).
    public static let noSuchSocket = BridgeErrorCode.plugin(1202)

    public init(maximumSocketsPerApp: Int = 5, maximumMessageBytes: Int = 1 << 20) {
        self.maximumSocketsPerApp = maximumSocketsPerApp
        self.maximumMessageBytes = maximumMessageBytes
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
            .async("socket.close", permission: "websocket") { call in try await plugin.close(call) },
        ]
    }

    public func observe(_ event: LifecycleEvent, app: AppHandle) async {
        guard case .destroy = event else { return }
        for socket in sockets.removeAll(of: app.descriptor.instanceID) { _ = try? await socket.close(code: .goingAway).get() }
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
        guard sockets.reserve(id, for: app.instanceID, limit: maximumSocketsPerApp) else {
            throw call.reject(
                Self.tooManySockets,
                "connectSocket: \(app.appId) already has \(maximumSocketsPerApp) sockets open (or socketId \(id) is in use)")
        }
        let events = call.app.events
        let instance = app.instanceID
        let sockets = sockets
        var configuration = WebSocketClient.Configuration()
        configuration.maxFrameSize = maximumMessageBytes
        let emit: @Sendable (String, JSONValue) -> Void = { type, extra in
            var payload: JSONObject = ["socketId": .number(Double(id)), "type": .string(type)]
            if case .object(let members) = extra { for (key, value) in members { payload[key] = value } }
            events.emit("socket", .object(payload))
        }
        WebSocket.connect(
            to: url, headers: HTTPHeaders(headers.map { ($0.key, $0.value) }), configuration: configuration,
            on: HTTPClient.defaultEventLoopGroup
        ) { socket in
            guard sockets.attach(socket, id, for: instance) else {
                _ = socket.close(code: .goingAway)
                return
            }
            socket.onText { _, text in emit("message", ["data": .string(text)]) }
            socket.onBinary { _, buffer in emit("message", ["data": .binary(Data(buffer: buffer))]) }
            socket.onClose.whenComplete { _ in
                sockets.remove(id, for: instance)
                let code = socket.closeCode.map { Int(UInt16(webSocketErrorCode: $0)) } ?? 1006
                emit("close", ["code": .number(Double(code)), "reason": ""])
            }
            emit("open", ["header": [:]])
        }.whenFailure { error in
            sockets.remove(id, for: instance)
            emit("error", ["errMsg": .string("connectSocket: \(url.absoluteString) failed: \(error)")])
            emit("close", ["code": 1006, "reason": .string("\(error)")])
        }
        return .null
    }

    func send(_ call: PluginCall) async throws -> JSONValue {
        let params = try call.decode(SendParams.self)
        let socket = try openSocket(params.socketId, call)
        switch params.data {
        case .string(let text): try await socket.send(text)
        case .binary(let data): try await socket.send([UInt8](data))
        default: throw call.reject(.invalidParameters, "sendSocketMessage: data must be a string or an ArrayBuffer")
        }
        return .null
    }

    func close(_ call: PluginCall) async throws -> JSONValue {
        let params = try call.decode(CloseParams.self)
        let code = try params.code.map { try AppNumbers.integer($0, field: "code", in: 1000...4999) } ?? 1000
        let socket = try openSocket(params.socketId, call)
        try await socket.close(code: WebSocketErrorCode(codeNumber: code))
        return .null
    }

    private func openSocket(_ rawID: Double, _ call: PluginCall) throws -> WebSocket {
        let id = try AppNumbers.integer(rawID, field: "socketId", in: 1...Int(Int32.max))
        guard let socket = sockets.socket(id, for: call.app.descriptor.instanceID) else {
            throw call.reject(Self.noSuchSocket, "\(call.api): socket \(id) is not open")
        }
        return socket
    }
}

/// The sockets of every app: reserved at connect, attached once upgraded.
final class OpenSockets: Sendable {
    private let state = Mutex<[UInt64: [Int: WebSocket?]]>([:])

    func reserve(_ id: Int, for app: UInt64, limit: Int) -> Bool {
        state.withLock { state in
            let mine = state[app, default: [:]]
            guard mine[id] == nil, mine.count < limit else { return false }
            state[app, default: [:]][id] = .some(nil)
            return true
        }
    }

    /// False when the reservation is gone (the app was destroyed meanwhile).
    func attach(_ socket: WebSocket, _ id: Int, for app: UInt64) -> Bool {
        state.withLock { state in
            guard state[app]?[id] != nil else { return false }
            state[app]?[id] = .some(socket)
            return true
        }
    }

    func socket(_ id: Int, for app: UInt64) -> WebSocket? {
        state.withLock { $0[app]?[id] ?? nil }
    }

    func remove(_ id: Int, for app: UInt64) {
        state.withLock { state in _ = state[app]?.removeValue(forKey: id) }
    }

    func removeAll(of app: UInt64) -> [WebSocket] {
        state.withLock { state in (state.removeValue(forKey: app) ?? [:]).values.compactMap { $0 } }
    }
}

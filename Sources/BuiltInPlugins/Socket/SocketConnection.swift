// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import Plugins
import Synchronization

/// One app socket over swift-nio: TCP (TLS for `wss`), the HTTP upgrade, then
/// ``SocketFrameHandler``. Reports to the app through `emit` (`open`, `message`, `error`,
/// `close`); `close` is reported exactly once, however the connection ends (the server, the
/// app, a deadline, the host), and then `onEnd` frees the app's slot.
final class SocketConnection: Sendable {
    enum Phase: Sendable { case connecting, open, ended }

    struct Emitter: Sendable {
        let plain: @Sendable (_ type: String, _ extra: JSONObject) -> Void
        let tracked: @Sendable (_ type: String, _ extra: JSONObject, _ delivered: @escaping @Sendable () -> Void) -> Void
    }

    private struct State: Sendable {
        var phase = Phase.connecting
        var channel: (any Channel)?
        var handler: NIOLoopBound<SocketFrameHandler>?
        var upgradeTimer: Scheduled<Void>?
        /// Why the connection is being given up before it opened (a deadline, the app).
        var abandoned: SocketClosure?
        /// Callers of ``waitForEnd()``.
        var endWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let url: URL
    private let limits: SocketLimits
    private let emitter: Emitter
    private let onEnd: @Sendable () -> Void
    private let state = Mutex(State())

    private init(url: URL, limits: SocketLimits, emitter: Emitter, onEnd: @escaping @Sendable () -> Void) {
        self.url = url
        self.limits = limits
        self.emitter = emitter
        self.onEnd = onEnd
    }

    /// Starts connecting to `url` (already checked: `ws`/`wss`, an allowed host).
    static func connect(
        to url: URL, headers: [String: String], limits: SocketLimits, budget: DeliveryBudget, group: any EventLoopGroup,
        emitter: Emitter, onEnd: @escaping @Sendable () -> Void
    ) -> SocketConnection {
        let connection = SocketConnection(url: url, limits: limits, emitter: emitter, onEnd: onEnd)
        connection.start(headers: headers, budget: budget, group: group)
        return connection
    }

    var phase: Phase { state.withLock { $0.phase } }

    // MARK: Connecting

    private func start(headers: [String: String], budget: DeliveryBudget, group: any EventLoopGroup) {
        let secure = url.scheme == "wss"
        let host = url.host ?? ""
        let port = url.port ?? (secure ? 443 : 80)
        var target = url.path.isEmpty ? "/" : URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
        if target.isEmpty { target = "/" }
        if let query = url.query { target += "?" + query }
        var requestHeaders = HTTPHeaders(headers.map { ($0.key, $0.value) })
        requestHeaders.replaceOrAdd(name: "Host", value: url.port.map { "\(host):\($0)" } ?? host)
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target, headers: requestHeaders)
        let limits = limits
        let eventLoop = group.next()
        let timer = eventLoop.scheduleTask(in: .nanoseconds(AppNumbers.nanoseconds(limits.upgradeTimeout))) { [self] in
            abandon(SocketClosure(code: 1006, reason: "no WebSocket upgrade within \(limits.upgradeTimeout)", failure: nil))
        }
        state.withLock { $0.upgradeTimer = timer }
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(.nanoseconds(AppNumbers.nanoseconds(limits.upgradeTimeout)))
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    if secure {
                        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                        let hostname = host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: hostname))
                    }
                    let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(
                        maxFrameSize: limits.maximumMessageBytes, enableAutomaticErrorHandling: false
                    ) { channel, response in
                        channel.eventLoop.makeCompletedFuture { try self.upgraded(channel, response, budget: budget) }
                    }
                    let upgrade = NIOTypedHTTPClientUpgradeConfiguration<Bool>(
                        upgradeRequestHead: head, upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(false) })
                    var configuration = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: upgrade)
                    configuration.leftOverBytesStrategy = .forwardBytes
                    let result = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: configuration)
                    result.whenComplete { outcome in self.upgradeFinished(outcome, channel: channel) }
                }
            }
        bootstrap.connect(host: host, port: port).whenComplete { [self] result in
            switch result {
            case .success(let channel): attach(channel)
            case .failure(let error):
                end(
                    SocketClosure(
                        code: 1006, reason: Self.describe(error),
                        failure: "connectSocket: \(url.absoluteString) failed: \(Self.describe(error))"))
            }
        }
    }

    /// The channel exists (TCP is up); it may already have been abandoned meanwhile.
    private func attach(_ channel: any Channel) {
        let keep = state.withLock { state -> Bool in
            guard state.phase != .ended, state.abandoned == nil else { return false }
            state.channel = channel
            return true
        }
        guard keep else {
            channel.close(promise: nil)
            return
        }
        channel.closeFuture.whenComplete { [self] _ in
            // After the upgrade the frame handler reports how it ended; before it, this does.
            guard phase == .connecting else { return }
            let closure = state.withLock { $0.abandoned }
            end(
                closure
                    ?? SocketClosure(
                        code: 1006, reason: "the server closed the connection before the upgrade",
                        failure: "connectSocket: \(url.absoluteString): the server closed the connection before the upgrade"))
        }
    }

    /// On the channel's loop, as the server switches protocols: the frame handlers, then `open`.
    private func upgraded(_ channel: any Channel, _ response: HTTPResponseHead, budget: DeliveryBudget) throws -> Bool {
        let opened = state.withLock { state -> Bool in
            guard state.phase == .connecting, state.abandoned == nil else { return false }
            state.phase = .open
            state.upgradeTimer?.cancel()
            return true
        }
        guard opened else {
            channel.close(promise: nil)
            return false
        }
        let emitter = emitter
        let handler = SocketFrameHandler(
            limits: limits, budget: budget,
            deliver: { message, delivered in emitter.tracked("message", ["data": Self.payload(message)], delivered) },
            ended: { [self] closure, undelivered in
                for message in undelivered { emitter.plain("message", ["data": Self.payload(message)]) }
                end(closure)
            })
        try channel.pipeline.syncOperations.addHandler(
            NIOWebSocketFrameAggregator(
                minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: limits.maximumFragmentsPerMessage,
                maxAccumulatedFrameSize: limits.maximumMessageBytes))
        try channel.pipeline.syncOperations.addHandler(handler)
        state.withLock { $0.handler = NIOLoopBound(handler, eventLoop: channel.eventLoop) }
        var header: JSONObject = [:]
        for (name, value) in response.headers { header[name] = .string(value) }
        emitter.plain("open", ["header": .object(header)])
        return true
    }

    private func upgradeFinished(_ outcome: Result<Bool, any Error>, channel: any Channel) {
        switch outcome {
        case .success(true): return
        case .success(false):
            abandon(SocketClosure(code: 1006, reason: "the server did not switch protocols", failure: nil))
        case .failure(let error):
            abandon(SocketClosure(code: 1006, reason: "the upgrade failed: \(Self.describe(error))", failure: nil))
        }
    }

    /// Gives the connection up before it opened: reported now, the channel closed if there is one.
    private func abandon(_ closure: SocketClosure) {
        let channel = state.withLock { state -> (any Channel)?? in
            guard state.phase == .connecting, state.abandoned == nil else { return .none }
            state.abandoned = closure
            return .some(state.channel)
        }
        guard case .some(let open) = channel else { return }
        var reported = closure
        if reported.failure == nil, reported.code == 1006 { reported.failure = "connectSocket: \(url.absoluteString): \(closure.reason)" }
        end(reported)
        open?.close(promise: nil)
    }

    /// Reports the end once: `error` first when something went wrong, then `close`.
    private func end(_ closure: SocketClosure) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
            guard state.phase != .ended else { return nil }
            state.phase = .ended
            state.upgradeTimer?.cancel()
            defer { state.endWaiters = [] }
            return state.endWaiters
        }
        guard let waiters else { return }
        defer { for waiter in waiters { waiter.resume() } }
        if let failure = closure.failure { emitter.plain("error", ["errMsg": .string(failure)]) }
        emitter.plain("close", ["code": .number(Double(closure.code)), "reason": .string(closure.reason)])
        onEnd()
    }

    /// Returns once the connection has ended (at once if it has).
    func waitForEnd() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ended = state.withLock { state -> Bool in
                guard state.phase != .ended else { return true }
                state.endWaiters.append(continuation)
                return false
            }
            if ended { continuation.resume() }
        }
    }

    // MARK: What the app does

    /// Sends a message; false when the socket is not open.
    func send(_ message: SocketMessage) async throws -> Bool {
        guard let (channel, _) = openChannel() else { return false }
        var buffer = channel.allocator.buffer(capacity: message.byteCount)
        let opcode: WebSocketOpcode
        switch message {
        case .text(let text):
            buffer.writeString(text)
            opcode = .text
        case .binary(let data):
            buffer.writeBytes(data)
            opcode = .binary
        }
        try await channel.writeAndFlush(SocketFrameHandler.frame(opcode, buffer))
        return true
    }

    /// Closes with the app's code; a connecting socket is given up. False when already ended.
    func close(code: Int, reason: String) -> Bool {
        if let (channel, handler) = openChannel() {
            channel.eventLoop.execute { handler.value.close(code: code, reason: reason) }
            return true
        }
        guard phase == .connecting else { return false }
        abandon(SocketClosure(code: code, reason: reason, failure: nil))
        return true
    }

    /// The app ended: closed at once (no wait for the server).
    func drop() {
        if let (channel, handler) = openChannel() {
            channel.eventLoop.execute { handler.value.drop() }
        } else {
            abandon(SocketClosure(code: 1001, reason: "the app ended", failure: nil))
        }
    }

    private func openChannel() -> (any Channel, NIOLoopBound<SocketFrameHandler>)? {
        state.withLock { state in
            guard state.phase == .open, let channel = state.channel, let handler = state.handler else { return nil }
            return (channel, handler)
        }
    }

    static func payload(_ message: SocketMessage) -> JSONValue {
        switch message {
        case .text(let text): .string(text)
        case .binary(let data): .binary(data)
        }
    }

    /// An error as the app reads it: "connection refused", not NIO's type dump.
    static func describe(_ error: any Error) -> String {
        if let error = error as? IOError { return "\(error.description)" }
        if error is ChannelError, case ChannelError.connectTimeout = error { return "no connection within the deadline" }
        return "\(error)"
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import NIOCore
import NIOWebSocket
import Plugins

/// One message from the server, as the app gets it.
enum SocketMessage: Sendable {
    case text(String)
    case binary(Data)

    var byteCount: Int {
        switch self {
        case .text(let text): text.utf8.count
        case .binary(let data): data.count
        }
    }
}

/// How a connection ended, as the app's `onClose` hears it.
struct SocketClosure: Sendable, Equatable {
    var code: Int
    var reason: String
    /// What went wrong (the app's `onError` hears it first); nil for a clean close.
    var failure: String?
}

/// A socket after its upgrade, on its channel's event loop: frames checked as RFC 6455 asks
/// (UTF-8 text, close codes a peer may send, no masked server frames, ping answered), messages
/// handed to the app only as fast as it handles them (reading stops meanwhile), and the closing
/// handshake bounded by ``SocketLimits/closeTimeout``.
final class SocketFrameHandler: ChannelDuplexHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    typealias Deliver = @Sendable (_ message: SocketMessage, _ delivered: @escaping @Sendable () -> Void) -> Void

    private let limits: SocketLimits
    private let budget: DeliveryBudget
    private let deliver: Deliver
    private let ended: @Sendable (SocketClosure, [SocketMessage]) -> Void
    private var context: ChannelHandlerContext?
    /// Decoded messages waiting for the app (at most one read's worth beyond the limits).
    private var queue: [SocketMessage] = []
    private var undelivered = 0
    private var readHeld = false
    private var closeSent = false
    private var closure: SocketClosure?
    private var closeTimer: Scheduled<Void>?

    init(
        limits: SocketLimits, budget: DeliveryBudget, deliver: @escaping Deliver,
        ended: @escaping @Sendable (SocketClosure, _ undelivered: [SocketMessage]) -> Void
    ) {
        self.limits = limits
        self.budget = budget
        self.deliver = deliver
        self.ended = ended
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard frame.maskKey == nil else { return fail(.protocolError, "the server sent a masked frame") }
        switch frame.opcode {
        case .text:
            guard let text = String(validating: frame.data.readableBytesView, as: UTF8.self) else {
                return fail(.dataInconsistentWithMessage, "the server sent text that is not valid UTF-8")
            }
            enqueue(.text(text))
        case .binary:
            enqueue(.binary(Data(frame.data.readableBytesView)))
        case .ping:
            guard !closeSent else { return }
            context.writeAndFlush(wrapOutboundOut(Self.frame(.pong, frame.data)), promise: nil)
        case .pong:
            break
        case .connectionClose:
            receivedClose(frame.data, context: context)
        default:
            fail(.protocolError, "the server sent a frame of unknown kind (opcode \(frame.opcode))")
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closeTimer?.cancel()
        budget.forget(ObjectIdentifier(self))
        let final =
            closure
            ?? SocketClosure(
                code: 1006, reason: "the connection was lost",
                failure: closeSent ? nil : "the server dropped the connection without a close frame")
        let left = queue
        queue = []
        ended(final, left)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error {
        case NIOWebSocketError.invalidFrameLength,
            NIOWebSocketFrameAggregator.Error.accumulatedFrameSizeIsTooLarge:
            fail(.messageTooLarge, "the server sent a message larger than \(limits.maximumMessageBytes) bytes")
        case NIOWebSocketFrameAggregator.Error.tooManyFragments:
            fail(.messageTooLarge, "the server sent a message in more than \(limits.maximumFragmentsPerMessage) fragments")
        case is NIOWebSocketError, is NIOWebSocketFrameAggregator.Error:
            fail(.protocolError, "the server broke the WebSocket protocol (\(error))")
        default:
            if closure == nil { closure = SocketClosure(code: 1006, reason: "\(error)", failure: "\(error)") }
            context.close(promise: nil)
        }
    }

    // MARK: Back-pressure

    func read(context: ChannelHandlerContext) {
        if queue.isEmpty, undelivered < limits.maximumUndeliveredPerSocket {
            context.read()
        } else {
            readHeld = true
        }
    }

    private func enqueue(_ message: SocketMessage) {
        guard closure == nil else { return }
        queue.append(message)
        pump()
    }

    /// Hands queued messages to the app while the socket's and the app's limits allow; reads
    /// again once the queue is empty.
    private func pump() {
        guard let context else { return }
        let loop = NIOLoopBound(self, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        while let message = queue.first, undelivered < limits.maximumUndeliveredPerSocket {
            let bytes = message.byteCount
            let wake: @Sendable () -> Void = { eventLoop.execute { loop.value.pump() } }
            guard budget.take(bytes, key: ObjectIdentifier(self), waiter: wake) else { return }
            queue.removeFirst()
            undelivered += 1
            deliver(message) { eventLoop.execute { loop.value.handled(bytes) } }
        }
        if readHeld, queue.isEmpty, undelivered < limits.maximumUndeliveredPerSocket, context.channel.isActive {
            readHeld = false
            context.read()
        }
    }

    private func handled(_ bytes: Int) {
        undelivered -= 1
        budget.giveBack(bytes)
        pump()
    }

    // MARK: Closing

    /// The app closes the socket: a close frame with its code, then at most `closeTimeout` for
    /// the server's answer.
    func close(code: Int, reason: String) {
        guard !closeSent, let context else { return }
        sendClose(code: code, reason: reason, context: context)
    }

    /// The host drops the socket (the app ended): a close frame, and the connection at once.
    func drop() {
        guard let context else { return }
        if !closeSent { sendClose(code: 1001, reason: "", context: context) }
        if closure == nil { closure = SocketClosure(code: 1001, reason: "the app ended", failure: nil) }
        context.close(promise: nil)
    }

    private func receivedClose(_ payload: ByteBuffer, context: ChannelHandlerContext) {
        var data = payload
        let received: SocketClosure
        switch data.readableBytes {
        case 0:
            received = SocketClosure(code: 1005, reason: "", failure: nil)
        case 1:
            return fail(.protocolError, "the server sent a close frame with a 1-byte payload")
        default:
            let code = Int(data.readInteger(as: UInt16.self) ?? 0)
            guard Self.mayBeSentByPeer(code) else {
                return fail(.protocolError, "the server closed with code \(code), which a peer may not send")
            }
            guard let reason = String(validating: data.readableBytesView, as: UTF8.self) else {
                return fail(.dataInconsistentWithMessage, "the server's close reason is not valid UTF-8")
            }
            received = SocketClosure(code: code, reason: reason, failure: nil)
        }
        if closure == nil { closure = received }
        if !closeSent {
            // The answer: the same code (1000 when the server gave none).
            closeSent = true
            let answer = received.code == 1005 ? 1000 : received.code
            context.writeAndFlush(wrapOutboundOut(Self.closeFrame(code: answer, reason: "")))
                .whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
        } else {
            context.close(promise: nil)
        }
    }

    /// Fails the connection (RFC 6455 §7.1.7): a close frame with `code`, the reason for the app.
    private func fail(_ code: WebSocketErrorCode, _ reason: String) {
        guard let context else { return }
        let number = Int(UInt16(webSocketErrorCode: code))
        if closure == nil { closure = SocketClosure(code: number, reason: reason, failure: reason) }
        queue = []
        if closeSent {
            context.close(promise: nil)
        } else {
            sendClose(code: number, reason: "", context: context)
        }
    }

    private func sendClose(code: Int, reason: String, context: ChannelHandlerContext) {
        closeSent = true
        context.writeAndFlush(wrapOutboundOut(Self.closeFrame(code: code, reason: reason)), promise: nil)
        let channel = context.channel
        let limit = limits.closeTimeout
        let loop = NIOLoopBound(self, eventLoop: context.eventLoop)
        closeTimer = context.eventLoop.scheduleTask(in: .nanoseconds(AppNumbers.nanoseconds(limit))) {
            let handler = loop.value
            if handler.closure == nil {
                handler.closure = SocketClosure(
                    code: 1006, reason: "the server did not answer the close within \(limit)", failure: nil)
            }
            channel.close(promise: nil)
        }
    }

    // MARK: Frames

    /// Codes a peer may put in a close frame (RFC 6455 §7.4; 1012–1014 registered since).
    static func mayBeSentByPeer(_ code: Int) -> Bool {
        (1000...1003).contains(code) || (1007...1014).contains(code) || (3000...4999).contains(code)
    }

    static func frame(_ opcode: WebSocketOpcode, _ data: ByteBuffer) -> WebSocketFrame {
        WebSocketFrame(fin: true, opcode: opcode, maskKey: .random(), data: data)
    }

    static func closeFrame(code: Int, reason: String) -> WebSocketFrame {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt16(clamping: code))
        buffer.writeString(String(reason.utf8.prefix(123)) ?? "")
        return frame(.connectionClose, buffer)
    }
}

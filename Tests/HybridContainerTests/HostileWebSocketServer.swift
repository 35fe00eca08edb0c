// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A WebSocket server on 127.0.0.1 that misbehaves as the request path says:
/// - `/fragments/COUNT/SIZE`: one text message in COUNT fragments of SIZE bytes (each sent when
///   the previous one is written, so the server itself never buffers the message);
/// - `/flood/COUNT`: COUNT text messages `0`, `1`, … as fast as the connection takes them;
/// - `/ignore-close`: never answers a close frame (nor closes);
/// - `/close/CODE`: closes at once with CODE (any number, reserved or not);
/// - `/bad-utf8`: sends a text message that is not UTF-8;
/// - anything else: echoes text as `echo: <text>` and binary as it came; the text `close me`
///   makes it close with code 4000.
struct HostileWebSocketServer: Sendable {
    let server: LoopbackTCPServer
    var port: Int { server.port }

    static func start() async throws -> HostileWebSocketServer {
        let server = try await LoopbackTCPServer.start { channel in
            let upgrader = NIOWebSocketServerUpgrader(
                maxFrameSize: 1 << 24, automaticErrorHandling: false,
                shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                upgradePipelineHandler: { channel, head in
                    channel.pipeline.addHandler(HostileSocketHandler(path: head.uri.split(separator: "/").map(String.init)))
                })
            return channel.pipeline.configureHTTPServerPipeline(withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
        }
        return HostileWebSocketServer(server: server)
    }

    func shutdown() async { await server.shutdown() }
}

/// One connection of ``HostileWebSocketServer``.
final class HostileSocketHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let path: [String]

    init(path: [String]) {
        self.path = path
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        switch path.first {
        case "fragments":
            let count = Int(path[1]) ?? 1
            let size = Int(path[2]) ?? 1
            Self.sendFragment(0, of: count, size: size, on: channel)
        case "flood":
            Self.flood(from: 0, to: Int(path[1]) ?? 1, on: channel)
        case "close":
            var buffer = channel.allocator.buffer(capacity: 2)
            buffer.writeInteger(UInt16(clamping: Int(path[1]) ?? 1000))
            channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: buffer), promise: nil)
        case "bad-utf8":
            let buffer = channel.allocator.buffer(bytes: [0x61, 0xC3, 0x28, 0xFF])
            channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .text, data: buffer), promise: nil)
        default:
            break
        }
    }

    private static func sendFragment(_ index: Int, of count: Int, size: Int, on channel: any Channel) {
        guard index < count, channel.isActive else { return }
        let buffer = channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: size)
        let frame = WebSocketFrame(fin: index == count - 1, opcode: index == 0 ? .text : .continuation, data: buffer)
        channel.writeAndFlush(frame).whenSuccess { sendFragment(index + 1, of: count, size: size, on: channel) }
    }

    /// Writes in batches of 64, the next batch once the last write of this one is out.
    private static func flood(from start: Int, to end: Int, on channel: any Channel) {
        guard start < end, channel.isActive else { return }
        let stop = min(end, start + 64)
        var last: EventLoopFuture<Void>?
        for number in start..<stop {
            let buffer = channel.allocator.buffer(string: String(number))
            last = channel.write(WebSocketFrame(fin: true, opcode: .text, data: buffer))
        }
        channel.flush()
        last?.whenSuccess { flood(from: stop, to: end, on: channel) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .connectionClose:
            guard path.first != "ignore-close" else { return }
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: frame.unmaskedData)))
                .whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
        case .text:
            var unmasked = frame.unmaskedData
            let text = unmasked.readString(length: unmasked.readableBytes) ?? ""
            if text == "close me" {
                var code = context.channel.allocator.buffer(capacity: 2)
                code.writeInteger(UInt16(4000))
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: code)), promise: nil)
                return
            }
            let reply = context.channel.allocator.buffer(string: "echo: " + text)
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: reply)), promise: nil)
        case .binary:
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .binary, data: frame.unmaskedData)), promise: nil)
        default:
            break
        }
    }
}

/// A TCP server on 127.0.0.1 whose connections are set up by `initializer`; by default they
/// accept and never answer (a stalled upgrade).
struct LoopbackTCPServer: Sendable {
    let channel: any Channel
    let port: Int

    static func start(
        _ initializer: @escaping @Sendable (any Channel) -> EventLoopFuture<Void> = { $0.eventLoop.makeSucceededVoidFuture() }
    ) async throws -> LoopbackTCPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer(initializer)
            .bind(host: "127.0.0.1", port: 0).get()
        return LoopbackTCPServer(channel: channel, port: channel.localAddress?.port ?? 0)
    }

    func shutdown() async {
        try? await channel.close()
    }
}

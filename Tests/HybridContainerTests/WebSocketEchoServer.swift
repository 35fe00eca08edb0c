// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import WebSocketKit

/// A WebSocket server on 127.0.0.1 for the tests: text comes back as `echo: <text>`, binary as
/// it came, and the text `close me` makes the server close with code 4000.
struct WebSocketEchoServer: Sendable {
    let channel: any Channel
    let port: Int

    static func start() async throws -> WebSocketEchoServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                let upgrader = NIOWebSocketServerUpgrader(
                    shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture(HTTPHeaders()) },
                    upgradePipelineHandler: { channel, _ in
                        WebSocket.server(on: channel) { socket in
                            socket.onText { socket, text in
                                if text == "close me" {
                                    socket.close(code: .unknown(4000), promise: nil)
                                } else {
                                    socket.send("echo: " + text)
                                }
                            }
                            socket.onBinary { socket, buffer in socket.send(Array(buffer.readableBytesView)) }
                        }
                    })
                return channel.pipeline.configureHTTPServerPipeline(
                    withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return WebSocketEchoServer(channel: channel, port: channel.localAddress?.port ?? 0)
    }

    func shutdown() async {
        try? await channel.close()
    }
}

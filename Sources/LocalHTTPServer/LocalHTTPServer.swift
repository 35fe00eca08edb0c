import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 answering with a handler: `container-demo serve`
/// (online copies and release channels for local trials) and the tests (which also make it
/// misbehave on purpose: 5xx, dropped connections, stalls, lying lengths).
///
/// It only ever binds the loopback address.
public final class LocalHTTPServer: Sendable {
    /// One request as received.
    public struct Request: Sendable {
        public let method: String
        public let uri: String
        public let headers: [(String, String)]

        /// The path part of the URI.
        public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }

        /// The first header with this name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    /// How to answer.
    public enum Reply: Sendable {
        /// A normal response; `Content-Length` is added from the body unless given.
        case response(status: Int, headers: [(String, String)] = [], body: Data = Data())
        /// Close the connection without answering.
        case dropConnection
        /// Send the head and part of the body, then close (a lying `Content-Length`).
        case truncated(status: Int, headers: [(String, String)], body: Data, declaredLength: Int)
        /// Never answer (until the client gives up).
        case stall

        /// 200 with a body.
        public static func ok(_ body: Data, headers: [(String, String)] = []) -> Reply {
            .response(status: 200, headers: headers, body: body)
        }

        /// 404.
        public static let notFound = Reply.response(status: 404, body: Data("not found".utf8))
    }

    public typealias Handler = @Sendable (Request) async -> Reply

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    /// `http://127.0.0.1:<port>`
    public let baseURL: URL

    private init(group: MultiThreadedEventLoopGroup, channel: any Channel, port: Int) {
        self.group = group
        self.channel = channel
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Starts a server on 127.0.0.1, on `port` (0: an ephemeral port).
    public static func start(port: Int = 0, _ handler: @escaping Handler) async throws -> LocalHTTPServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(RequestHandler(handler: handler))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        return LocalHTTPServer(group: group, channel: channel, port: channel.localAddress?.port ?? 0)
    }

    /// The URL of a path on this server.
    public func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString + (path.hasPrefix("/") ? path : "/" + path))!
    }

    /// Stops the server.
    public func shutdown() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

private final class RequestHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked Sendable: all state is touched on the channel's event loop only; the Task
    // hops back to it through NIOLoopBound before writing.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let handler: LocalHTTPServer.Handler
    private var head: HTTPRequestHead?

    init(handler: @escaping LocalHTTPServer.Handler) {
        self.handler = handler
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead): head = requestHead
        case .body: break
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let request = LocalHTTPServer.Request(
                method: requestHead.method.rawValue, uri: requestHead.uri,
                headers: requestHead.headers.map { ($0.name, $0.value) })
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let keepAlive = requestHead.isKeepAlive
            let handler = self.handler
            let eventLoop = context.eventLoop
            Task {
                let reply = await handler(request)
                eventLoop.execute { Self.write(reply, keepAlive: keepAlive, context: bound.value) }
            }
        }
    }

    private static func write(_ reply: LocalHTTPServer.Reply, keepAlive: Bool, context: ChannelHandlerContext) {
        switch reply {
        case .stall:
            return
        case .dropConnection:
            context.close(promise: nil)
        case .response(let status, let headers, let body):
            var fields = HTTPHeaders(headers)
            if !fields.contains(name: "Content-Length") { fields.add(name: "Content-Length", value: "\(body.count)") }
            if !keepAlive { fields.replaceOrAdd(name: "Connection", value: "close") }
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
            context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
            if !body.isEmpty {
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            }
            let done = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
            let channel = context.channel
            if !keepAlive { done.whenComplete { _ in channel.close(promise: nil) } }
        case .truncated(let status, let headers, let body, let declaredLength):
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: "\(declaredLength)")
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
            context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
            let channel = context.channel
            context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: body)))))
                .whenComplete { _ in channel.close(promise: nil) }
        }
    }
}

extension LocalHTTPServer {
    /// Serves the files under `root` (GET; `ETag` and `If-None-Match`; `..` refused).
    public static func serving(_ root: URL, port: Int = 0) async throws -> LocalHTTPServer {
        let base = root.standardizedFileURL.path
        return try await start(port: port) { request in
            let path = request.path.removingPercentEncoding ?? request.path
            guard !path.split(separator: "/").contains(".."), let data = FileManager.default.contents(atPath: base + path)
            else { return .notFound }
            let etag = "\"\(data.count)-\(String(fnv1a(data), radix: 16))\""
            if request.header("If-None-Match") == etag { return .response(status: 304, headers: [("ETag", etag)]) }
            return .ok(data, headers: [("ETag", etag), ("Cache-Control", "no-cache")])
        }
    }
}

/// FNV-1a, 64-bit: a stable content hash for ETags (Swift's `hashValue` changes per process).
func fnv1a(_ data: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}

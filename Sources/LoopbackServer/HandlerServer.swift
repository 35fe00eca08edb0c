// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Hummingbird
import NIOFoundationCompat

extension LoopbackServer {
    /// One request as received, for a closure-based server.
    public struct Request: Sendable {
        public let method: String
        public let uri: String
        public let headers: [(String, String)]
        /// The request body (up to ``LoopbackServer/maximumBodyBytes``).
        public let body: Data

        /// The path part of the URI.
        public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }

        /// The first header with this name (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    /// How a closure-based server answers.
    public enum Reply: Sendable {
        /// A normal response (`Content-Length` from the body).
        case response(status: Int, headers: [(String, String)] = [], body: Data = Data())
        /// Close the connection without answering.
        case dropConnection
        /// Send the head and part of the body, then close.
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

    /// The largest request body a closure-based server reads.
    public static let maximumBodyBytes = 16 << 20

    /// Starts a server that answers every request (any method, any path) with `handler`; the
    /// fault replies go through ``FaultInjectionMiddleware``.
    public static func start(port: Int = 0, _ handler: @escaping @Sendable (Request) async -> Reply) async throws -> LoopbackServer {
        let router = Router(context: LoopbackRequestContext.self)
        router.add(middleware: FaultInjectionMiddleware())
        router.add(middleware: ClosureResponder(handler: handler))
        return try await start(port: port, router: router)
    }
}

/// The last middleware of a closure-based server: answers every request itself.
struct ClosureResponder: RouterMiddleware {
    typealias Context = LoopbackRequestContext
    let handler: @Sendable (LoopbackServer.Request) async -> LoopbackServer.Reply

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // HTTP types keep `Host` as the `:authority` pseudo-field; handlers see it as a header.
        let host = request.head.authority.map { [("Host", $0)] } ?? []
        let body = try await request.body.collect(upTo: LoopbackServer.maximumBodyBytes)
        let snapshot = LoopbackServer.Request(
            method: request.method.rawValue, uri: request.uri.description,
            headers: host + request.headers.map { ($0.name.rawName, $0.value) }, body: Data(buffer: body))
        switch await handler(snapshot) {
        case .response(let status, let headers, let body):
            return Response(
                status: .init(code: status), headers: HTTPFields(headers), body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        case .dropConnection:
            throw InjectedFault(.dropConnection)
        case .stall:
            throw InjectedFault(.stall)
        case .truncated(let status, let headers, let body, let declaredLength):
            throw InjectedFault(.truncated(status: status, headers: headers, body: Array(body), declaredLength: declaredLength))
        }
    }
}

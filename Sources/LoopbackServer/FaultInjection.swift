// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import HTTPTypes
import Hummingbird
import NIOCore

/// A way for a test server to misbehave.
public enum Fault: Sendable {
    /// Close the connection without answering.
    case dropConnection
    /// Send the head and part of the body, then close (a lying `Content-Length`).
    case truncated(status: Int, headers: [(String, String)], body: [UInt8], declaredLength: Int)
    /// Never answer; the connection stays open until the client gives up or the server stops.
    case stall
}

/// Thrown by a handler (or a later middleware) to make ``FaultInjectionMiddleware`` enact a fault.
public struct InjectedFault: Error {
    public let fault: Fault

    public init(_ fault: Fault) {
        self.fault = fault
    }
}

/// Enacts the ``Fault`` a later responder throws as ``InjectedFault``, on the connection itself:
/// a drop closes it before any byte is written; a truncation writes a head that promises more
/// than the body that follows, then closes; a stall holds the request until the client closes
/// the connection (or the server is cancelled at shutdown). Other errors and responses pass
/// through untouched.
public struct FaultInjectionMiddleware: RouterMiddleware {
    public typealias Context = LoopbackRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let injected as InjectedFault {
            let channel = context.channel
            switch injected.fault {
            case .dropConnection:
                try? await channel.close()
                throw injected
            case .stall:
                try? await withTaskCancellationHandler {
                    try await channel.closeFuture.get()
                } onCancel: {
                    channel.close(promise: nil)
                }
                throw injected
            case .truncated(let status, let headers, let body, let declaredLength):
                var fields = HTTPFields(headers)
                fields[.contentLength] = String(declaredLength)
                return Response(
                    status: .init(code: status), headers: fields,
                    body: ResponseBody { writer in
                        try await writer.write(ByteBuffer(bytes: body))
                        // Cut the connection with the promise unkept; the error stops
                        // Hummingbird from finishing the response.
                        try? await channel.close()
                        throw injected
                    })
            }
        }
    }
}

extension HTTPFields {
    /// Fields from name/value pairs; pairs whose name is not a valid field name are skipped.
    init(_ pairs: [(String, String)]) {
        self.init()
        for (name, value) in pairs {
            guard let field = HTTPField.Name(name) else { continue }
            self.append(HTTPField(name: field, value: value))
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// An HTTP/1.1 server on 127.0.0.1, built on Hummingbird: `container-demo serve` (online copies
/// and release channels for local trials), the tests and the benchmarks (which also make it
/// misbehave on purpose through ``FaultInjectionMiddleware``: drops, stalls, lying lengths).
///
/// It only ever binds the loopback address. ``shutdown()`` stops it within a deadline, also when
/// a request is stalled on purpose.
public final class LoopbackServer: Sendable {
    /// `http://127.0.0.1:<port>`
    public let baseURL: URL
    private let group: ServiceGroup
    private let running: Task<Void, Never>

    private init(baseURL: URL, group: ServiceGroup, running: Task<Void, Never>) {
        self.baseURL = baseURL
        self.group = group
        self.running = running
    }

    /// Starts a server on 127.0.0.1, on `port` (0: an ephemeral port), answering with `router`.
    /// Put ``FaultInjectionMiddleware`` first in its middleware to let handlers throw
    /// ``InjectedFault``.
    public static func start(port: Int = 0, router: Router<LoopbackRequestContext>) async throws -> LoopbackServer {
        let (bound, boundContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                boundContinuation.yield(channel.localAddress?.port ?? 0)
                boundContinuation.finish()
            },
            logger: Logger(label: "LoopbackServer", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: application.logger))
        let running = Task {
            do { try await group.run() } catch { boundContinuation.finish() }
        }
        var ports = bound.makeAsyncIterator()
        guard let boundPort = await ports.next() else {
            running.cancel()
            throw LoopbackServerError(message: "the server on 127.0.0.1:\(port) did not start (port in use?)")
        }
        return LoopbackServer(baseURL: URL(string: "http://127.0.0.1:\(boundPort)")!, group: group, running: running)
    }

    /// The URL of a path on this server.
    public func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString + (path.hasPrefix("/") ? path : "/" + path))!
    }

    /// Stops the server: a graceful shutdown, and after `deadline` a cancellation that closes
    /// whatever is still open (a stalled request, a client that never reads).
    public func shutdown(deadline: Duration = .seconds(2)) async {
        await group.triggerGracefulShutdown()
        let running = self.running
        let enforcer = Task {
            try? await Task.sleep(for: deadline)
            running.cancel()
        }
        await running.value
        enforcer.cancel()
    }

    /// Runs until the calling task is cancelled (`container-demo serve`), then shuts down.
    public func runUntilCancelled() async {
        await withTaskCancellationHandler {
            await running.value
        } onCancel: {
            Task { await self.shutdown() }
        }
    }
}

/// The server could not start.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

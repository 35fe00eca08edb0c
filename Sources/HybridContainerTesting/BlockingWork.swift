// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Runs blocking work (waiting for a child process, reading a pipe to its end, taking a file
/// lock) on a thread of its own and awaits it, so Swift's cooperative pool (as wide as the
/// machine has cores) is never blocked by a test's waits while the suites run in parallel.
public func blockingWork<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.name = "blocking work"
        thread.start()
    }
}

/// ``blockingWork(_:)`` for work that cannot fail.
public func blockingWork<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.name = "blocking work"
        thread.start()
    }
}

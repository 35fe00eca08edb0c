// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import NIOPosix

extension PackageStore {
    /// Runs `body` with the store on a thread of NIO's blocking-I/O pool and awaits it.
    ///
    /// The store's operations do file I/O and take `flock`s another process may hold for
    /// seconds: async callers (the container, the loader, the updater) reach it only through
    /// here, so Swift's cooperative threads never block on the disk or on another process.
    /// The operation runs to its end even if the caller is cancelled (a store operation is
    /// never left half-done); the caller then gets the result as usual.
    @discardableResult
    public func perform<T: Sendable>(_ body: @escaping @Sendable (PackageStore) throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive { try body(self) }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Memory shared with other processes (a file mapped shared) that the container's trusted
/// framework code reads as an `ArrayBuffer` without copies: the storage generations, which let
/// `getStorageSync` answer from a JavaScript-side copy while nobody has written.
///
/// The region stays mapped while this object lives; a JavaScript buffer over it holds a
/// reference. App code never receives one (only the framework channel hands it out).
public final class SharedMemoryRegion: Sendable {
    /// The first byte.
    public nonisolated(unsafe) let baseAddress: UnsafeMutableRawPointer
    /// Its length in bytes.
    public let byteCount: Int
    private let unmap: @Sendable (UnsafeMutableRawPointer, Int) -> Void

    /// Wraps `byteCount` bytes at `baseAddress`; `unmap` runs once nothing uses them any more.
    public init(
        baseAddress: UnsafeMutableRawPointer, byteCount: Int, unmap: @escaping @Sendable (UnsafeMutableRawPointer, Int) -> Void
    ) {
        self.baseAddress = baseAddress
        self.byteCount = byteCount
        self.unmap = unmap
    }

    deinit { unmap(baseAddress, byteCount) }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Generation counters every process using one storage database sees at once: a small file
/// beside the database (`<database>.generations`), mapped shared, one 64-bit slot per bucket of
/// apps. Writers store the generation they are about to commit (see ``StorageMirror``);
/// readers compare it with the generation their in-memory copy was read at — one atomic load,
/// no system call, no SQLite.
///
/// The slots are hints checked against the database's own `storage_generation` table: a slot
/// can only make a reader go to the database more often, never accept stale data, as long as
/// every process uses this file (deleting it while processes run is outside that rule).
final class SharedGenerations: Sendable {
    /// Buckets of apps (an app's bucket is a hash of its id); apps sharing one only cause each
    /// other extra reloads.
    static let bucketCount = 1024
    private static let byteCount = bucketCount * MemoryLayout<UInt64>.stride

    // The mapping lives as long as `region` and is only accessed through atomics here (the
    // framework's JavaScript reads it too, through the region).
    private nonisolated(unsafe) let slots: UnsafeMutablePointer<Atomic<UInt64>>
    /// The mapped file: for the framework's JavaScript-side copies (slot i is 32-bit words 2i, 2i+1).
    let region: SharedMemoryRegion

    /// Maps (creating it if needed, owner-only) the generations file at `url`; nil when the
    /// file cannot be made or mapped (a read-only directory): then nothing is mirrored.
    init?(url: URL) {
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // Owner-only whatever the umask (as the database itself).
        _ = fchmod(descriptor, 0o600)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // Growing is safe while others map it (new bytes read as zero); it is never shrunk.
        if Int(status.st_size) < Self.byteCount, ftruncate(descriptor, off_t(Self.byteCount)) != 0 { return nil }
        guard let mapping = mmap(nil, Self.byteCount, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
            mapping != MAP_FAILED
        else { return nil }
        self.region = SharedMemoryRegion(baseAddress: mapping, byteCount: Self.byteCount) { munmap($0, $1) }
        self.slots = mapping.bindMemory(to: Atomic<UInt64>.self, capacity: Self.bucketCount)
    }

    /// The bucket of `appId` (FNV-1a of its UTF-8 bytes).
    static func bucket(of appId: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in appId.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash % UInt64(bucketCount))
    }

    /// The generation last announced for `bucket`.
    func load(_ bucket: Int) -> UInt64 { slots[bucket].load(ordering: .acquiring) }

    /// Announces `generation` for `bucket` (a writer, holding the database's write lock, before it commits).
    func store(_ generation: UInt64, in bucket: Int) { slots[bucket].store(generation, ordering: .releasing) }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Reads files of installed packages, checking each against its manifest hash every time it
/// is served. A file already verified and unchanged since (same device, inode, size, mtime and
/// ctime — any rewrite changes ctime) is not hashed again, so the hot path is one open, one
/// fstat and one read. Files read with `keepInMemory` (an app's entry script, read on every
/// launch) keep their verified bytes too, within a budget: while the file is unchanged
/// (one `lstat`), ``verifiedBytesInMemory(_:inPath:expectedSHA256:)`` serves them without a read.
public final class VerifiedFileReader: Sendable {
    private struct Verified: Sendable {
        let identity: FileIdentity
        let sha256: String
        /// The verified bytes, for files read with `keepInMemory`.
        var bytes: Data?
        /// When the bytes were kept (a counter): the oldest go first when the budget is full.
        var keptAt: UInt64 = 0
    }

    private struct Cache: Sendable {
        var files: [String: Verified] = [:]
        /// Bytes kept in `files` (at most ``memoryBudget``).
        var keptBytes = 0
        var keptCount: UInt64 = 0

        mutating func set(_ path: String, _ entry: Verified?) {
            keptBytes -= files[path]?.bytes?.count ?? 0
            files[path] = entry
            keptBytes += entry?.bytes?.count ?? 0
        }

        /// Drops the bytes kept longest (not their verification) until `count` more fit in
        /// `budget`: entries of versions since replaced or evicted would otherwise hold the
        /// budget for good. Scans only when the budget is full.
        mutating func makeRoom(for count: Int, budget: Int, sparing path: String) {
            while keptBytes + count > budget {
                guard let oldest = files.filter({ $0.key != path && $0.value.bytes != nil }).min(by: { $0.value.keptAt < $1.value.keptAt })
                else { return }
                var entry = oldest.value
                entry.bytes = nil
                set(oldest.key, entry)
            }
        }
    }

    private let verified = Mutex(Cache())
    /// The most bytes kept in memory in all (files past it are verified but not kept).
    public let memoryBudget: Int
    /// The largest file kept in memory.
    public let largestKeptFile: Int

    /// Creates a reader with an empty cache.
    public init(memoryBudget: Int = 16 << 20, largestKeptFile: Int = 1 << 20) {
        self.memoryBudget = memoryBudget
        self.largestKeptFile = largestKeptFile
    }

    /// The bytes of a file read before with `keepInMemory`, if it is still the same file (same
    /// device, inode, size, mtime and ctime: `lstat`, no read) and was verified against
    /// `expectedSHA256`; nil otherwise (then ``read(_:inPath:expectedSHA256:keepInMemory:)``).
    public func verifiedBytesInMemory(_ relativePath: String, inPath directory: String, expectedSHA256: String) -> Data? {
        let path = directory + "/" + relativePath
        guard let cached = verified.withLock({ $0.files[path] }), let bytes = cached.bytes, cached.sha256 == expectedSHA256,
            let identity = FileIdentity(path: path, followSymlinks: false), identity == cached.identity
        else { return nil }
        return bytes
    }

    /// Reads `relativePath` under `directory`, which must hash to `expectedSHA256`.
    public func read(_ relativePath: String, in directory: URL, expectedSHA256: String) throws(IntegrityFailure) -> Data {
        try read(relativePath, inPath: directory.path, expectedSHA256: expectedSHA256)
    }

    /// The same, with the folder as a path string (the hot path avoids URL work).
    /// `keepInMemory`: keep the verified bytes (within the budget) for ``verifiedBytesInMemory(_:inPath:expectedSHA256:)``.
    public func read(
        _ relativePath: String, inPath directory: String, expectedSHA256: String, keepInMemory: Bool = false
    ) throws(IntegrityFailure) -> Data {
        let path = directory + "/" + relativePath
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .missing(path: relativePath)
            case ELOOP: throw .notARegularFile(path: relativePath)
            default: throw .unreadable(path: relativePath, reason: String(cString: strerror(errno)))
            }
        }
        defer { close(descriptor) }
        guard let identity = FileIdentity(descriptor: descriptor), identity.isRegularFile else {
            throw .notARegularFile(path: relativePath)
        }
        let data = try readAll(descriptor, size: Int(identity.size), path: relativePath)
        let cached = verified.withLock { $0.files[path] }
        if let cached, cached.identity == identity, cached.sha256 == expectedSHA256 {
            if keepInMemory, cached.bytes == nil { remember(path, identity, expectedSHA256, data) }
            return data
        }
        // First time (or changed): no folder on the way may be a symbolic link either.
        guard let resolved = realpath(path, nil) else { throw .missing(path: relativePath) }
        defer { free(resolved) }
        let expectedPath = URL(fileURLWithPath: directory).resolvingSymlinksInPath().appendingPathComponent(relativePath).path
        guard String(cString: resolved) == expectedPath else { throw .notARegularFile(path: relativePath) }
        let actual = SHA256.hash(data: data).hexString
        guard actual == expectedSHA256 else {
            verified.withLock { $0.set(path, nil) }
            throw .hashMismatch(path: relativePath, expected: expectedSHA256, actual: actual)
        }
        remember(path, identity, expectedSHA256, keepInMemory ? data : nil)
        return data
    }

    private func remember(_ path: String, _ identity: FileIdentity, _ sha256: String, _ bytes: Data?) {
        verified.withLock { cache in
            guard let bytes, bytes.count <= largestKeptFile, bytes.count <= memoryBudget else {
                cache.set(path, Verified(identity: identity, sha256: sha256))
                return
            }
            cache.set(path, nil)
            cache.makeRoom(for: bytes.count, budget: memoryBudget, sparing: path)
            cache.keptCount += 1
            cache.set(path, Verified(identity: identity, sha256: sha256, bytes: bytes, keptAt: cache.keptCount))
        }
    }

    private func readAll(_ descriptor: Int32, size: Int, path: String) throws(IntegrityFailure) -> Data {
        var data = Data(count: size)
        var offset = 0
        let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            while offset < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }
                offset += count
            }
            return nil
        }
        if let failure { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
        if offset < size { data.removeSubrange(offset...) }
        return data
    }
}

extension FileIdentity {
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }
}

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
/// fstat and one read.
public final class VerifiedFileReader: Sendable {
    private struct Verified: Sendable {
        let identity: FileIdentity
        let sha256: String
    }

    private let verified = Mutex<[String: Verified]>([:])

    /// Creates a reader with an empty cache.
    public init() {}

    /// Reads `relativePath` under `directory`, which must hash to `expectedSHA256`.
    public func read(_ relativePath: String, in directory: URL, expectedSHA256: String) throws(IntegrityFailure) -> Data {
        try read(relativePath, inPath: directory.path, expectedSHA256: expectedSHA256)
    }

    /// The same, with the folder as a path string (the hot path avoids URL work).
    public func read(_ relativePath: String, inPath directory: String, expectedSHA256: String) throws(IntegrityFailure) -> Data {
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
        let cached = verified.withLock { $0[path] }
        if let cached, cached.identity == identity, cached.sha256 == expectedSHA256 {
            return data
        }
        // First time (or changed): no folder on the way may be a symbolic link either.
        guard let resolved = realpath(path, nil) else { throw .missing(path: relativePath) }
        defer { free(resolved) }
        let expectedPath = URL(fileURLWithPath: directory).resolvingSymlinksInPath().appendingPathComponent(relativePath).path
        guard String(cString: resolved) == expectedPath else { throw .notARegularFile(path: relativePath) }
        let actual = SHA256.hash(data: data).hexString
        guard actual == expectedSHA256 else {
            verified.withLock { _ = $0.removeValue(forKey: path) }
            throw .hashMismatch(path: relativePath, expected: expectedSHA256, actual: actual)
        }
        verified.withLock { $0[path] = Verified(identity: identity, sha256: expectedSHA256) }
        return data
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

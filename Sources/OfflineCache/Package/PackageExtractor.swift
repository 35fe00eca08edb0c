// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a verified package's files into an empty folder, checking each file's SHA-256
/// while it streams (one pass, no second read). The folder is the caller's staging area:
/// on any error its content is undefined and the caller discards it.
struct PackageExtractor {
    let archive: PackageArchive
    let manifest: PackageManifest

    /// Extracts every file; returns the bytes written.
    func extract(into directory: URL, progress: ((Int64, Int64) -> Void)? = nil) throws -> Int64 {
        var createdDirectories: Set<String> = [""]
        var written: Int64 = 0
        let total = archive.totalBytes
        for (path, entry) in archive.files.sorted(by: { $0.key < $1.key }) {
            let parent = (path as NSString).deletingLastPathComponent
            if !createdDirectories.contains(parent) {
                try createDirectory(directory.appendingPathComponent(parent))
                var ancestor = parent
                while !ancestor.isEmpty {
                    createdDirectories.insert(ancestor)
                    ancestor = (ancestor as NSString).deletingLastPathComponent
                }
            }
            let target = directory.appendingPathComponent(path)
            let descriptor = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw StoreIO.error("create", target, errno) }
            var hasher = SHA256()
            do {
                try archive.stream(entry, limit: archive.limits.maximumFileBytes) { chunk in
                    hasher.update(data: chunk)
                    try StoreIO.writeAll(descriptor, chunk, path: target)
                }
            } catch {
                close(descriptor)
                throw error
            }
            guard close(descriptor) == 0 else { throw StoreIO.error("close", target, errno) }
            try PackageVerifier.checkHash(path: path, digest: hasher.finalize(), manifest: manifest)
            written += Int64(clamping: entry.uncompressedSize)
            progress?(written, total)
        }
        return written
    }

    private func createDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PackageError.storeIO(operation: "create folder", path: url.path, reason: "\(error.localizedDescription)", cause: error)
        }
    }
}

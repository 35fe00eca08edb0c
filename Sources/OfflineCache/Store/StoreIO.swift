// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Small POSIX helpers for durable, atomic file-system changes in the package store.
enum StoreIO {
    static func error(_ operation: String, _ url: URL, _ code: Int32) -> PackageError {
        .storeIO(operation: operation, path: url.path, reason: String(cString: strerror(code)))
    }

    static func writeAll(_ descriptor: Int32, _ data: Data, path: URL) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw error("write", path, errno)
                }
                offset += result
            }
        }
    }

    /// Creates `url` (which must not exist, and is never followed if it is a link) with `data`.
    static func writeNew(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error("create", url, errno) }
        defer { close(descriptor) }
        try writeAll(descriptor, data, path: url)
    }

    /// Writes `data` to `url` atomically and (unless `durable` is false) durably: temp file,
    /// fsync, rename, fsync folder. Caches skip the fsyncs: losing an entry only costs a refetch.
    static func atomicWrite(_ data: Data, to url: URL, durable: Bool = true) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error("create", temporary, errno) }
        do {
            try writeAll(descriptor, data, path: temporary)
            if durable { guard fsync(descriptor) == 0 else { throw error("fsync", temporary, errno) } }
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        close(descriptor)
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw error("rename", url, code)
        }
        if durable { try syncDirectory(url.deletingLastPathComponent()) }
    }

    /// Renames atomically (same file system) and makes the rename durable.
    static func atomicRename(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else { throw error("rename", source, errno) }
        try syncDirectory(destination.deletingLastPathComponent())
    }

    static func syncDirectory(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error("open folder", url, errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw error("fsync folder", url, errno) }
    }

    /// Flushes the whole file system holding `url` (one call instead of an fsync per file).
    static func syncFileSystem(containing url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error("open folder", url, errno) }
        defer { close(descriptor) }
        if let syncfs = syncfsFunction {
            guard syncfs(descriptor) == 0 else { throw error("syncfs", url, errno) }
        } else {
            sync()
        }
    }

    /// Glibc's `syncfs`, looked up at run time: its declaration needs `_GNU_SOURCE`, which the
    /// Glibc module does not define.
    private static let syncfsFunction: (@convention(c) (Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    static func removeTree(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Bytes used by the regular files under `url`.
    static func treeSize(_ url: URL) -> Int64 {
        guard
            let enumerator = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        else { return 0 }
        var total: Int64 = 0
        for case let file as URL in enumerator {
            let values = try? file.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { total += Int64(clamping: values?.fileSize ?? 0) }
        }
        return total
    }
}

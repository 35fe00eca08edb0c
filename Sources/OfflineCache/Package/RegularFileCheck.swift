// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Refuses anything that is not a regular file where a package file is expected: directories,
/// FIFOs, devices, sockets, dangling links and symlink loops each get a typed error at once.
enum RegularFileCheck {
    /// - Throws: `PackageError.notARegularFile` (directory, FIFO, device, socket) or
    ///   `PackageError.unreadableFile` (missing, a symlink loop, no permission).
    static func require(_ url: URL) throws {
        var info = stat()
        // stat follows links (a loop is ELOOP) and never blocks, even on a FIFO.
        guard stat(url.path, &info) == 0 else {
            let code = errno
            let reason = code == ELOOP ? "too many levels of symbolic links (a symlink loop)" : String(cString: strerror(code))
            throw PackageError.unreadableFile(path: url.path, reason: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw PackageError.notARegularFile(path: url.path, kind: kind(of: info.st_mode))
        }
    }

    /// "a directory", "a FIFO", … for a `st_mode`.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: return "a regular file"
        default: return "not a regular file"
        }
    }
}

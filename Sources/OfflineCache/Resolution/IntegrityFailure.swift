// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Why a file of an installed package could not be served as it is.
public enum IntegrityFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is gone from the version folder.
    case missing(path: String)
    /// Its bytes no longer match the manifest's SHA-256.
    case hashMismatch(path: String, expected: String, actual: String)
    /// It (or a folder on its way) was replaced by a symbolic link or a non-regular file.
    case notARegularFile(path: String)
    /// It cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path) is missing from the installed package"
        case .hashMismatch(let path, let expected, let actual): return "\(path) was altered (SHA-256 \(actual), manifest says \(expected))"
        case .notARegularFile(let path): return "\(path) is not a regular file inside the package (symbolic link?)"
        case .unreadable(let path, let reason): return "\(path) cannot be read: \(reason)"
        }
    }
}

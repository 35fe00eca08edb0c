// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Rules for paths inside a package: what a zip entry, a manifest `files` key or a resource
/// request may name.
///
/// A valid path is relative, `/`-separated, NFC-normalized Unicode, at most 1,024 UTF-8 bytes,
/// with no empty, `.` or `..` components, no backslashes and no control characters. Anything
/// else could escape the app's folder or collide with another entry on some file system.
public enum PackagePath {
    /// The longest path accepted, in UTF-8 bytes.
    public static let maximumLength = 1024

    /// Why a path was refused.
    public enum Problem: String, Sendable, Hashable {
        case empty = "is empty"
        case tooLong = "is longer than 1024 bytes"
        case absolute = "is absolute"
        case traversal = "contains a '.' or '..' component"
        case emptyComponent = "contains an empty component ('//' or a trailing '/')"
        case backslash = "contains a backslash"
        case controlCharacter = "contains a control character"
        case notNormalized = "is not in Unicode normalization form C"
    }

    /// Returns why `path` is not a valid package path, or `nil` if it is.
    ///
    /// Checked on the UTF-8 bytes (every launch and resource request checks a path): the
    /// characters refused are all ASCII, and an all-ASCII path is already in form C, so only a
    /// path with other characters pays for Unicode normalization.
    public static func problem(with path: String) -> Problem? {
        let bytes = path.utf8
        if bytes.isEmpty { return .empty }
        if bytes.count > maximumLength { return .tooLong }
        if bytes.first == slash { return .absolute }
        if bytes.contains(UInt8(ascii: "\\")) { return .backslash }
        // A scalar below 0x20 or 0x7F is that one byte in UTF-8 (no multi-byte sequence contains it).
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .controlCharacter }
        if let problem = componentProblem(bytes) { return problem }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        // Compared by bytes: Swift's `==` treats canonically equivalent strings as equal.
        if !path.precomposedStringWithCanonicalMapping.utf8.elementsEqual(bytes) { return .notNormalized }
        return nil
    }

    private static let slash = UInt8(ascii: "/")

    /// An empty, `.` or `..` component (the path split at every `/`, trailing one included).
    private static func componentProblem(_ bytes: String.UTF8View) -> Problem? {
        var length = 0
        var dots = 0
        for byte in bytes {
            if byte == slash {
                if let problem = problem(length: length, dots: dots) { return problem }
                (length, dots) = (0, 0)
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return problem(length: length, dots: dots)
    }

    private static func problem(length: Int, dots: Int) -> Problem? {
        if length == 0 { return .emptyComponent }
        if length == dots, length <= 2 { return .traversal }
        return nil
    }

    /// The key two paths collide under on case-insensitive or normalizing file systems.
    static func collisionKey(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }
}

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
    public static func problem(with path: String) -> Problem? {
        if path.isEmpty { return .empty }
        if path.utf8.count > maximumLength { return .tooLong }
        if path.hasPrefix("/") { return .absolute }
        if path.contains("\\") { return .backslash }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { return .emptyComponent }
            if component == "." || component == ".." { return .traversal }
        }
        // Compared by bytes: Swift's `==` treats canonically equivalent strings as equal.
        if !path.precomposedStringWithCanonicalMapping.utf8.elementsEqual(path.utf8) { return .notNormalized }
        return nil
    }

    /// The key two paths collide under on case-insensitive or normalizing file systems.
    static func collisionKey(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }
}

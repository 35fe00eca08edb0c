// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Turns a requested path (from a URL or an app) into a package path, refusing traversal.
public enum ResourcePath {
    /// Strips query and fragment, percent-decodes once, drops the leading `/` and validates
    /// the result with `PackagePath` (so `..`, `%2e%2e`, absolute paths, backslashes and
    /// control characters are all refused). An empty path means the app's entry.
    public static func normalize(_ raw: String) throws(ResolutionError) -> String? {
        var path = raw
        // On the UTF-8 bytes: a query or fragment mark, and `%`, are ASCII.
        if let cut = path.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            path = String(path[..<cut])
        }
        var decoded = path
        if path.utf8.contains(UInt8(ascii: "%")) {
            guard let unescaped = path.removingPercentEncoding else { throw .invalidPath(raw, .controlCharacter) }
            decoded = unescaped
        }
        var trimmed = Substring(decoded)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.isEmpty { return nil }
        let candidate = String(trimmed)
        if let problem = PackagePath.problem(with: candidate) { throw .invalidPath(raw, problem) }
        return candidate
    }

    /// `base + path`, each path component percent-encoded.
    public static func join(_ base: URL, _ path: String) -> URL {
        var text = base.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        let encoded = path.split(separator: "/").map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
        }
        return URL(string: text + encoded.joined(separator: "/")) ?? base
    }
}

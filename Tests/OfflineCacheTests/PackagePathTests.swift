// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Testing

@testable import OfflineCache

/// The byte-level path check decides exactly as the plain rules read (the reference below):
/// same verdict, same reason, for every path up to four characters over the characters that
/// matter (separators, dots, backslash, controls, composed and decomposed accents).
@Suite("Package path rules")
struct PackagePathTests {
    /// The rules as written in `PackagePath`'s documentation, checked on characters.
    static func reference(_ path: String) -> PackagePath.Problem? {
        if path.isEmpty { return .empty }
        if path.utf8.count > PackagePath.maximumLength { return .tooLong }
        if path.hasPrefix("/") { return .absolute }
        if path.unicodeScalars.contains("\\") { return .backslash }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { return .emptyComponent }
            if component == "." || component == ".." { return .traversal }
        }
        if !path.precomposedStringWithCanonicalMapping.utf8.elementsEqual(path.utf8) { return .notNormalized }
        return nil
    }

    @Test("the byte-level check agrees with the rules on every path of up to four characters")
    func agreesWithReference() {
        let alphabet: [String] = ["a", "/", ".", "\\", "\u{1}", "\u{7F}", "é", "e\u{301}", "日", "%"]
        var paths: [String] = [""]
        var last: [String] = [""]
        for _ in 0..<4 {
            last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
            paths += last
        }
        #expect(paths.count == 11_111)
        var disagreements: [String] = []
        for path in paths where PackagePath.problem(with: path) != Self.reference(path) {
            disagreements.append(path.debugDescription)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        let long = String(repeating: "a/", count: 600)
        #expect(PackagePath.problem(with: long) == .tooLong)
        #expect(PackagePath.problem(with: "pages/index.js") == nil)
        #expect(PackagePath.problem(with: "pages/.../x.js") == nil, "three dots is a name")
        #expect(PackagePath.problem(with: "pages/..") == .traversal)
        #expect(PackagePath.problem(with: "pages/") == .emptyComponent)
    }

    @Test("content types come from the last component's extension")
    func contentTypes() {
        #expect(ContentType.guess("pages/index.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.guess("a.b/data.JSON") == "application/json")
        #expect(ContentType.guess("a.js/readme") == "application/octet-stream")
        #expect(ContentType.guess("logo.min.svg") == "image/svg+xml")
        #expect(ContentType.fileExtension(".hidden") == "")
        #expect(ContentType.fileExtension("dir/name.") == "")
    }
}

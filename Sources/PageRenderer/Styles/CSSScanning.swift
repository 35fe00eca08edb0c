// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Comments out of CSS text; their line breaks stay so later lines keep their numbers.
enum CSSComments {
    static func strip(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var lines = 0
        while index < bytes.count {
            if CSSStrings.copy(bytes, &index, into: &output, lines: &lines) { continue }
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index < bytes.count,
                    !(bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"))
                {
                    if bytes[index] == UInt8(ascii: "\n") { output.append(bytes[index]) }
                    index += 1
                }
                index = min(index + 2, bytes.count)
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// String literals in CSS, copied whole (escapes included) so that scanners never look inside.
enum CSSStrings {
    static func isQuote(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }

    /// If `bytes[index]` opens a string literal: appends all of it to `output`, moves `index`
    /// past it, counts its line breaks into `lines` and returns true; else returns false.
    static func copy(_ bytes: [UInt8], _ index: inout Int, into output: inout [UInt8], lines: inout Int) -> Bool {
        let open = bytes[index]
        guard isQuote(open) else { return false }
        output.append(open)
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            output.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") { lines += 1 }
            if byte == UInt8(ascii: "\\"), index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { lines += 1 }
                output.append(bytes[index])
                index += 1
            } else if byte == open {
                break
            }
        }
        return true
    }
}

/// The top-level `@import`s of a sheet (comments already stripped) and the rest of it.
enum CSSImports {
    struct Import: Hashable {
        let target: String
        let line: Int
    }

    static func split(_ text: String) -> (imports: [Import], body: String) {
        let bytes = Array(text.utf8)
        var imports: [Import] = []
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count)
        var index = 0
        var depth = 0
        var line = 1
        let keyword = Array("@import".utf8).map { $0 | 0x20 }
        while index < bytes.count {
            if CSSStrings.copy(bytes, &index, into: &body, lines: &line) { continue }
            let byte = bytes[index]
            if depth == 0, byte == UInt8(ascii: "@"), bytes.count - index >= keyword.count,
                bytes[index..<index + keyword.count].map({ $0 | 0x20 }) == keyword
            {
                var end = index + keyword.count
                var statement: [UInt8] = []
                var ignoredLines = 0
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") {
                    if CSSStrings.copy(bytes, &end, into: &statement, lines: &ignoredLines) { continue }
                    statement.append(bytes[end])
                    end += 1
                }
                imports.append(Import(target: target(of: String(decoding: statement, as: UTF8.self)), line: line))
                for newline in bytes[index..<end] where newline == UInt8(ascii: "\n") {
                    line += 1
                    body.append(newline)
                }
                index = min(end + 1, bytes.count)
                continue
            }
            switch byte {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\n"): line += 1
            default: break
            }
            body.append(byte)
            index += 1
        }
        return (imports, String(decoding: body, as: UTF8.self))
    }

    /// `"a.wxss"`, `'a'`, `url(a.wxss)` or `url("a")` → the path.
    static func target(of statement: String) -> String {
        var text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.lowercased().hasPrefix("url("), text.hasSuffix(")") {
            text = String(text.dropFirst(4).dropLast()).trimmingCharacters(in: .whitespaces)
        }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }
}

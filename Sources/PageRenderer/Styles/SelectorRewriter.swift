// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The document's element for each template tag: `view` → `wx-view`, `page` → `wx-page`, a
/// custom component `my-card` → `wx-my-card` (the platforms' own view layers name theirs alike),
/// so no app tag can collide with HTML's.
public enum ElementNames {
    public static func element(for tag: String) -> String { "wx-" + tag.lowercased() }
}

/// Rewrites the type selectors of a style sheet's rules to the document's element names
/// (``ElementNames``); classes, ids, attributes, pseudo-classes and the rules inside
/// `@keyframes` / `@font-face` are left alone; `@media` / `@supports` blocks are rewritten inside.
enum SelectorRewriter {
    static func rewrite(_ css: String) -> String {
        let bytes = Array(css.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        rewriteRules(bytes, 0, bytes.count, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Rules in `bytes[start..<end]`: `prelude { block }` pairs.
    private static func rewriteRules(_ bytes: [UInt8], _ start: Int, _ end: Int, into output: inout [UInt8]) {
        var index = start
        while index < end {
            guard let open = find(UInt8(ascii: "{"), in: bytes, from: index, to: end) else {
                output.append(contentsOf: bytes[index..<end])
                return
            }
            let close = matchingBrace(bytes, open, end)
            let prelude = bytes[index..<open]
            let trimmed = prelude.drop { $0 == 32 || $0 == 10 || $0 == 9 || $0 == 13 || $0 == UInt8(ascii: ";") }
            if trimmed.first == UInt8(ascii: "@") {
                output.append(contentsOf: prelude)
                output.append(UInt8(ascii: "{"))
                let name = String(decoding: trimmed.prefix { $0 != 32 && $0 != UInt8(ascii: "(") && $0 != 10 }, as: UTF8.self).lowercased()
                if ["@media", "@supports", "@document", "@layer", "@container"].contains(name) {
                    rewriteRules(bytes, open + 1, close, into: &output)
                } else {
                    output.append(contentsOf: bytes[(open + 1)..<close])
                }
            } else {
                output.append(contentsOf: rewriteSelectors(Array(prelude)))
                output.append(contentsOf: bytes[open..<close])
            }
            if close < end { output.append(UInt8(ascii: "}")) }
            index = min(close + 1, end)
        }
    }

    /// The first `target` at or after `from`, outside strings.
    private static func find(_ target: UInt8, in bytes: [UInt8], from: Int, to end: Int) -> Int? {
        var index = from
        var quote: UInt8?
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == target {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The `}` closing the `{` at `open` (or `end` if it never closes).
    private static func matchingBrace(_ bytes: [UInt8], _ open: Int, _ end: Int) -> Int {
        var depth = 0
        var index = open
        var quote: UInt8?
        while index < end {
            let byte = bytes[index]
            if let current = quote {
                if byte == current { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return end
    }

    /// Pseudo-classes whose argument is a selector list (rewritten too).
    private static let selectorPseudoClasses: Set<String> = ["not", "is", "where", "has", "matches", "host", "host-context"]

    static func rewriteSelectors(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        var atCompoundStart = true
        // For each open parenthesis: whether its content is a selector list.
        var parentheses: [Bool] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "["):
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) ?? (bytes.count - 1)
                output.append(contentsOf: bytes[index...close])
                index = close + 1
                atCompoundStart = false
                continue
            case UInt8(ascii: ":"):
                var end = index + 1
                if end < bytes.count, bytes[end] == UInt8(ascii: ":") { end += 1 }
                let nameStart = end
                while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
                let name = String(decoding: bytes[nameStart..<end], as: UTF8.self).lowercased()
                output.append(contentsOf: bytes[index..<end])
                if end < bytes.count, bytes[end] == UInt8(ascii: "(") {
                    parentheses.append(selectorPseudoClasses.contains(name))
                    output.append(UInt8(ascii: "("))
                    end += 1
                    atCompoundStart = true
                } else {
                    atCompoundStart = false
                }
                index = end
                continue
            case UInt8(ascii: ")"):
                parentheses.removeLast(parentheses.isEmpty ? 0 : 1)
                output.append(byte)
                index += 1
                atCompoundStart = false
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ">"),
                UInt8(ascii: "+"), UInt8(ascii: "~"), UInt8(ascii: ","):
                output.append(byte)
                index += 1
                atCompoundStart = true
                continue
            case UInt8(ascii: "."), UInt8(ascii: "#"):
                var end = index + 1
                while end < bytes.count, isIdentifierByte(bytes[end]) || bytes[end] == UInt8(ascii: "\\") { end += 1 }
                output.append(contentsOf: bytes[index..<end])
                index = end
                atCompoundStart = false
                continue
            default:
                break
            }
            let inSelectorList = parentheses.last ?? true
            if atCompoundStart, inSelectorList, isIdentifierStart(byte) {
                var end = index
                while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
                let tag = String(decoding: bytes[index..<end], as: UTF8.self)
                output.append(contentsOf: ElementNames.element(for: tag).utf8)
                index = end
                atCompoundStart = false
                continue
            }
            output.append(byte)
            index += 1
            atCompoundStart = false
        }
        return output
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte >= 0x80
    }
}

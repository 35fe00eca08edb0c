// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Why JSON text could not be parsed, with the byte offset where it went wrong.
public struct JSONParseError: Error, Hashable, CustomStringConvertible {
    /// Byte offset into the text.
    public let offset: Int
    public let reason: String

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONValue {
    /// How deep arrays and objects may nest (deeper text is refused, never a stack overflow).
    public static let maximumParsingDepth = 512

    /// Parses JSON text (RFC 8259, UTF-8, an optional byte order mark) keeping every object's
    /// key order, as `JSON.parse` does (array-index keys such as `"2"` first, ascending, then the
    /// others as written); a repeated key keeps its first position and its last value. Foundation's decoders do not keep the order, so use this for text an app reads back
    /// (stored values, response bodies, `app.json`).
    public init(parsing text: Data) throws(JSONParseError) {
        var parser = JSONTextParser(bytes: [UInt8](text))
        self = try parser.parseDocument()
    }

    /// Parses JSON text given as a string.
    public init(parsing text: String) throws(JSONParseError) {
        var parser = JSONTextParser(bytes: Array(text.utf8))
        self = try parser.parseDocument()
    }
}

/// A recursive-descent parser over UTF-8 bytes.
private struct JSONTextParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the value") }
        return value
    }

    private func failure(_ reason: String) -> JSONParseError {
        JSONParseError(offset: index, reason: reason)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw failure("expected \(word)")
        }
        index += expected.count
        return value
    }

    private mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONValue.maximumParsingDepth { throw failure("nested deeper than \(JSONValue.maximumParsingDepth)") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        var members = JSONObject()
        try parseContainer(closing: UInt8(ascii: "}"), what: "object") { parser throws(JSONParseError) in
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                throw parser.failure("expected a member name")
            }
            let key = try parser.parseString()
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
                throw parser.failure("expected ':'")
            }
            parser.index += 1
            members[key] = try parser.parseValue()
        }
        return .object(Self.inJavaScriptOrder(members))
    }

    /// JavaScript lists array-index keys (`"2"`) first, ascending, then the other keys in the
    /// order they came; so does the parsed object.
    static func inJavaScriptOrder(_ members: JSONObject) -> JSONObject {
        let indices = members.keys.compactMap { key in arrayIndex(key).map { (key, $0) } }
        guard !indices.isEmpty else { return members }
        var ordered = JSONObject()
        for (key, _) in indices.sorted(by: { $0.1 < $1.1 }) { ordered[key] = members[key] }
        for (key, value) in members where ordered[key] == nil { ordered[key] = value }
        return ordered
    }

    /// The key as an array index (canonical decimal below 2³² − 1), if it is one.
    static func arrayIndex(_ key: String) -> UInt32? {
        guard let value = UInt32(key), value < UInt32.max, String(value) == key else { return nil }
        return value
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        var elements: [JSONValue] = []
        try parseContainer(closing: UInt8(ascii: "]"), what: "array") { parser throws(JSONParseError) in
            elements.append(try parser.parseValue())
        }
        return .array(elements)
    }

    /// The frame of an array or object: the opening byte, elements separated by commas (each
    /// read by `element`), the closing byte.
    private mutating func parseContainer(
        closing: UInt8, what: String, _ element: (inout JSONTextParser) throws(JSONParseError) -> Void
    ) throws(JSONParseError) {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == closing {
            index += 1
            return
        }
        while true {
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unterminated \(what)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == closing else { throw failure("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
            index += 1
            return
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit in the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        // The grammar was checked above; Double's parser gives the nearest value (±inf past the range).
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else { throw JSONParseError(offset: start, reason: "unreadable number") }
        return .number(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: buffer, as: UTF8.self) else { throw failure("a string that is not UTF-8") }
                return string
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"): buffer.append(contentsOf: try unicodeEscape())
                default: throw failure("unknown escape")
                }
            case 0x00..<0x20:
                throw failure("a control character in a string")
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    /// After `\u`: four hex digits, a surrogate pair as two escapes; a lone surrogate becomes
    /// U+FFFD (what a JavaScript string holding it turns into as UTF-8).
    private mutating func unicodeEscape() throws(JSONParseError) -> [UInt8] {
        let first = try hexQuad()
        var scalar: Unicode.Scalar?
        if (0xD800..<0xDC00).contains(first) {
            if bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let saved = index
                index += 2
                let second = try hexQuad()
                if (0xDC00..<0xE000).contains(second) {
                    scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                } else {
                    index = saved
                }
            }
        } else {
            scalar = Unicode.Scalar(first)
        }
        return Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
    }

    private mutating func hexQuad() throws(JSONParseError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw failure("a short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("a bad hex digit in a \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A JavaScript tokenizer just deep enough for the ES module transform: it knows comments,
/// strings, template literals (with nested `${}`), regular-expression literals (by the usual
/// previous-token rule), numbers, identifiers and punctuators, and the nesting depth of
/// brackets. It does not parse; it never needs to, since `import`/`export` statements are
/// recognised by their first tokens at depth 0.
struct JSLexer {
    struct Token: Equatable {
        enum Kind: Equatable { case identifier, punctuator, string, template, regex, number }
        let kind: Kind
        /// Byte offsets in the source.
        let start: Int
        let end: Int
        /// 1-based line of the first byte.
        let line: Int
        /// Bracket depth (`(`, `[`, `{`, template `${`) before the token.
        let depth: Int
        /// A line break lies between this token and the previous one.
        let afterNewline: Bool
    }

    struct LexError: Error, Equatable {
        let message: String
        let line: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var depth = 0
    /// Open brackets; `nil` marks a template substitution `${`.
    private var brackets: [UInt8?] = []
    private(set) var tokens: [Token] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    func text(_ token: Token) -> String {
        String(decoding: bytes[token.start..<token.end], as: UTF8.self)
    }

    static func tokenize(_ source: String) throws(LexError) -> (lexer: JSLexer, tokens: [Token]) {
        var lexer = JSLexer(source)
        try lexer.run()
        return (lexer, lexer.tokens)
    }

    private mutating func run() throws(LexError) {
        var newline = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case 0x0A:
                line += 1
                newline = true
                position += 1
            case 0x20, 0x09, 0x0D, 0x0B, 0x0C:
                position += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let startLine = line
                position += 2
                while position < bytes.count, !(bytes[position] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) {
                    if bytes[position] == 0x0A { line += 1; newline = true }
                    position += 1
                }
                guard position < bytes.count else { throw LexError(message: "unterminated comment", line: startLine) }
                position += 2
            default:
                try token(afterNewline: newline)
                newline = false
            }
        }
        if !brackets.isEmpty { throw LexError(message: "unbalanced brackets at end of file", line: line) }
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func emit(_ kind: Token.Kind, from start: Int, line startLine: Int, depth startDepth: Int, newline: Bool) {
        tokens.append(Token(kind: kind, start: start, end: position, line: startLine, depth: startDepth, afterNewline: newline))
    }

    private mutating func token(afterNewline newline: Bool) throws(LexError) {
        let start = position
        let startLine = line
        let byte = bytes[position]
        if Self.isIdentifierStart(byte) {
            while position < bytes.count, Self.isIdentifierPart(bytes[position]) { position += 1 }
            emit(.identifier, from: start, line: startLine, depth: depth, newline: newline)
        } else if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(Self.isDigit) == true) {
            while position < bytes.count, Self.isIdentifierPart(bytes[position]) || bytes[position] == UInt8(ascii: ".") {
                position += 1
            }
            emit(.number, from: start, line: startLine, depth: depth, newline: newline)
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            try skipString(quote: byte)
            emit(.string, from: start, line: startLine, depth: depth, newline: newline)
        } else if byte == UInt8(ascii: "`") {
            position += 1
            try templateBody(start: start, line: startLine, newline: newline)
        } else if byte == UInt8(ascii: "/"), regexAllowed() {
            try skipRegex()
            emit(.regex, from: start, line: startLine, depth: depth, newline: newline)
        } else {
            try punctuator(start: start, line: startLine, newline: newline)
        }
    }

    private mutating func punctuator(start: Int, line startLine: Int, newline: Bool) throws(LexError) {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            position += 1
            emit(.punctuator, from: start, line: startLine, depth: depth, newline: newline)
            brackets.append(byte)
            depth += 1
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            guard let open = brackets.popLast() else {
                throw LexError(message: "unexpected '\(Character(UnicodeScalar(byte)))'", line: line)
            }
            depth -= 1
            if open == nil {
                // `}` closing a template substitution: the template continues.
                guard byte == UInt8(ascii: "}") else { throw LexError(message: "unbalanced template substitution", line: line) }
                position += 1
                try templateBody(start: start, line: startLine, newline: newline)
                return
            }
            position += 1
            emit(.punctuator, from: start, line: startLine, depth: depth, newline: newline)
        default:
            // Longest-match is not needed: only single characters matter to the transform,
            // except `...`, `=>` and `?.` which are kept whole for readability of the stream.
            for long in ["...", "=>", "?."] where matches(long) {
                position += long.utf8.count
                emit(.punctuator, from: start, line: startLine, depth: depth, newline: newline)
                return
            }
            position += 1
            emit(.punctuator, from: start, line: startLine, depth: depth, newline: newline)
        }
    }

    private func matches(_ text: String) -> Bool {
        var offset = 0
        for byte in text.utf8 {
            guard peek(offset) == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Reads template characters up to the closing backquote or a `${` (which opens a
    /// substitution: its contents are ordinary tokens until the matching `}`).
    private mutating func templateBody(start: Int, line startLine: Int, newline: Bool) throws(LexError) {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                if peek(1) == 0x0A { line += 1 }
                position += 2
            } else if byte == UInt8(ascii: "`") {
                position += 1
                emit(.template, from: start, line: startLine, depth: depth, newline: newline)
                return
            } else if byte == UInt8(ascii: "$"), peek(1) == UInt8(ascii: "{") {
                position += 2
                emit(.template, from: start, line: startLine, depth: depth, newline: newline)
                brackets.append(nil)
                depth += 1
                return
            } else {
                if byte == 0x0A { line += 1 }
                position += 1
            }
        }
        throw LexError(message: "unterminated template literal", line: startLine)
    }

    private mutating func skipString(quote: UInt8) throws(LexError) {
        let startLine = line
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                if peek(1) == 0x0A { line += 1 }
                position += 2
            } else if byte == quote {
                position += 1
                return
            } else if byte == 0x0A {
                break
            } else {
                position += 1
            }
        }
        throw LexError(message: "unterminated string literal", line: startLine)
    }

    private mutating func skipRegex() throws(LexError) {
        let startLine = line
        position += 1
        var inClass = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { break }
            if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if byte == UInt8(ascii: "[") { inClass = true }
            if byte == UInt8(ascii: "]") { inClass = false }
            position += 1
            if byte == UInt8(ascii: "/"), !inClass {
                while position < bytes.count, Self.isIdentifierPart(bytes[position]) { position += 1 }
                return
            }
        }
        throw LexError(message: "unterminated regular expression", line: startLine)
    }

    /// A `/` starts a regular expression unless the previous token ends an expression.
    private func regexAllowed() -> Bool {
        guard let previous = tokens.last else { return true }
        switch previous.kind {
        case .number, .string, .regex:
            return false
        case .template:
            return bytes[previous.end - 1] != UInt8(ascii: "`")
        case .identifier:
            return Self.regexKeywords.contains(text(previous))
        case .punctuator:
            let last = bytes[previous.end - 1]
            return last != UInt8(ascii: ")") && last != UInt8(ascii: "]")
        }
    }

    private static let regexKeywords: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await",
    ]

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x24 || byte == 0x5F
            || byte >= 0x80 || byte == 0x5C
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

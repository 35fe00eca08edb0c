// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Turns TypeScript into JavaScript by erasing the types to whitespace, so every line and
/// column stays where the author wrote it (stack traces and error locations need no source map).
///
/// Erased: annotations (`: T` on variables, parameters, returns, class members), `interface`,
/// `type` aliases, generics in declarations and calls (`f<T>(x)`, `class A<T>`, `new Map<K, V>()`),
/// `as` / `satisfies` (and `as const`), angle-bracket assertions (`<T>x`), non-null `!`, optional `?` on parameters and members,
/// `public`/`private`/`protected`/`readonly`/`override` on class members, `declare`,
/// `import type` / `export type` (and inline `type` specifiers), `abstract`, `implements`,
/// overload signatures, index signatures, `this` parameters.
///
/// Generated, on the lines they stand on: `enum` / `const enum` (an object with reverse mapping
/// for numeric members), parameter properties (`constructor(private x)` → `this.x = x;`) and
/// decorators (`experimentalDecorators`: applied after the class body, on its line).
/// Refused with the line: `namespace`/`module` blocks.
///
/// It works on the token stream of ``JSLexer`` with the rules TypeScript's own parser uses to tell
/// a type from an expression where the two look alike (`a ? b : c` vs `a?: T`, `f<T>(x)` vs
/// `a < b`): a `:` is a type annotation inside parentheses, in a `let`/`const`/`var` declaration,
/// after a parameter list and on a class member, unless it closes a `?` or a `case`.
public enum TypeScriptStripper {
    /// Why a TypeScript file could not be turned into JavaScript.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public let line: Int
        public var description: String { "line \(line): \(message)" }
    }

    /// The JavaScript of `source`, and whether any code was generated (then only the lines are
    /// kept; otherwise every character stays in its column or becomes a space).
    public struct Output: Sendable, Equatable {
        public let text: String
        public let generatesCode: Bool
    }

    /// The JavaScript text of `source`: the same lines (and, without generated code, columns).
    public static func strip(_ source: String) throws(Failure) -> String {
        try transform(source).text
    }

    /// The JavaScript of `source` with whether code was generated (enums, parameter properties,
    /// decorators).
    public static func transform(_ source: String) throws(Failure) -> Output {
        let scanned: (lexer: JSLexer, tokens: [JSLexer.Token])
        do {
            scanned = try JSLexer.tokenize(source)
        } catch {
            throw Failure(message: error.message, line: error.line)
        }
        var eraser = TypeEraser(bytes: Array(source.utf8), lexer: scanned.lexer, tokens: scanned.tokens)
        if scanned.tokens.contains(where: { $0.kind == .punctuator && scanned.lexer.text($0) == "@" }) { try eraser.planDecorators() }
        try eraser.run()
        return Output(text: eraser.output(), generatesCode: !eraser.insertions.isEmpty)
    }
}

struct TypeEraser {
    typealias Token = JSLexer.Token

    enum FrameKind { case paren, bracket, block, classBody, specifiers }

    /// What is known about one bracket depth.
    struct Frame {
        var kind: FrameKind
        /// `?` (ternary) and `case` waiting for their `:`.
        var pendingColons = 0
        /// Inside a `let`/`const`/`var` declaration (until `;`).
        var declaring = false
        /// The parameter list belongs to a constructor (parameter properties are refused).
        var isConstructorParameters = false
    }

    let bytes: [UInt8]
    let lexer: JSLexer
    let tokens: [Token]
    var frames: [Int: Frame] = [0: Frame(kind: .block)]
    var erased: [Range<Int>] = []
    /// Generated code (enums, parameter properties): text written before the byte at an offset.
    var insertions: [Int: String] = [:]
    /// Decorator groups (`@a @b(x)`): the index of the first `@` → the index after the group.
    var decoratorEnds: [Int: Int] = [:]
    /// Members that had decorators (their first token): they start a member like after a `;`.
    var decoratedMembers: Set<Int> = []
    /// What runs after a class body (index of its `}`): member decorations, then the class's.
    var decorations: [Int: (members: [String], classes: [String])] = [:]
    /// Index of the token after the class name while in a class header (`class A<T> extends B<T> implements C {`).
    var classHeaderDepth: Int?

    /// For each token, the index after the first closing bracket at its depth that follows it
    /// (`afterBalanced`), found in one pass so no bracket is scanned twice.
    let balancedEnds: [Int]

    init(bytes: [UInt8], lexer: JSLexer, tokens: [Token]) {
        self.bytes = bytes
        self.lexer = lexer
        self.tokens = tokens
        var ends = [Int](repeating: tokens.count, count: tokens.count)
        var nextCloser: [Int: Int] = [:]
        for index in tokens.indices.reversed() {
            let token = tokens[index]
            ends[index] = nextCloser[token.depth].map { $0 + 1 } ?? tokens.count
            if token.kind == .punctuator, token.end - token.start == 1,
                [UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[token.start])
            {
                nextCloser[token.depth] = index
            }
        }
        balancedEnds = ends
    }

    // MARK: Token helpers

    func text(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count else { return nil }
        return lexer.text(tokens[index])
    }

    func isPunct(_ index: Int, _ value: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .punctuator && text(index) == value
    }

    func isWord(_ index: Int, _ value: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .identifier && text(index) == value
    }

    func isIdentifier(_ index: Int) -> Bool { index >= 0 && index < tokens.count && tokens[index].kind == .identifier }

    func adjacent(_ first: Int, _ second: Int) -> Bool {
        first >= 0 && second < tokens.count && tokens[first].end == tokens[second].start
    }

    func failure(_ message: String, at index: Int) -> TypeScriptStripper.Failure {
        TypeScriptStripper.Failure(message: message, line: tokens[min(index, tokens.count - 1)].line)
    }

    mutating func erase(_ first: Int, through last: Int) {
        guard first <= last, first >= 0, last < tokens.count else { return }
        erased.append(tokens[first].start..<tokens[last].end)
    }

    static let keywords: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield",
        "await", "if", "while", "for", "switch", "const", "let", "var", "function", "class", "extends", "export", "import",
        "default", "try", "catch", "finally",
    ]

    /// The token ends an expression (so `!`, `as`, `<` after it are postfix/binary, not prefix).
    func endsExpression(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        switch tokens[index].kind {
        case .identifier: return !Self.keywords.contains(text(index)!) || text(index) == "this"
        case .number, .string, .regex: return true
        case .template: return bytes[tokens[index].end - 1] == UInt8(ascii: "`")
        case .punctuator: return [")", "]", "}"].contains(text(index)!)
        }
    }

    /// Statement start: first token, after `;`, `{`, `}`, or on a new line after a token that
    /// cannot continue an expression.
    func startsStatement(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = index - 1
        if isPunct(previous, ";") || isPunct(previous, "{") || isPunct(previous, "}") { return true }
        return tokens[index].afterNewline && endsExpression(previous)
    }

    /// The token after the bracket opened at `index` is closed.
    func afterBalanced(_ index: Int) -> Int {
        index + 1 < tokens.count ? balancedEnds[index] : tokens.count
    }

    /// Tokens at its own level a type argument list may hold (brackets inside count as one):
    /// past this a `<` is a comparison, and no `<` scans a whole file (8,000 comparisons in one
    /// list stay linear).
    static let maximumAngleListTokens = 1024

    /// The token after the `>` matching the `<` at `index`; nil when what follows is not a type
    /// argument list (an operator that types never contain, or no match).
    func afterAngles(_ index: Int) -> Int? {
        let depth = tokens[index].depth
        var open = 0
        var cursor = index
        var steps = 0
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.depth < depth { return nil }
            if token.depth == depth {
                steps += 1
                if steps > Self.maximumAngleListTokens { return nil }
            }
            if token.depth == depth, token.kind == .punctuator {
                // Bytes, not text: this loop runs for every `<` of a file.
                let length = token.end - token.start
                let first = bytes[token.start]
                if length == 1 {
                    switch first {
                    case UInt8(ascii: "<"): open += 1
                    case UInt8(ascii: ">"):
                        open -= 1
                        if open == 0 { return cursor + 1 }
                    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                        // Over the brackets' content at once (through the closer at this depth).
                        cursor = max(cursor + 1, afterBalanced(cursor))
                        continue
                    case UInt8(ascii: "|"), UInt8(ascii: "&"):
                        // `||` and `&&` (two tokens side by side) are never in a type.
                        if cursor + 1 < tokens.count, tokens[cursor + 1].start == token.end,
                            tokens[cursor + 1].end - tokens[cursor + 1].start == 1, bytes[token.end] == first
                        {
                            return nil
                        }
                    case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"),
                        UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "-"):
                        break
                    default: return nil
                    }
                } else {
                    switch text(cursor)! {
                    case "=>", "...": break
                    default: return nil
                    }
                }
            } else if token.depth == depth, token.kind == .regex {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    /// The source with erased ranges turned into spaces (line breaks kept; one space per UTF-16
    /// unit, so columns as JavaScriptCore counts them stay put).
    /// Writes `text` before token `index` (after anything already inserted there).
    mutating func insert(_ text: String, before index: Int) {
        insert(text, atOffset: index < tokens.count ? tokens[index].start : bytes.count)
    }

    /// Writes `text` before the byte at `offset`.
    mutating func insert(_ text: String, atOffset offset: Int) {
        insertions[offset, default: ""] += text
    }

    /// Erases token `index` and writes `text` in its place.
    mutating func replace(_ index: Int, with text: String) {
        insert(text, before: index)
        erase(index, through: index)
    }

    func output() -> String {
        var keep = [Bool](repeating: true, count: bytes.count)
        for range in erased { for offset in range { keep[offset] = false } }
        var result = ""
        result.unicodeScalars.reserveCapacity(bytes.count)
        var offset = 0
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        for scalar in scalars {
            if let generated = insertions[offset] { result += generated }
            let width = String(scalar).utf8.count
            if keep[offset] || scalar == "\n" || scalar == "\r" {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(repeating: " ", count: scalar.utf16.count)
            }
            offset += width
        }
        if let generated = insertions[offset] { result += generated }
        return result
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Turns TypeScript into JavaScript by erasing the types to whitespace, so every line and
/// column stays where the author wrote it (stack traces and error locations need no source map).
///
/// Erased: annotations (`: T` on variables, parameters, returns, class members), `interface`,
/// `type` aliases, generics in declarations and calls (`f<T>(x)`, `class A<T>`, `new Map<K, V>()`),
/// `as` / `satisfies` (and `as const`), non-null `!`, optional `?` on parameters and members,
/// `public`/`private`/`protected`/`readonly`/`override` on class members, `declare`,
/// `import type` / `export type` (and inline `type` specifiers), `abstract`, `implements`,
/// overload signatures, index signatures, `this` parameters.
///
/// Refused with the line (they need generated code, not erasure): `enum`, `namespace`/`module`
/// blocks, parameter properties (`constructor(private x)`), decorators.
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

    /// The JavaScript text of `source`: the same length in lines and columns.
    public static func strip(_ source: String) throws(Failure) -> String {
        let scanned: (lexer: JSLexer, tokens: [JSLexer.Token])
        do {
            scanned = try JSLexer.tokenize(source)
        } catch {
            throw Failure(message: error.message, line: error.line)
        }
        var eraser = TypeEraser(bytes: Array(source.utf8), lexer: scanned.lexer, tokens: scanned.tokens)
        try eraser.run()
        return eraser.output()
    }
}

private struct TypeEraser {
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
    /// Index of the token after the class name while in a class header (`class A<T> extends B<T> implements C {`).
    var classHeaderDepth: Int?

    init(bytes: [UInt8], lexer: JSLexer, tokens: [Token]) {
        self.bytes = bytes
        self.lexer = lexer
        self.tokens = tokens
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
        let depth = tokens[index].depth
        var cursor = index + 1
        while cursor < tokens.count {
            if tokens[cursor].depth == depth, tokens[cursor].kind == .punctuator, [")", "]", "}"].contains(text(cursor)!) {
                return cursor + 1
            }
            cursor += 1
        }
        return tokens.count
    }

    /// The token after the `>` matching the `<` at `index`; nil when what follows is not a type
    /// argument list (an operator that types never contain, or no match).
    func afterAngles(_ index: Int) -> Int? {
        let depth = tokens[index].depth
        var open = 0
        var cursor = index
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.depth < depth { return nil }
            if token.depth == depth, token.kind == .punctuator {
                switch text(cursor)! {
                case "<": open += 1
                case ">":
                    open -= 1
                    if open == 0 { return cursor + 1 }
                case ",", ".", "|", "&", "[", "]", "(", ")", "{", "}", "=>", "?", ":", "=", "-", "...": break
                default: return nil
                }
                if ["|", "&"].contains(text(cursor)!), isPunct(cursor + 1, text(cursor)!), adjacent(cursor, cursor + 1) { return nil }
            } else if token.depth == depth, token.kind == .regex {
                return nil
            }
            cursor += 1
        }
        return nil
    }

    // MARK: Types

    /// The token after a type starting at `index`.
    func skipType(_ start: Int) -> Int {
        var index = start
        while isPunct(index, "|") || isPunct(index, "&") { index += 1 }
        while index < tokens.count {
            index = skipOperand(index)
            while isPunct(index, "["), adjacent(index - 1, index) || isPunct(index + 1, "]") { index = afterBalanced(index) }
            if isWord(index, "is") {
                index += 1
                continue
            }
            if isWord(index, "extends"), !isPunct(index - 1, "<") {
                // A conditional type: `A extends B ? C : D`.
                index = skipType(index + 1)
                if isPunct(index, "?") { index = skipType(index + 1) }
                if isPunct(index, ":") { index = skipType(index + 1) }
                return index
            }
            if isPunct(index, "|") || isPunct(index, "&") {
                index += 1
                continue
            }
            break
        }
        return index
    }

    func skipOperand(_ start: Int) -> Int {
        var index = start
        while let word = text(index), tokens[index].kind == .identifier,
            ["keyof", "typeof", "readonly", "unique", "infer", "asserts", "abstract"].contains(word),
            isIdentifier(index + 1) || isPunct(index + 1, "(") || isPunct(index + 1, "[") || isPunct(index + 1, "{")
        {
            index += 1
        }
        if isWord(index, "new") { index += 1 }
        if isPunct(index, "<"), let after = afterAngles(index) { index = after }
        guard index < tokens.count else { return index }
        switch tokens[index].kind {
        case .punctuator:
            switch text(index)! {
            case "(":
                let after = afterBalanced(index)
                return isPunct(after, "=>") ? skipType(after + 1) : after
            case "[", "{": return afterBalanced(index)
            case "-": return tokens[index + 1 < tokens.count ? index + 1 : index].kind == .number ? index + 2 : index
            default: return index
            }
        case .string, .number: return index + 1
        case .template:
            // A template literal type with substitutions: through its closing part.
            var cursor = index
            while cursor < tokens.count,
                !(tokens[cursor].kind == .template && tokens[cursor].depth == tokens[index].depth
                    && bytes[tokens[cursor].end - 1] == UInt8(ascii: "`")
                    && (cursor > index || tokens[cursor].end - tokens[cursor].start > 1))
            {
                cursor += 1
            }
            return min(cursor + 1, tokens.count)
        case .regex: return index
        case .identifier:
            index += 1
            while isPunct(index, "."), isIdentifier(index + 1) { index += 2 }
            if isPunct(index, "<"), let after = afterAngles(index) { index = after }
            return index
        }
    }

    // MARK: The walk

    mutating func frame(at depth: Int) -> Frame { frames[depth] ?? Frame(kind: .block) }

    mutating func run() throws(TypeScriptStripper.Failure) {
        var index = 0
        while index < tokens.count {
            index = try step(index)
        }
    }

    /// Handles the token at `index`; returns the next index to look at.
    mutating func step(_ index: Int) throws(TypeScriptStripper.Failure) -> Int {
        let token = tokens[index]
        let depth = token.depth
        var current = frame(at: depth)
        defer { frames[depth] = current }
        let word = token.kind == .identifier ? text(index)! : nil
        let punct = token.kind == .punctuator ? text(index)! : nil

        if token.kind == .template, bytes[token.end - 1] == UInt8(ascii: "{") { frames[depth + 1] = Frame(kind: .block) }

        if let word, startsStatement(index) || isWord(index - 1, "export") || isWord(index - 1, "declare") {
            if let next = try statementLevel(word, at: index, in: current) { return next }
        }
        if current.kind == .classBody, let next = try classMember(at: index) { return next }

        if let word {
            switch word {
            case "let", "const", "var": current.declaring = true
            case "case": current.pendingColons += 1
            case "default" where isPunct(index + 1, ":"): current.pendingColons += 1
            case "class" where !isPunct(index - 1, "."):
                classHeaderDepth = depth
            case "type" where current.kind == .specifiers && isIdentifier(index + 1) && !isPunct(index + 2, ","):
                // `import { type A as B, c }`: the type-only specifier goes with its comma.
                var end = index + 2
                if isWord(end, "as") { end += 2 }
                if isPunct(end, ",") { end += 1 }
                erase(index, through: end - 1)
                return end
            case "as", "satisfies":
                if endsExpression(index - 1), current.kind != .specifiers, !isPunct(index - 1, "*") {
                    let end = skipType(index + 1)
                    erase(index, through: end - 1)
                    return end
                }
            case "implements" where classHeaderDepth == depth:
                var end = index + 1
                while end < tokens.count, !(tokens[end].depth == depth && isPunct(end, "{")) { end += 1 }
                erase(index, through: end - 1)
                return end
            case "constructor" where current.kind == .classBody && isPunct(index + 1, "("):
                frames[depth + 1] = Frame(kind: .paren, isConstructorParameters: true)
                return index + 2
            default:
                if current.kind == .paren, current.isConstructorParameters,
                    ["public", "private", "protected", "readonly", "override"].contains(word),
                    isIdentifier(index + 1)
                        || isPunct(index + 1, "{") || isPunct(index + 1, "[")
                {
                    throw failure(
                        "parameter properties (\(word) in a constructor's parameters) need generated code; assign in the body", at: index)
                }
                if word == "this", current.kind == .paren, isPunct(index - 1, "("), isPunct(index + 1, ":") {
                    // A `this` parameter: erased with its type and comma.
                    var end = skipType(index + 2)
                    if isPunct(end, ",") { end += 1 }
                    erase(index, through: end - 1)
                    return end
                }
            }
        }

        guard let punct else { return index + 1 }
        switch punct {
        case "@":
            throw failure("decorators need generated code and are not supported", at: index)
        case "(", "[", "{":
            var kind: FrameKind = punct == "(" ? .paren : punct == "[" ? .bracket : .block
            if punct == "{", classHeaderDepth == depth {
                kind = .classBody
                classHeaderDepth = nil
            }
            if punct == "{", isWord(index - 1, "import") || isWord(index - 1, "export") || isWord(index - 1, "type") { kind = .specifiers }
            if punct == "{", isPunct(index - 1, ","), frame(at: depth).kind == .block, isIdentifier(index - 2),
                isWord(index - 3, "import")
            {
                kind = .specifiers
            }
            frames[depth + 1] = Frame(kind: kind)
        case ")":
            if isPunct(index + 1, ":"), current.pendingColons == 0 {
                // A return type.
                let end = skipType(index + 2)
                erase(index + 1, through: end - 1)
                return end
            }
        case ";":
            current.declaring = false
        case "<":
            if classHeaderDepth == depth, let after = afterAngles(index) {
                erase(index, through: after - 1)
                return after
            }
            if let after = afterAngles(index), isPunct(after, "(") || tokens[after < tokens.count ? after : index].kind == .template,
                isIdentifier(index - 1) || !endsExpression(index - 1)
            {
                erase(index, through: after - 1)
                return after
            }
        case "!":
            if adjacent(index - 1, index), endsExpression(index - 1), !(isPunct(index + 1, "=") && adjacent(index, index + 1)) {
                erase(index, through: index)
            }
        case "?":
            let optionalMethod = current.kind == .classBody && isPunct(index + 1, "(")
            if isPunct(index + 1, ":") || isPunct(index + 1, ")") || isPunct(index + 1, ",") || optionalMethod {
                if isIdentifier(index - 1) || isPunct(index - 1, "]") {
                    erase(index, through: index)
                    return index + 1
                }
            }
            let nullish = (isPunct(index + 1, "?") && adjacent(index, index + 1)) || (isPunct(index - 1, "?") && adjacent(index - 1, index))
            if !nullish { current.pendingColons += 1 }
        case ":":
            if current.pendingColons > 0 {
                current.pendingColons -= 1
            } else if current.kind == .paren || current.declaring || current.kind == .classBody {
                let end = skipType(index + 1)
                erase(index, through: end - 1)
                return end
            }
        default:
            break
        }
        return index + 1
    }

    /// Statement-level TypeScript: declarations erased whole, constructs that need code refused.
    /// Returns the next index when it handled the statement.
    mutating func statementLevel(_ word: String, at index: Int, in current: Frame) throws(TypeScriptStripper.Failure) -> Int? {
        let start = isWord(index - 1, "export") && startsStatement(index - 1) ? index - 1 : index
        switch word {
        case "interface" where isIdentifier(index + 1):
            var end = index + 2
            while end < tokens.count, !(tokens[end].depth == tokens[index].depth && isPunct(end, "{")) { end += 1 }
            let after = end < tokens.count ? afterBalanced(end) : end
            erase(start, through: after - 1)
            return after
        case "type" where isIdentifier(index + 1) && (isPunct(index + 2, "=") || isPunct(index + 2, "<")):
            var cursor = index + 2
            if isPunct(cursor, "<"), let after = afterAngles(cursor) { cursor = after }
            guard isPunct(cursor, "=") else { return nil }
            var end = skipType(cursor + 1)
            if isPunct(end, ";") { end += 1 }
            erase(start, through: end - 1)
            return end
        case "type" where isWord(index - 1, "export") && (isPunct(index + 1, "{") || isPunct(index + 1, "*")):
            return eraseStatement(from: start, at: index)
        case "import" where isWord(index + 1, "type") && !isPunct(index + 2, "=") && !isWord(index + 2, "from"):
            return eraseStatement(from: index, at: index)
        case "declare" where isIdentifier(index + 1):
            return eraseStatement(from: start, at: index)
        case "abstract" where isWord(index + 1, "class"):
            erase(index, through: index)
            return index + 1
        case "enum":
            throw failure("enum needs generated code and is not supported; use an object of constants", at: index)
        case "const" where isWord(index + 1, "enum"):
            throw failure("const enum needs generated code and is not supported; use an object of constants", at: index)
        case "namespace", "module":
            guard isIdentifier(index + 1), isPunct(index + 2, "{") || isPunct(index + 2, ".") else { return nil }
            throw failure("\(word) blocks need generated code and are not supported; use ES modules", at: index)
        case "function":
            return overloadSignature(from: start, at: index)
        default:
            return nil
        }
    }

    /// Erases from `start` through the statement's end: a `;`, or the end of a braced body, or
    /// the last token of the line.
    mutating func eraseStatement(from start: Int, at index: Int) -> Int {
        let depth = tokens[index].depth
        var cursor = index + 1
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.depth < depth { break }
            if token.depth == depth {
                if isPunct(cursor, ";") {
                    cursor += 1
                    break
                }
                if isPunct(cursor, "{") {
                    cursor = afterBalanced(cursor)
                    if !isWord(cursor, "from") { break }
                    continue
                }
                if token.afterNewline, startsStatement(cursor) { break }
            }
            cursor += 1
        }
        erase(start, through: cursor - 1)
        return cursor
    }

    /// `function f(a: string): void;` (no body) is an overload signature: erased whole.
    mutating func overloadSignature(from start: Int, at index: Int) -> Int? {
        var cursor = index + 1
        if isIdentifier(cursor) { cursor += 1 }
        if isPunct(cursor, "<"), let after = afterAngles(cursor) { cursor = after }
        guard isPunct(cursor, "(") else { return nil }
        cursor = afterBalanced(cursor)
        if isPunct(cursor, ":") { cursor = skipType(cursor + 1) }
        guard cursor >= tokens.count || isPunct(cursor, ";") || (tokens[cursor].afterNewline && !isPunct(cursor, "{")) else { return nil }
        let end = isPunct(cursor, ";") ? cursor : cursor - 1
        erase(start, through: end)
        return end + 1
    }

    /// A class member at `index`: TS-only modifiers, abstract/declare members, index signatures
    /// and method signatures without a body. Returns the next index when it handled something.
    mutating func classMember(at index: Int) throws(TypeScriptStripper.Failure) -> Int? {
        let depth = tokens[index].depth
        let previous = index - 1
        guard
            isPunct(previous, "{") && tokens[previous].depth == depth - 1 || isPunct(previous, ";")
                || isPunct(previous, "}") && tokens[previous].depth == depth
                || tokens[index].afterNewline && endsExpression(previous)
        else { return nil }
        var cursor = index
        var modifiers: [Int] = []
        var dropWhole = false
        while let word = text(cursor), tokens[cursor].kind == .identifier,
            ["public", "private", "protected", "readonly", "override", "declare", "abstract", "static", "async", "accessor"].contains(word),
            isIdentifier(cursor + 1) || isPunct(cursor + 1, "[") || tokens[cursor + 1 < tokens.count ? cursor + 1 : cursor].kind == .string
                || isPunct(cursor + 1, "#") || isPunct(cursor + 1, "*")
        {
            if ["declare", "abstract"].contains(word) { dropWhole = true }
            if !["static", "async", "accessor"].contains(word) { modifiers.append(cursor) }
            cursor += 1
        }
        if isPunct(cursor, "@") { throw failure("decorators need generated code and are not supported", at: cursor) }
        // `[key: string]: T;` index signature.
        if isPunct(cursor, "["), isIdentifier(cursor + 1), isPunct(cursor + 2, ":") { dropWhole = true }
        if dropWhole { return eraseMember(from: index) }
        // A method signature without a body: `name(a: T): R;`
        var name = cursor
        if isPunct(name, "[") { name = afterBalanced(name) - 1 }
        var after = name + 1
        if isPunct(after, "?") { after += 1 }
        if isPunct(after, "<"), let angles = afterAngles(after) { after = angles }
        if isPunct(after, "(") {
            var end = afterBalanced(after)
            if isPunct(end, ":") { end = skipType(end + 1) }
            if end >= tokens.count || isPunct(end, ";") || (tokens[end].afterNewline && !isPunct(end, "{")) {
                return eraseMember(from: index)
            }
        }
        for modifier in modifiers { erase(modifier, through: modifier) }
        return modifiers.isEmpty ? nil : cursor
    }

    /// Erases a class member through its `;` (or the end of its line).
    mutating func eraseMember(from index: Int) -> Int {
        let depth = tokens[index].depth
        var cursor = index + 1
        while cursor < tokens.count {
            if tokens[cursor].depth < depth { break }
            if tokens[cursor].depth == depth {
                if isPunct(cursor, ";") {
                    cursor += 1
                    break
                }
                if tokens[cursor].afterNewline, !isPunct(cursor - 1, ":"), !isPunct(cursor - 1, "|"), endsExpression(cursor - 1) { break }
            }
            cursor += 1
        }
        erase(index, through: cursor - 1)
        return cursor
    }

    /// The source with erased ranges turned into spaces (line breaks kept; one space per UTF-16
    /// unit, so columns as JavaScriptCore counts them stay put).
    func output() -> String {
        var keep = [Bool](repeating: true, count: bytes.count)
        for range in erased { for offset in range { keep[offset] = false } }
        var result = ""
        result.unicodeScalars.reserveCapacity(bytes.count)
        var offset = 0
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        for scalar in scalars {
            let width = String(scalar).utf8.count
            if keep[offset] || scalar == "\n" || scalar == "\r" {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(repeating: " ", count: scalar.utf16.count)
            }
            offset += width
        }
        return result
    }
}

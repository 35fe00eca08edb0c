// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Statements and class members that are TypeScript only: erased whole, or refused.
extension TypeEraser {
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
            var end = try skipType(cursor + 1)
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
        case "enum" where isIdentifier(index + 1) && isPunct(index + 2, "{"):
            return try generateEnum(at: index, constAt: nil)
        case "const" where isWord(index + 1, "enum") && isIdentifier(index + 2) && isPunct(index + 3, "{"):
            return try generateEnum(at: index + 1, constAt: index)
        case "namespace", "module":
            guard isIdentifier(index + 1), isPunct(index + 2, "{") || isPunct(index + 2, ".") else { return nil }
            throw failure("\(word) blocks need generated code and are not supported; use ES modules", at: index)
        case "function":
            return try overloadSignature(from: start, at: index)
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
    mutating func overloadSignature(from start: Int, at index: Int) throws(TypeScriptStripper.Failure) -> Int? {
        var cursor = index + 1
        if isIdentifier(cursor) { cursor += 1 }
        if isPunct(cursor, "<"), let after = afterAngles(cursor) { cursor = after }
        guard isPunct(cursor, "(") else { return nil }
        cursor = afterBalanced(cursor)
        if isPunct(cursor, ":") { cursor = try skipType(cursor + 1) }
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
            decoratedMembers.contains(index) || isPunct(previous, "{") && tokens[previous].depth == depth - 1 || isPunct(previous, ";")
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
            if isPunct(end, ":") { end = try skipType(end + 1) }
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

}

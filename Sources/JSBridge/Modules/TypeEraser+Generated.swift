// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The two TypeScript constructs that need a little generated code, written on the lines they
/// stand on (lines never move; columns after the generated text do):
/// - `enum E { A, B = 5, C = 'c' }` → `var E = (function (E) { … })({})`, numeric members with
///   their reverse mapping, as `tsc` emits them (`const enum` alike); members are locals of the
///   function too, so an initialiser may name an earlier member (`B = A << 1`);
/// - parameter properties, `constructor(private x: number)`: the modifier goes and
///   `this.x = x;` opens the body (after `super(…)` in a derived class).
extension TypeEraser {
    /// `[const] enum Name { … }` at `index` (the `enum` word); returns the index after `}`.
    mutating func generateEnum(at index: Int, constAt constIndex: Int?) throws(TypeScriptStripper.Failure) -> Int {
        guard isIdentifier(index + 1), isPunct(index + 2, "{"), let name = text(index + 1) else {
            throw failure("an enum needs a name and a body", at: index)
        }
        let open = index + 2
        let end = afterBalanced(open)
        let close = end - 1
        guard close < tokens.count, isPunct(close, "}") else { throw failure("the enum \(name) is not closed", at: index) }
        if let constIndex { erase(constIndex, through: constIndex) }
        replace(index, with: "var")
        replace(
            open,
            with: "= (function (\(name)) { var __next = 0; function __member(key, value) { \(name)[key] = value; "
                + "if (typeof value === \"number\") { \(name)[value] = key; __next = value + 1; } return value; }")
        let depth = tokens[open].depth + 1
        var cursor = open + 1
        while cursor < close {
            guard tokens[cursor].depth == depth, tokens[cursor].kind == .identifier || tokens[cursor].kind == .string,
                let member = text(cursor)
            else { throw failure("unexpected \(text(cursor) ?? "end") in the enum \(name)", at: cursor) }
            let key = tokens[cursor].kind == .string ? member : "\"\(member)\""
            // A member with a plain name is also a local, so later initialisers can name it (`B = A << 1`).
            let local = tokens[cursor].kind == .identifier && !Self.reservedWords.contains(member) ? "var \(member) = " : ""
            var next = cursor + 1
            if isPunct(next, "=") {
                erase(cursor, through: next)
                insert("\(local)__member(\(key), ", before: next + 1)
                next += 1
                while next < close, !(tokens[next].depth == depth && isPunct(next, ",")) { next += 1 }
                insert(");", before: next)
            } else {
                replace(cursor, with: "\(local)__member(\(key), __next);")
            }
            if next < close, isPunct(next, ",") {
                erase(next, through: next)
                next += 1
            } else if next < close {
                throw failure("expected , between the members of the enum \(name)", at: next)
            }
            cursor = next
        }
        replace(close, with: "return \(name); })({});")
        return end
    }

    /// The constructor whose `(` is at `open`: erases parameter-property modifiers and assigns
    /// those parameters at the start of the body.
    mutating func generateParameterProperties(open: Int) throws(TypeScriptStripper.Failure) {
        let closeEnd = afterBalanced(open)
        let depth = tokens[open].depth + 1
        var names: [String] = []
        var cursor = open + 1
        var atParameterStart = true
        while cursor < closeEnd - 1 {
            if tokens[cursor].depth == depth, isPunct(cursor, ",") {
                atParameterStart = true
                cursor += 1
                continue
            }
            if atParameterStart, tokens[cursor].depth == depth {
                var modifiers = 0
                while let word = text(cursor + modifiers), tokens[cursor + modifiers].kind == .identifier,
                    Self.parameterModifiers.contains(word), isIdentifier(cursor + modifiers + 1)
                {
                    modifiers += 1
                }
                if modifiers > 0, let name = text(cursor + modifiers) {
                    erase(cursor, through: cursor + modifiers - 1)
                    names.append(name)
                }
                atParameterStart = false
            }
            cursor += 1
        }
        guard !names.isEmpty else { return }
        let body = closeEnd
        guard isPunct(body, "{") else { throw failure("a constructor with parameter properties needs a body", at: open) }
        let assignments = names.map { "this.\($0) = \($0);" }.joined(separator: " ")
        // In a derived class `this` exists after `super(…)`: assign right after that call.
        let bodyEnd = afterBalanced(body)
        var scan = body + 1
        while scan < bodyEnd - 1 {
            if tokens[scan].depth == depth, isWord(scan, "super"), isPunct(scan + 1, "(") {
                let afterCall = afterBalanced(scan + 1)
                if isPunct(afterCall, ";") {
                    insert(" " + assignments, before: afterCall + 1)
                } else {
                    insert("; " + assignments, before: afterCall)
                }
                return
            }
            scan += 1
        }
        insert(" " + assignments, before: body + 1)
    }

    static let parameterModifiers: Set<String> = ["public", "private", "protected", "readonly", "override"]

    /// Words that can name an enum member but not a variable.
    static let reservedWords: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
        "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "__next", "__member",
    ]
}

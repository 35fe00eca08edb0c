// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Decorators as TypeScript's `experimentalDecorators` runs them (what class-style component
/// libraries are written with): each `@expr` is erased where it stands and applied right after
/// the class body, on the same line — members first (`(target, key, descriptor)`, the prototype
/// or, for `static` members, the class), then the class (`expr(Class) || Class`, last first).
extension TypeEraser {
    /// Finds every decorator before the walk; returns decorator start → the index after its group.
    mutating func planDecorators() throws(TypeScriptStripper.Failure) {
        var index = 0
        while index < tokens.count {
            guard isPunct(index, "@") else {
                index += 1
                continue
            }
            var cursor = index
            var expressions: [String] = []
            while isPunct(cursor, "@") {
                let start = cursor + 1
                guard isIdentifier(start) else { throw failure("a decorator must name a function", at: cursor) }
                var end = start + 1
                while isPunct(end, "."), isIdentifier(end + 1) { end += 2 }
                if isPunct(end, "(") { end = afterBalanced(end) }
                expressions.append(sourceText(from: start, through: end - 1))
                cursor = end
            }
            erase(index, through: cursor - 1)
            decoratorEnds[index] = cursor
            var target = cursor
            while let word = text(target), tokens[target].kind == .identifier, ["export", "default", "abstract", "declare"].contains(word) {
                target += 1
            }
            let list = "[" + expressions.joined(separator: ", ") + "]"
            if isWord(target, "class") {
                guard isIdentifier(target + 1), let name = text(target + 1), name != "extends", name != "implements" else {
                    throw failure("a decorated class needs a name", at: target)
                }
                let close = try classBodyEnd(after: target)
                decorations[close, default: ([], [])].classes.append(
                    "\(name) = \(list).reduceRight(function (t, d) { return d(t) || t; }, \(name));")
            } else {
                try planMemberDecoration(list, at: cursor)
                decoratedMembers.insert(cursor)
            }
            index = cursor
        }
        for (close, planned) in decorations {
            insert(" " + (planned.members + planned.classes).joined(separator: " "), atOffset: tokens[close].end)
        }
    }

    /// A decorated member at `index` (after its decorators): the class, the member's key, and
    /// whether it is a method (decorated through its descriptor) or a field.
    private mutating func planMemberDecoration(_ list: String, at index: Int) throws(TypeScriptStripper.Failure) {
        guard index < tokens.count else { throw failure("a decorator must come before a class or a class member", at: index) }
        let depth = tokens[index].depth
        // The class body this member sits in: the `{` one level up, after `class Name …`.
        var brace = index - 1
        while brace >= 0, !(tokens[brace].depth == depth - 1 && isPunct(brace, "{")) { brace -= 1 }
        var header = brace - 1
        while header >= 0, tokens[header].depth >= depth - 1, !(tokens[header].depth == depth - 1 && isWord(header, "class")) {
            header -= 1
        }
        guard brace >= 0, header >= 0, isWord(header, "class"), isIdentifier(header + 1), let className = text(header + 1),
            className != "extends"
        else { throw failure("decorators apply to members of a named class", at: index) }
        var cursor = index
        var isStatic = false
        while let word = text(cursor), tokens[cursor].kind == .identifier,
            ["static", "public", "private", "protected", "readonly", "override", "declare", "abstract", "async", "accessor", "get", "set"]
                .contains(word),
            isIdentifier(cursor + 1) || tokens[min(cursor + 1, tokens.count - 1)].kind == .string || isPunct(cursor + 1, "*")
        {
            if word == "static" { isStatic = true }
            cursor += 1
        }
        if isPunct(cursor, "*") { cursor += 1 }
        guard let member = text(cursor), tokens[cursor].kind == .identifier || tokens[cursor].kind == .string else {
            throw failure("a decorated member needs a plain name", at: cursor)
        }
        let key = tokens[cursor].kind == .string ? member : "\"\(member)\""
        var after = cursor + 1
        if isPunct(after, "?") || isPunct(after, "!") { after += 1 }
        let isMethod = isPunct(after, "(") || isPunct(after, "<")
        let target = isStatic ? className : "\(className).prototype"
        let close = afterBalanced(brace) - 1
        decorations[close, default: ([], [])].members.append(
            "(function (t, k, ds, m) { var d = m ? Object.getOwnPropertyDescriptor(t, k) : undefined; "
                + "for (var i = ds.length - 1; i >= 0; i--) { var r = ds[i](t, k, d); if (m && r) d = r; } "
                + "if (m && d) Object.defineProperty(t, k, d); })(\(target), \(key), \(list), \(isMethod));")
    }

    /// The index of the `}` closing the body of the class whose `class` word is at `index`.
    private func classBodyEnd(after index: Int) throws(TypeScriptStripper.Failure) -> Int {
        let depth = tokens[index].depth
        var cursor = index + 1
        while cursor < tokens.count, !(tokens[cursor].depth == depth && isPunct(cursor, "{")) { cursor += 1 }
        guard cursor < tokens.count else { throw failure("the decorated class has no body", at: index) }
        let close = afterBalanced(cursor) - 1
        guard close < tokens.count, isPunct(close, "}") else { throw failure("the decorated class is not closed", at: index) }
        return close
    }

    /// The source from token `first` through token `last`, on one line.
    private func sourceText(from first: Int, through last: Int) -> String {
        let slice = bytes[tokens[first].start..<tokens[last].end]
        return String(decoding: slice, as: UTF8.self).replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

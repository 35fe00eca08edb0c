// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The walk over the tokens: annotations, generics, `as`, `!`, `?` and the brackets' frames.
extension TypeEraser {
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
        if let end = decoratorEnds[index] { return end }  // erased by planDecorators

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
                    let end = try skipType(index + 1)
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
                try generateParameterProperties(open: index + 1)
                return index + 2
            default:
                if current.kind == .paren, current.isConstructorParameters, Self.parameterModifiers.contains(word) {
                    if isIdentifier(index + 1) { return index + 1 }  // erased by generateParameterProperties
                    if isPunct(index + 1, "{") || isPunct(index + 1, "[") {
                        throw failure("a parameter property (\(word)) must be a plain name, not a destructuring pattern", at: index)
                    }
                }
                if word == "this", current.kind == .paren, isPunct(index - 1, "("), isPunct(index + 1, ":") {
                    // A `this` parameter: erased with its type and comma.
                    var end = try skipType(index + 2)
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
                let end = try skipType(index + 2)
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
            // An angle-bracket assertion `<T>x`, `(<T>x).y`: a type list where an operand starts.
            if !endsExpression(index - 1), let after = afterAngles(index), startsOperand(after) {
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
                let end = try skipType(index + 1)
                erase(index, through: end - 1)
                return end
            }
        default:
            break
        }
        return index + 1
    }

    /// The token at `index` can begin an operand (what an angle-bracket assertion applies to).
    func startsOperand(_ index: Int) -> Bool {
        guard index < tokens.count else { return false }
        switch tokens[index].kind {
        case .identifier: return !Self.keywords.contains(text(index)!) || ["this", "new", "typeof", "void", "await"].contains(text(index)!)
        case .number, .string, .regex, .template: return true
        case .punctuator: return ["(", "[", "{", "!", "-", "+", "~", "<"].contains(text(index)!)
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Skipping a type: where a type that starts at a token ends.
extension TypeEraser {
    /// How deeply types may nest (conditional types, function types, `keyof` chains): deeper is
    /// refused with the line, not followed until the stack runs out.
    static let maximumTypeNesting = 256

    /// The token after a type starting at `index`.
    func skipType(_ start: Int, nesting: Int = 0) throws(TypeScriptStripper.Failure) -> Int {
        guard nesting < Self.maximumTypeNesting else {
            throw failure("types nest deeper than \(Self.maximumTypeNesting) levels", at: start)
        }
        var index = start
        while isPunct(index, "|") || isPunct(index, "&") { index += 1 }
        while index < tokens.count {
            index = try skipOperand(index, nesting: nesting)
            while isPunct(index, "["), adjacent(index - 1, index) || isPunct(index + 1, "]") { index = afterBalanced(index) }
            if isWord(index, "is") {
                index += 1
                continue
            }
            if isWord(index, "extends"), !isPunct(index - 1, "<") {
                // A conditional type: `A extends B ? C : D`.
                index = try skipType(index + 1, nesting: nesting + 1)
                if isPunct(index, "?") { index = try skipType(index + 1, nesting: nesting + 1) }
                if isPunct(index, ":") { index = try skipType(index + 1, nesting: nesting + 1) }
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

    func skipOperand(_ start: Int, nesting: Int) throws(TypeScriptStripper.Failure) -> Int {
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
                return isPunct(after, "=>") ? try skipType(after + 1, nesting: nesting + 1) : after
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

}

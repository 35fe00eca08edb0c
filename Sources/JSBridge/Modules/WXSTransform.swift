// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// WXS is its own ES5-era language, run by the platforms' own interpreter: words JavaScript
/// reserves but WXS does not (`var class = ''`, released component libraries do this) are
/// ordinary names there. This rewrites them, where they are used as names, into names
/// JavaScriptCore accepts (`class` → `__wxs_class`); member names (`a.class`) and object keys
/// (`{class: 1}`) are left alone, since ES5 allows reserved words there. Byte offsets and lines
/// outside the renamed words are kept, so errors still name the right line.
///
/// WXS's `constructor` is a type name, not a function (`[].constructor === 'Array'`, which
/// libraries test with): reading `x.constructor` becomes `x.__wxs_constructor`, a getter the
/// mini-program framework defines that answers that name.
enum WXSTransform {
    /// Reserved in every JavaScript mode, free in WXS.
    static let renamed: Set<String> = ["class", "enum", "extends", "super"]
    static let prefix = "__wxs_"

    /// The source with the reserved words used as names renamed; the source unchanged when it
    /// has none, or when it does not tokenize (JavaScriptCore then reports the syntax error).
    static func transform(_ source: String) -> String {
        guard renamed.contains(where: { source.contains($0) }) || source.contains("constructor") else { return source }
        guard let (lexer, tokens) = try? JSLexer.tokenize(source) else { return source }
        var bytes = Array(source.utf8)
        var insertions: [Int] = []
        for (index, token) in tokens.enumerated() where token.kind == .identifier {
            let word = lexer.text(token)
            let previous = index > 0 ? lexer.text(tokens[index - 1]) : ""
            let next = index + 1 < tokens.count ? lexer.text(tokens[index + 1]) : ""
            // (Punctuators are single characters here: `===` is three `=`; one alone assigns.)
            let afterNext = index + 2 < tokens.count ? lexer.text(tokens[index + 2]) : ""
            let assigns = next == "=" && afterNext != "="
            if word == "constructor", previous == "." || previous == "?.", !assigns, next != "(" {
                insertions.append(token.start)
                continue
            }
            guard renamed.contains(word) else { continue }
            if previous == "." || previous == "?." { continue }
            if next == ":" && (previous == "{" || previous == ",") { continue }
            insertions.append(token.start)
        }
        for offset in insertions.reversed() { bytes.insert(contentsOf: Array(prefix.utf8), at: offset) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

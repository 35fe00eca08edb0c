// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Rewrites an ES module (`import`/`export`) into a CommonJS module body, since the
/// JavaScriptCore C API has no module loader.
///
/// Every line keeps its number: the generated `require` calls and export getters go on the
/// first line, and each rewritten statement keeps its line breaks, so errors and stacks point
/// at the author's lines. Exports are live (getters over the module's own bindings); imports
/// are read once, when the module starts (as with CommonJS, a cycle may see `undefined`).
///
/// Supported: `import d from`, `import {a, b as c} from`, `import * as ns from`, `import d, {…}`,
/// `import d, * as ns`, `import 'm'`, `export default …`, `export function/class/const/let/var`
/// (with flat destructuring), `export {a, b as c}`, `export {…} from`, `export * from`,
/// `export * as ns from`, dynamic `import()` and `import.meta.url`.
public enum ESModuleTransform {
    /// Why a module could not be rewritten.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public let line: Int
        public var description: String { "line \(line): \(message)" }
    }

    /// The CommonJS body, or `nil` when the source uses no module syntax (it runs unchanged).
    public static func transform(_ source: String) throws(Failure) -> String? {
        guard mayUseModuleSyntax(source) else { return nil }
        let scanned: (lexer: JSLexer, tokens: [JSLexer.Token])
        do {
            scanned = try JSLexer.tokenize(source)
        } catch {
            throw Failure(message: error.message, line: error.line)
        }
        var rewriter = Rewriter(source: source, lexer: scanned.lexer, tokens: scanned.tokens)
        return try rewriter.run()
    }
}

private struct Rewriter {
    typealias Token = JSLexer.Token
    let source: String
    let bytes: [UInt8]
    let lexer: JSLexer
    let tokens: [Token]
    var index = 0
    /// (byte range, replacement) in source order.
    var edits: [(Range<Int>, String)] = []
    var header: [String] = []
    var moduleCount = 0
    var isModule = false

    init(source: String, lexer: JSLexer, tokens: [Token]) {
        self.source = source
        self.bytes = Array(source.utf8)
        self.lexer = lexer
        self.tokens = tokens
    }

    func text(_ token: Token) -> String { lexer.text(token) }

    func token(_ offset: Int) -> Token? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    func isText(_ offset: Int, _ expected: String) -> Bool {
        token(offset).map { text($0) == expected } ?? false
    }

    func failure(_ message: String) -> ESModuleTransform.Failure {
        ESModuleTransform.Failure(message: message, line: token(0)?.line ?? 1)
    }

    mutating func run() throws(ESModuleTransform.Failure) -> String? {
        var usesDynamicSyntax = false
        while index < tokens.count {
            let current = tokens[index]
            let previousIsDot = index > 0 && text(tokens[index - 1]) == "." && tokens[index - 1].kind == .punctuator
            guard current.kind == .identifier, !previousIsDot else {
                index += 1
                continue
            }
            let word = text(current)
            if word == "import", isText(1, "(") {
                edits.append((current.start..<current.end, HostNames.moduleImport))
                usesDynamicSyntax = true
                index += 1
            } else if word == "import", isText(1, "."), isText(2, "meta") {
                edits.append((current.start..<tokens[index + 2].end, HostNames.moduleImportMeta))
                usesDynamicSyntax = true
                index += 3
            } else if word == "import", current.depth == 0 {
                isModule = true
                try importStatement()
            } else if word == "export", current.depth == 0 {
                isModule = true
                try exportStatement()
            } else {
                index += 1
            }
        }
        guard isModule || usesDynamicSyntax else { return nil }
        var prefix = ""
        if isModule { prefix += "'use strict'; Object.defineProperty(exports, '__esModule', { value: true }); " }
        prefix += header.joined(separator: " ")
        return prefix + " " + applyEdits()
    }

    func applyEdits() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var cursor = 0
        for (range, replacement) in edits {
            output.append(contentsOf: bytes[cursor..<range.lowerBound])
            output.append(contentsOf: replacement.utf8)
            // Keep the line count: one newline for each one removed.
            let removedNewlines = bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            output.append(contentsOf: repeatElement(0x0A, count: removedNewlines))
            cursor = range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Removes tokens `from..<index` (and a following `;`) from the output, replacing them.
    mutating func replaceStatement(from start: Int, with replacement: String = "") {
        if index < tokens.count, text(tokens[index]) == ";" { index += 1 }
        let end = tokens[min(index, tokens.count) - 1].end
        edits.append((tokens[start].start..<end, replacement))
    }

    /// A string literal's text without line continuations (backslash + line break), which
    /// produce nothing in the string but would add lines to the one-line header.
    func singleLine(_ literal: String) -> String {
        literal.replacingOccurrences(of: "\\\r\n", with: "").replacingOccurrences(of: "\\\n", with: "")
            .replacingOccurrences(of: "\\\r", with: "")
    }

    mutating func newModuleVariable(_ specifier: Token) -> String {
        let name = "\(HostNames.moduleBinding)\(moduleCount)"
        moduleCount += 1
        header.append("const \(name) = require(\(singleLine(text(specifier))));")
        return name
    }

    mutating func expectIdentifier() throws(ESModuleTransform.Failure) -> String {
        guard let next = token(0), next.kind == .identifier else { throw failure("expected a name") }
        index += 1
        return text(next)
    }

    mutating func expect(_ punctuation: String) throws(ESModuleTransform.Failure) {
        guard isText(0, punctuation) else { throw failure("expected '\(punctuation)'") }
        index += 1
    }

    mutating func specifier() throws(ESModuleTransform.Failure) -> Token {
        guard isText(0, "from") else { throw failure("expected 'from'") }
        index += 1
        guard let next = token(0), next.kind == .string else { throw failure("expected a module name string after 'from'") }
        index += 1
        return next
    }

    /// `{ a, b as c, default as d }` → [(imported, local)].
    mutating func namedList() throws(ESModuleTransform.Failure) -> [(String, String)] {
        try expect("{")
        var names: [(String, String)] = []
        while !isText(0, "}") {
            guard let next = token(0), next.kind == .identifier || next.kind == .string else {
                throw failure("expected a name in braces")
            }
            index += 1
            let imported = next.kind == .string ? String(singleLine(text(next)).dropFirst().dropLast()) : text(next)
            var local = imported
            if isText(0, "as") {
                index += 1
                guard let alias = token(0), alias.kind == .identifier || alias.kind == .string else {
                    throw failure("expected a name after 'as'")
                }
                index += 1
                local = alias.kind == .string ? String(singleLine(text(alias)).dropFirst().dropLast()) : text(alias)
            }
            names.append((imported, local))
            if isText(0, ",") { index += 1 } else if !isText(0, "}") { throw failure("expected ',' or '}'") }
        }
        index += 1
        return names
    }

    static func quoted(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    mutating func exportGetter(_ exported: String, _ expression: String) {
        header.append("Object.defineProperty(exports, \(Self.quoted(exported)), { enumerable: true, get: () => \(expression) });")
    }

    // MARK: import

    mutating func importStatement() throws(ESModuleTransform.Failure) {
        let start = index
        index += 1
        if let next = token(0), next.kind == .string {
            index += 1
            _ = newModuleVariableFor(next)
            replaceStatement(from: start)
            return
        }
        var defaultName: String?
        var namespaceName: String?
        var named: [(String, String)] = []
        if let next = token(0), next.kind == .identifier, text(next) != "from" || isText(1, "from") {
            defaultName = try expectIdentifier()
            if isText(0, ",") { index += 1 }
        }
        if isText(0, "*") {
            index += 1
            guard isText(0, "as") else { throw failure("expected 'as' after 'import *'") }
            index += 1
            namespaceName = try expectIdentifier()
        } else if isText(0, "{") {
            named = try namedList()
        }
        let moduleName = try specifier()
        let variable = newModuleVariable(moduleName)
        if let defaultName {
            header.append("const \(defaultName) = (\(variable) && \(variable).__esModule) ? \(variable).default : \(variable);")
        }
        if let namespaceName { header.append("const \(namespaceName) = \(variable);") }
        for (imported, local) in named {
            header.append("const \(local) = \(variable)[\(Self.quoted(imported))];")
        }
        replaceStatement(from: start)
    }

    mutating func newModuleVariableFor(_ specifier: Token) -> String {
        newModuleVariable(specifier)
    }

    // MARK: export

    mutating func exportStatement() throws(ESModuleTransform.Failure) {
        let start = index
        index += 1
        guard let next = token(0) else { throw failure("unexpected end after 'export'") }
        let word = text(next)
        switch word {
        case "default":
            try exportDefault(start)
        case "{":
            let names = try namedList()
            if isText(0, "from") {
                let variable = newModuleVariable(try specifier())
                for (imported, exported) in names { exportGetter(exported, "\(variable)[\(Self.quoted(imported))]") }
            } else {
                for (local, exported) in names { exportGetter(exported, local) }
            }
            replaceStatement(from: start)
        case "*":
            index += 1
            var namespace: String?
            if isText(0, "as") {
                index += 1
                namespace = try expectIdentifier()
            }
            let variable = newModuleVariable(try specifier())
            if let namespace {
                exportGetter(namespace, variable)
            } else {
                header.append(
                    "Object.keys(\(variable)).forEach((k) => { if (k !== 'default' && k !== '__esModule' && !Object.prototype.hasOwnProperty.call(exports, k)) Object.defineProperty(exports, k, { enumerable: true, get: () => \(variable)[k] }); });"
                )
            }
            replaceStatement(from: start)
        case "function", "class", "async":
            var cursor = 1
            if word == "async" { cursor += 1 }
            if isText(cursor, "*") { cursor += 1 }
            guard let nameToken = token(cursor), nameToken.kind == .identifier else {
                throw failure("an exported \(word) needs a name")
            }
            exportGetter(text(nameToken), text(nameToken))
            edits.append((tokens[start].start..<next.start, ""))
            index += cursor + 1
        case "const", "let", "var":
            edits.append((tokens[start].start..<next.start, ""))
            index += 1
            for name in try declaredNames() { exportGetter(name, name) }
        default:
            throw failure("unsupported export form 'export \(word)'")
        }
    }

    mutating func exportDefault(_ start: Int) throws(ESModuleTransform.Failure) {
        let defaultToken = tokens[index]
        index += 1
        var cursor = 0
        if isText(0, "async"), isText(1, "function") { cursor = 1 }
        if isText(cursor, "function") || isText(cursor, "class") {
            var nameOffset = cursor + 1
            if isText(nameOffset, "*") { nameOffset += 1 }
            if let nameToken = token(nameOffset), nameToken.kind == .identifier, !isText(nameOffset, "extends") {
                // A named declaration stays a (hoisted) declaration.
                exportGetter("default", text(nameToken))
                edits.append((tokens[start].start..<tokens[index].start, ""))
                return
            }
        }
        header.append("var __hcDefault;")
        exportGetter("default", HostNames.defaultExport)
        edits.append((tokens[start].start..<defaultToken.end, HostNames.defaultExport + " ="))
    }

    /// The names bound by a `const/let/var` declaration, up to its end.
    mutating func declaredNames() throws(ESModuleTransform.Failure) -> [String] {
        let depth = tokens[index - 1].depth
        var names: [String] = []
        while true {
            guard let next = token(0) else { throw failure("unexpected end of an export declaration") }
            if next.kind == .identifier {
                names.append(text(next))
                index += 1
            } else if text(next) == "{" || text(next) == "[" {
                names.append(contentsOf: try patternNames())
            } else {
                throw failure("expected a name in an export declaration")
            }
            // Skip the initializer up to `,` or the end of the statement at this depth.
            var previous: Token? = index > 0 && index <= tokens.count ? tokens[index - 1] : nil
            while let current = token(0) {
                if current.depth == depth {
                    let value = text(current)
                    if value == "," && current.kind == .punctuator { break }
                    if value == ";" && current.kind == .punctuator { return names }
                    if current.afterNewline, let previous, !continuesExpression(previous, current) { return names }
                    if value == "}" || value == ")" || value == "]" { return names }
                }
                if current.depth < depth { return names }
                previous = current
                index += 1
            }
            if token(0) == nil { return names }
            index += 1  // the comma
        }
    }

    /// Names in a flat destructuring pattern: `{a, b: c, ...rest}` or `[a, , b]`.
    mutating func patternNames() throws(ESModuleTransform.Failure) -> [String] {
        let open = tokens[index]
        let closer = text(open) == "{" ? "}" : "]"
        let isObject = closer == "}"
        index += 1
        var names: [String] = []
        var pending: String?
        while let current = token(0), !(current.depth == open.depth && text(current) == closer) {
            guard current.depth == open.depth + 1 else { throw failure("nested destructuring in an export is not supported") }
            let value = text(current)
            if current.kind == .identifier, pending == nil { pending = value }
            if value == ":" && isObject {
                pending = nil
                guard let target = token(1), target.kind == .identifier else {
                    throw failure("nested destructuring in an export is not supported")
                }
                pending = text(target)
                index += 1
            }
            if value == "=" {
                // Default value: skip to the next comma at this depth.
                if let name = pending { names.append(name); pending = nil }
                while let skip = token(1), !(skip.depth == open.depth + 1 && (text(skip) == ",")),
                    !(skip.depth == open.depth && text(skip) == closer)
                {
                    index += 1
                }
            }
            if value == "," {
                if let name = pending { names.append(name) }
                pending = nil
            }
            index += 1
        }
        guard token(0) != nil else { throw failure("unterminated destructuring pattern in an export") }
        if let name = pending { names.append(name) }
        index += 1
        return names
    }

    /// Whether a line break between two tokens continues the expression (no ASI).
    func continuesExpression(_ previous: Token, _ next: Token) -> Bool {
        let before = text(previous)
        let after = text(next)
        if previous.kind == .punctuator, ![")", "]", "}"].contains(before) { return true }
        if next.kind == .punctuator,
            ["(", "[", ".", "?.", "+", "-", "*", "/", "%", "=", "<", ">", "&", "|", "^", "?", ":", ","].contains(after)
        {
            return true
        }
        if next.kind == .template && previous.kind != .punctuator { return true }
        return ["in", "instanceof", "of"].contains(after)
    }
}

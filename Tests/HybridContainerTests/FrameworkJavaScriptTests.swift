// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// The framework's JavaScript, tested as JavaScript: every `.js` resource parses, and the pure
/// modules of the mini-program layer (paths, diffing, base64, component merging, navigation
/// rules) pass their unit tests (`Resources/javascript/*.test.js`) inside JavaScriptCore.
@Suite("Framework JavaScript")
struct FrameworkJavaScriptTests {
    struct Result: Decodable {
        let name: String
        let passed: Bool
        let message: String
    }

    static let testFiles = ScriptResource.files(in: "javascript", bundle: .module).filter { $0.path.hasSuffix(".test.js") }
    static let harness = ScriptResource("javascript/testing.js", in: .module)

    @Test("every .js resource is present and parses (a syntax error fails here, naming file and line)")
    func everyResourceParses() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "syntax"))
        let plain = JSBridgeScripts.all + [HybridContainerScripts.appPrelude]
        #expect(HybridContainerScripts.miniProgramModules.count >= 10)
        for script in plain + HybridContainerScripts.miniProgramModules {
            #expect(script.isAvailable, "\(script.path) is missing")
        }
        for script in plain {
            // Wrapped in a function that is never called: parsed, not run.
            try await context.evaluate("(function () {\n" + script.source + "\n});", sourceURL: script.sourceURL, line: 0)
        }
        // Module definitions only register factories: parsing without running.
        let modules = try FrameworkModules(files: HybridContainerScripts.miniProgramModules, entry: "main.js")
        #expect(modules.names.contains("main.js"))
        try await modules.install(into: context, installer: "__unused")
        await context.release()
    }

    @Test("a syntax error in a module is reported with its file and line")
    func syntaxErrorNamesFileAndLine() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "broken"))
        let good = ScriptResource("javascript/testing.js", in: .module)
        let modules = try FrameworkModules(files: [good, ScriptResource("javascript/broken.js.txt", in: .module)], entry: "testing.js")
        do {
            try await modules.install(into: context, installer: "__unused")
            Issue.record("a module with a syntax error was accepted")
        } catch ScriptError.exception(let exception) {
            #expect(exception.sourceURL == "hybrid://javascript/broken.js.txt")
            #expect(exception.line == 4)
        }
        await context.release()
    }

    @Test("the pure mini-program modules pass their JavaScript unit tests", arguments: testFiles.map(\.path))
    func unitTests(file: String) async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "js-tests"))
        let modules = try FrameworkModules(
            files: HybridContainerScripts.miniProgramModules + [Self.harness, ScriptResource(file, in: .module)],
            entry: String(file.split(separator: "/").last!))
        try await modules.install(into: context, installer: "__runTests")
        try await context.call("__runTests", [["pages": [], "subpackagePages": [], "tabPages": []]])
        let results = try await context.evaluate("globalThis.__testResults", as: [Result].self)
        #expect(results.count >= 3, "\(file) ran \(results.count) tests")
        for result in results {
            #expect(result.passed, "\(file): \(result.name): \(result.message)")
        }
        await context.release()
    }

    @Test("a stack trace through framework code names the real .js resource and line")
    func stackNamesResource() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "stack"))
        let modules = try FrameworkModules(
            files: HybridContainerScripts.miniProgramModules + [Self.harness, ScriptResource("javascript/stack.js.txt", in: .module)],
            entry: "stack.js.txt")
        try await modules.install(into: context, installer: "__run")
        try await context.call("__run", [["pages": [], "subpackagePages": [], "tabPages": []]])
        let stack = try await context.evaluate("globalThis.__stack", as: String.self)
        let values = try #require(HybridContainerScripts.miniProgramModules.first { $0.path.hasSuffix("/values.js") })
        let line =
            try #require(
                values.source.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("is not a valid data path") }) + 1
        #expect(stack.contains("hybrid://mini-program/values.js:\(line):"), "\(stack)")
        await context.release()
    }
}

@Suite("TypeScript stripping leaves JavaScript alone")
struct TypeScriptOnJavaScriptTests {
    @Test("every framework resource and example .js file comes out of the stripper unchanged")
    func identity() throws {
        var sources = HybridContainerScripts.miniProgramModules.map { ($0.path, $0.source) }
        sources += JSBridgeScripts.all.map { ($0.path, $0.source) }
        sources.append((HybridContainerScripts.appPrelude.path, HybridContainerScripts.appPrelude.source))
        let examples = ExamplesTests.examples
        let walker = FileManager.default.enumerator(at: examples, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "js", !url.path.contains("/.build/") else { continue }
            sources.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(sources.count > 30)
        for (path, source) in sources {
            #expect(try TypeScriptStripper.strip(source) == source, "\(path) changed")
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Testing

@testable import JSBridge

@Suite("Scripts a runtime keeps once for all its contexts")
struct SharedScriptsTests {
    static let files = [
        "main.js": "const lib = require('./lib'); globalThis.result = lib.next() + lib.next();",
        "lib.js": "let count = 0; export function next() { count += 1; return count; }",
    ]

    func runMain(_ runtime: JSRuntime, _ files: [String: String]) async throws -> JSONValue {
        let context = try await runtime.makeContext(.init(name: "app", modules: InMemoryModules(sources: files)))
        do {
            try await context.runModule("main.js")
            let result = try await context.evaluate("result")
            await context.release()
            return result
        } catch {
            await context.release()
            throw error
        }
    }

    @Test("two contexts run the same module files from one kept script each, with their own module state")
    func sameFilesSharedStateApart() async throws {
        let runtime = JSRuntime()
        #expect(try await runMain(runtime, Self.files) == 3)
        let afterFirst = await runtime.sharedScriptCount
        #expect(afterFirst >= 2)
        // Each context's module ran afresh (its own `count`), from the same kept scripts.
        #expect(try await runMain(runtime, Self.files) == 3)
        #expect(await runtime.sharedScriptCount == afterFirst)
        // Changed bytes are another script: the new text runs.
        var changed = Self.files
        changed["lib.js"] = "let count = 10; export function next() { count += 1; return count; }"
        #expect(try await runMain(runtime, changed) == 23)
        #expect(await runtime.sharedScriptCount == afterFirst + 1)
        await runtime.shutdown()
    }

    @Test("a file with a syntax error is not kept and still fails with its own file and line")
    func syntaxErrorNotKept() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(
            .init(name: "broken", modules: InMemoryModules(sources: ["main.js": "require('./bad');", "bad.js": "let x = 1;\nlet = = 2;"])))
        let before = await runtime.sharedScriptCount
        do {
            try await context.runModule("main.js")
            Issue.record("a syntax error ran")
        } catch ScriptError.exception(let exception) {
            #expect(exception.name == "SyntaxError")
            #expect(exception.sourceURL == "bad.js")
            #expect(exception.line == 2)
        }
        // main.js is kept; bad.js is not.
        #expect(await runtime.sharedScriptCount == before + 1)
        await context.release()
        await runtime.shutdown()
    }

    @Test("over the byte budget the least recently used scripts go; a file larger than the budget runs unkept")
    func budget() async throws {
        let runtime = JSRuntime(configuration: .init(sharedScriptBytes: 300))
        let filler = String(repeating: " ", count: 150)
        func files(_ tag: String) -> [String: String] {
            ["main.js": "globalThis.result = require('./\(tag).js').value;", "\(tag).js": "exports.value = '\(tag)';" + filler]
        }
        #expect(try await runMain(runtime, files("a")) == "a")
        #expect(try await runMain(runtime, files("b")) == "b")
        #expect(try await runMain(runtime, files("c")) == "c")
        // main.js (kept once, used by every run) and at most one 170-byte file fit in 300 bytes.
        #expect(await runtime.sharedScriptCount <= 2)
        #expect(try await runMain(runtime, ["main.js": "globalThis.result = 'big';" + String(repeating: " ", count: 400)]) == "big")
        #expect(await runtime.sharedScriptCount <= 2)
        await runtime.shutdown()
    }

    @Test("a shared script's top-level `this` is the global object, as an evaluated one's is")
    func topLevelThis() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "this"))
        try await context.evaluateShared("globalThis.seen = (this === globalThis);", sourceURL: "hybrid://this-check.js")
        #expect(try await context.evaluate("seen") == true)
        await context.release()
        await runtime.shutdown()
    }
}

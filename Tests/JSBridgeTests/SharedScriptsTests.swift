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

    @Test("contexts run the same module files from one kept script each (from the second on), with their own module state")
    func sameFilesSharedStateApart() async throws {
        let runtime = JSRuntime()
        // The first run evaluates on its own (a file run once costs what it did); the second keeps.
        #expect(try await runMain(runtime, Self.files) == 3)
        #expect(await runtime.sharedScriptCount == 0)
        #expect(try await runMain(runtime, Self.files) == 3)
        let kept = await runtime.sharedScriptCount
        #expect(kept >= 2)
        // Each context's module ran afresh (its own `count`), from the same kept scripts.
        #expect(try await runMain(runtime, Self.files) == 3)
        #expect(await runtime.sharedScriptCount == kept)
        // Changed bytes are another script: the new text runs, and is kept when run again.
        var changed = Self.files
        changed["lib.js"] = "let count = 10; export function next() { count += 1; return count; }"
        #expect(try await runMain(runtime, changed) == 23)
        #expect(try await runMain(runtime, changed) == 23)
        #expect(await runtime.sharedScriptCount == kept + 1)
        await runtime.shutdown()
    }

    @Test("a file with a syntax error is not kept and still fails with its own file and line")
    func syntaxErrorNotKept() async throws {
        let runtime = JSRuntime()
        let files = InMemoryModules(sources: ["main.js": "require('./bad');", "bad.js": "let x = 1;\nlet = = 2;"])
        var counts: [Int] = []
        for _ in 0..<3 {
            let context = try await runtime.makeContext(.init(name: "broken", modules: files))
            do {
                try await context.runModule("main.js")
                Issue.record("a syntax error ran")
            } catch ScriptError.exception(let exception) {
                #expect(exception.name == "SyntaxError")
                #expect(exception.sourceURL == "bad.js")
                #expect(exception.line == 2)
            }
            await context.release()
            counts.append(await runtime.sharedScriptCount)
        }
        // Kept from the second run on (the preludes, main.js); bad.js never is, so nothing grows after.
        #expect(counts[1] > counts[0])
        #expect(counts[2] == counts[1])
        await runtime.shutdown()
    }

    @Test("over the byte budget the least recently used scripts go; a file larger than the budget runs unkept")
    func budget() async throws {
        let runtime = JSRuntime(configuration: .init(sharedScriptBytes: 300))
        let filler = String(repeating: " ", count: 150)
        func files(_ tag: String) -> [String: String] {
            ["main.js": "globalThis.result = require('./\(tag).js').value;", "\(tag).js": "exports.value = '\(tag)';" + filler]
        }
        for tag in ["a", "b", "c"] {
            #expect(try await runMain(runtime, files(tag)) == .string(tag))
            #expect(try await runMain(runtime, files(tag)) == .string(tag))
        }
        // main.js (used by every run) and at most one 170-byte file fit in 300 bytes.
        #expect(await runtime.sharedScriptCount <= 2)
        let big = ["main.js": "globalThis.result = 'big';" + String(repeating: " ", count: 400)]
        #expect(try await runMain(runtime, big) == "big")
        #expect(try await runMain(runtime, big) == "big")
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

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

@Suite("JavaScript exceptions reach Swift as typed errors")
struct ExceptionTests {
    func exception(_ context: ScriptContext, _ source: String, sourceURL: String? = nil) async -> JSException? {
        do {
            try await context.evaluate(source, sourceURL: sourceURL)
            return nil
        } catch ScriptError.exception(let exception) {
            return exception
        } catch {
            return nil
        }
    }

    @Test("a thrown Error carries name, message, source URL, line and stack")
    func thrownError() async throws {
        try await withContext { context async throws in
            let source = """
                function inner() {
                  throw new TypeError('bad thing');
                }
                function outer() { inner(); }
                outer();
                """
            let caught = try #require(await exception(context, source, sourceURL: "app://main.js"))
            #expect(caught.name == "TypeError")
            #expect(caught.message == "bad thing")
            #expect(caught.sourceURL == "app://main.js")
            #expect(caught.line == 2)
            #expect(caught.stack?.contains("inner") == true)
            #expect(caught.stack?.contains("outer") == true)
        }
    }

    @Test("a non-Error thrown value is reported with its value")
    func thrownValue() async throws {
        try await withContext { context async throws in
            let caught = try #require(await exception(context, "throw {code: 42}"))
            #expect(caught.thrownValue == ["code": 42])
            let text = try #require(await exception(context, "throw 'plain'"))
            #expect(text.message == "plain")
        }
    }

    @Test("a syntax error names the line, both when checked and when evaluated")
    func syntax() async throws {
        try await withContext { context async throws in
            let source = "let a = 1;\nlet b = ;\n"
            await #expect {
                try await context.checkSyntax(source, sourceURL: "app://broken.js")
            } throws: { error in
                guard case ScriptError.syntax(let exception) = error else { return false }
                return exception.line == 2 && exception.name == "SyntaxError"
            }
            let caught = try #require(await exception(context, source, sourceURL: "app://broken.js"))
            #expect(caught.name == "SyntaxError")
            #expect(caught.line == 2)
        }
    }

    @Test("deep recursion raises a RangeError and the context keeps working")
    func recursion() async throws {
        try await withContext { context async throws in
            let caught = try #require(await exception(context, "function f(n) { return f(n + 1) + 1; } f(0)"))
            #expect(caught.name == "RangeError")
            #expect(try await context.evaluate("1 + 1") == 2)
        }
    }

    @Test("calling something that is not a function is a typed error")
    func notAFunction() async throws {
        try await withContext { context async throws in
            try await context.evaluate("var app = { name: 'x' }")
            await #expect(throws: ScriptError.self) { try await context.call("app.name") }
            await #expect(throws: ScriptError.self) { try await context.call("missing.path") }
            #expect(await context.hasFunction("app.name") == false)
        }
    }

    @Test("a rejected promise being awaited surfaces as an exception")
    func awaitedRejection() async throws {
        try await withContext { context async throws in
            try await context.evaluate("async function fail() { await null; throw new Error('later'); }")
            await #expect {
                try await context.callAwaiting("fail")
            } throws: { error in
                guard case ScriptError.exception(let exception) = error else { return false }
                return exception.message == "later"
            }
            try await context.evaluate("async function ok(a, b) { await null; return a + b; }")
            #expect(try await context.callAwaiting("ok", [2, 3]) == 5)
        }
    }

    @Test("an awaited promise that never settles times out")
    func awaitTimeout() async throws {
        try await withContext { context async throws in
            await #expect {
                try await context.evaluateAwaiting("new Promise(() => {})", timeout: .milliseconds(50))
            } throws: { error in
                guard case ScriptError.timedOut = error else { return false }
                return true
            }
            #expect(await context.pendingWork.isIdle)
        }
    }
}

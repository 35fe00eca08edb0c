// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

@Suite("The watchdog stops runaway scripts")
struct WatchdogTests {
    func expectStopped(_ body: () async throws -> Void) async {
        await #expect {
            try await body()
        } throws: { error in
            guard case ScriptError.executionTimeLimitExceeded = error else { return false }
            return true
        }
    }

    @Test("while(true) is stopped with a typed error and the context keeps working")
    func infiniteLoop() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration(executionTimeLimit: .milliseconds(100))) { context async throws in
            await expectStopped { try await context.evaluate("while (true) {}") }
            #expect(try await context.evaluate("6 * 7") == 42)
            await expectStopped { try await context.evaluate("for (;;) { try { while (true) {} } catch (e) {} }") }
            try await context.evaluate("function spin() { while (true) {} }")
            await expectStopped { try await context.call("spin") }
            #expect(try await context.evaluate("'still alive'") == "still alive")
        }
    }

    @Test("after a promise job is stopped, the next call finds and runs its function (nothing of the stop lingers)")
    func callAfterStoppedPromiseJob() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration(executionTimeLimit: .milliseconds(100))) { context async throws in
            try await context.evaluate(
                "Object.defineProperty(globalThis, 'hook', { value: function (n) { return n + 1; }, writable: false, configurable: false });"
                    + "globalThis.spinLater = function () { Promise.resolve().then(() => { while (true) {} }); return 'returned'; };")
            #expect(try await context.call("spinLater") == "returned")
            #expect(try await context.call("hook", [41]) == 42)
            #expect(try await context.evaluate("typeof hook") == "function")
        }
    }

    @Test("a runaway timer callback is stopped and reported; other contexts are unaffected")
    func runawayTimer() async throws {
        let recorder = Recorder()
        let runtime = JSRuntime()
        let bad = try await runtime.makeContext(recorder.configuration(name: "bad", executionTimeLimit: .milliseconds(100)))
        let good = try await runtime.makeContext(recorder.configuration(name: "good"))
        try await bad.evaluate("setTimeout(() => { while (true) {} }, 0)")
        #expect(await bad.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        #expect(try await good.evaluate("'fine'") == "fine")
        #expect(try await bad.evaluate("'recovered'") == "recovered")
        let reported = recorder.diagnostics.contains { diagnostic in
            if case .executionTimeLimitExceeded(let origin, _) = diagnostic { return origin == "setTimeout callback" }
            return false
        }
        #expect(reported)
        await runtime.shutdown()
    }

    @Test("a context without a limit is not stopped by another context's shorter limit")
    func perContextLimits() async throws {
        let runtime = JSRuntime()
        let strict = try await runtime.makeContext(.init(name: "strict", executionTimeLimit: .milliseconds(50)))
        let relaxed = try await runtime.makeContext(.init(name: "relaxed", executionTimeLimit: nil))
        // Runs well past the strict limit (several watchdog ticks) and must finish.
        let result = try await relaxed.evaluate(
            """
            const end = Date.now() + 300; let n = 0; while (Date.now() < end) { n++; } n > 0
            """)
        #expect(result == true)
        await #expect(throws: ScriptError.self) { try await strict.evaluate("while (true) {}") }
        await runtime.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

@Suite("Timers and microtasks")
struct TimerTests {
    @Test("microtasks run before setTimeout(0); timeouts fire in delay then scheduling order")
    func ordering() async throws {
        try await withContext { context async throws in
            try await context.evaluate(
                """
                var log = [];
                // 250 ms: the script itself must run well within the delay (it allocates; under the
                // collector stress of `make gc-torture` one run took over 20 ms).
                setTimeout(() => log.push('timeout 250'), 250);
                setTimeout(() => log.push('timeout 0 a'), 0);
                setTimeout(() => { log.push('timeout 0 b'); Promise.resolve().then(() => log.push('micro in timer')); }, 0);
                setTimeout(() => log.push('timeout 0 c'), 0);
                Promise.resolve().then(() => log.push('promise'));
                queueMicrotask(() => log.push('microtask'));
                log.push('sync');
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            #expect(
                try await context.evaluate("log") == [
                    "sync", "promise", "microtask", "timeout 0 a", "timeout 0 b", "micro in timer", "timeout 0 c",
                    "timeout 250",
                ])
        }
    }

    @Test("clearTimeout cancels, extra arguments are passed, ids are distinct")
    func clearAndArguments() async throws {
        try await withContext { context async throws in
            try await context.evaluate(
                """
                var log = [];
                const a = setTimeout(() => log.push('cancelled'), 0);
                const b = setTimeout((x, y) => log.push(x + y), 1, 'ar', 'gs');
                clearTimeout(a);
                clearTimeout(12345);
                var distinct = a !== b;
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            #expect(try await context.evaluate("log") == ["args"])
            #expect(try await context.evaluate("distinct") == true)
        }
    }

    @Test("setInterval repeats until cleared from its own callback")
    func interval() async throws {
        try await withContext { context async throws in
            try await context.evaluate(
                """
                var ticks = 0;
                const id = setInterval(() => { ticks++; if (ticks === 5) clearInterval(id); }, 1);
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            #expect(try await context.evaluate("ticks") == 5)
            #expect(await context.pendingWork.timers == 0)
        }
    }

    @Test("a throwing timer callback is reported and later timers still run")
    func throwingTimer() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration()) { context async throws in
            try await context.evaluate(
                """
                var after = false;
                setTimeout(() => { throw new Error('timer boom'); }, 0);
                setTimeout(() => { after = true; }, 0);
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            #expect(try await context.evaluate("after") == true)
        }
        let reported = recorder.diagnostics.contains { diagnostic in
            if case .uncaughtException(let exception, let origin) = diagnostic {
                return exception.message == "timer boom" && origin == "setTimeout callback"
            }
            return false
        }
        #expect(reported)
    }

    @Test("setTimeout with a string is refused instead of evaluated")
    func stringTimer() async throws {
        try await withContext { context async throws in
            await #expect(throws: ScriptError.self) { try await context.evaluate("setTimeout('globalThis.x = 1', 0)") }
            #expect(await context.pendingWork.timers == 0)
        }
    }

    @Test("releasing a context cancels its timers")
    func releaseCancels() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext()
        try await context.evaluate("setTimeout(() => {}, 100000); setInterval(() => {}, 5)")
        #expect(await context.pendingWork.timers == 2)
        await context.release()
        #expect(await context.pendingWork.timers == 0)
        await #expect(throws: ScriptError.self) { try await context.evaluate("1") }
    }
}

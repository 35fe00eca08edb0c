// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

@Suite("Every wait ends")
struct IdleDeadlineTests {
    @Test("waitUntilIdle(timeout:) returns false by its deadline on an interval that never stops")
    func neverIdle() async throws {
        try await withContext { context in
            try await context.evaluate("setInterval(() => {}, 5);")
            #expect(await context.waitUntilIdle(timeout: .milliseconds(50)) == false)
            // Again, while the first waiter is still registered: both end.
            #expect(await context.waitUntilIdle(timeout: .milliseconds(20)) == false)
            try await context.evaluate("for (let i = 1; i < 100; i++) clearInterval(i);")
            #expect(await context.waitUntilIdle(timeout: .seconds(30)) == true)
        }
    }

    @Test("idle is judged when the script is done: clearing the last timer and then starting new work is not idle")
    func idleBetweenStatementsIsNotIdle() async throws {
        try await withContext { context in
            try await context.evaluate(
                """
                const interval = setInterval(() => {
                  clearInterval(interval);
                  setTimeout(() => { globalThis.done = true; }, 10);
                }, 5);
                """)
            // A waiter is registered while the interval runs; between the clear and the new
            // timeout nothing is pending, but the script is still running.
            #expect(await context.waitUntilIdle(timeout: .seconds(60)))
            #expect(try await context.evaluate("globalThis.done === true") == true)
        }
    }

    @Test("a cancelled wait ends at once, even with no deadline")
    func cancellation() async throws {
        try await withContext { context in
            try await context.evaluate("setInterval(() => {}, 5);")
            let waiter = Task { await context.waitUntilIdle() }
            let bounded = Task { await context.waitUntilIdle(timeout: .seconds(3600)) }
            waiter.cancel()
            bounded.cancel()
            await waiter.value
            #expect(await bounded.value == false)
        }
    }

    @Test("cancelling a task that awaits a promise that never settles ends the wait with .cancelled")
    func promiseWaitCancellation() async throws {
        try await withContext { context in
            let never = Task { try await context.evaluateAwaiting("new Promise(() => {})", sourceURL: "never.js") }
            let call = Task { try await context.callAwaiting("neverSettles") }
            try await context.evaluate("globalThis.neverSettles = () => new Promise(() => {});")
            never.cancel()
            call.cancel()
            for task in [never, call] {
                do {
                    _ = try await task.value
                    Issue.record("a wait on a promise that never settles returned")
                } catch ScriptError.cancelled {
                } catch ScriptError.notAFunction {
                    // The call task ran before neverSettles was defined: also an end.
                }
            }
            // The context still works.
            #expect(try await context.evaluateAwaiting("Promise.resolve(41 + 1)") == 42)
        }
    }

    @Test("release answers every waiter")
    func releaseEndsWaits() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "release"))
        try await context.evaluate("setInterval(() => {}, 5);")
        let waiter = Task { await context.waitUntilIdle(timeout: .seconds(3600)) }
        await context.release()
        #expect(await waiter.value == true)
    }
}

@Suite("Framework-only APIs")
struct FrameworkChannelTests {
    @Test("app code cannot reach __hc.* APIs; the framework channel can, and is gone after its evaluation")
    func frameworkOnly() async throws {
        let table = try BridgeMethodTable([
            .sync("__hc.secret") { _ in "framework" },
            .async("__hc.secretAsync") { _ in "framework async" },
            .sync("open") { _ in "open" },
        ])
        try await withContext(Recorder().configuration(bridge: table)) { context in
            try await context.evaluateFramework(
                """
                globalThis.viaFramework = (function (bridge) {
                  return () => [bridge.callSync('__hc.secret'), bridge.callSync('open')];
                })(globalThis.__hcFrameworkBridge);
                globalThis.viaFrameworkAsync = (function (bridge) {
                  return () => bridge.call('__hc.secretAsync');
                })(globalThis.__hcFrameworkBridge);
                """, sourceURL: "framework.js")
            #expect(try await context.evaluate("typeof __hcFrameworkBridge") == "undefined")
            #expect(try await context.evaluate("viaFramework()") == ["framework", "open"])
            #expect(try await context.evaluateAwaiting("viaFrameworkAsync()") == "framework async")
            let codes = try await context.evaluateAwaiting(
                """
                (async () => {
                  let sync; try { JSBridge.callSync('__hc.secret'); sync = 0; } catch (e) { sync = e.error; }
                  const async = await JSBridge.call('__hc.secretAsync').then(() => 0, (e) => e.error);
                  // Resolved once through the framework: the cache must not open it to app code.
                  viaFramework();
                  let again; try { JSBridge.callSync('__hc.secret'); again = 0; } catch (e) { again = e.error; }
                  return [sync, async, again];
                })()
                """)
            #expect(codes == [1, 1, 1])
        }
    }
}

@Suite("Diagnostics say what happened")
struct RejectionReasonTests {
    @Test("an unhandled rejection with a plain error object reports its errorMessage / errMsg and API")
    func objectReasons() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration()) { context in
            try await context.evaluate(
                """
                Promise.reject({ error: 1001, errorMessage: 'quota exceeded', api: 'setStorage' });
                Promise.reject({ errMsg: 'request:fail timeout' });
                Promise.reject({ code: 7 });
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        }
        let messages = recorder.diagnostics.map { "\($0)" }.joined(separator: "\n")
        #expect(messages.contains("setStorage error 1001: quota exceeded"))
        #expect(messages.contains("request:fail timeout"))
        #expect(messages.contains("{\"code\":7}"))
        #expect(!messages.contains("[object Object]"))
    }
}

@Suite("Console floods")
struct ConsoleFloodTests {
    @Test("lines over the console limit are dropped, not delivered")
    func bounded() async throws {
        let recorder = Recorder()
        var configuration = recorder.configuration()
        configuration.consoleLimit = ConsoleLimit(linesPerSecond: 0, burst: 10)
        try await withContext(configuration) { context in
            try await context.evaluate("for (let i = 0; i < 100000; i++) console.log('line ' + i);")
        }
        #expect(recorder.console.map(\.text) == (0..<10).map { "line \($0)" })
    }

    @Test("the standard limit lets ordinary logging through")
    func standard() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration()) { context in
            try await context.evaluate("for (let i = 0; i < 1000; i++) console.log(i);")
        }
        #expect(recorder.console.count == 1000)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Testing

@Suite("JSBridge.call / callSync / on")
struct BridgeCallTests {
    func configuration(
        _ recorder: Recorder = Recorder(), denied: Set<String> = [], counter: CallCounter = CallCounter()
    )
        throws -> ScriptContext.Configuration
    {
        recorder.configuration(bridge: TestDispatcher(table: try TestMethods.table(counter: counter), denied: denied))
    }

    @Test("sync APIs answer callSync and call; async APIs answer call with a promise")
    func syncAndAsync() async throws {
        try await withContext(try configuration()) { context async throws in
            #expect(try await context.evaluate("JSBridge.callSync('add', {a: 2, b: 40})") == 42)
            #expect(try await context.evaluateAwaiting("JSBridge.call('add', {a: 1, b: 2})") == 3)
            #expect(try await context.evaluateAwaiting("JSBridge.call('echo', {deep: {list: [1, 'ü']}})") == ["deep": ["list": [1, "ü"]]])
            #expect(try await context.evaluateAwaiting("JSBridge.call('delayedEcho', 'x')") == "x")
            #expect(try await context.evaluateAwaiting("JSBridge.call('echoOnThread', [1, 2])") == [1, 2])
            #expect(try await context.evaluateAwaiting("JSBridge.call('echo')") == .object([:]))
        }
    }

    @Test("callback style gets the result or the {error, errorMessage} object, and the promise too")
    func callbacks() async throws {
        try await withContext(try configuration()) { context async throws in
            try await context.evaluate(
                """
                var got = [];
                JSBridge.call('echo', {v: 1}, (result) => got.push(result));
                JSBridge.call('fail', {}, (result) => got.push({error: result.error, errorMessage: result.errorMessage}));
                var promised = JSBridge.call('echo', 7, () => {});
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            // Both handlers run off the JavaScript thread: either may answer first.
            #expect(
                try await context.evaluate("got.sort((a, b) => ('v' in b) - ('v' in a))") == [
                    ["v": 1], ["error": 1001, "errorMessage": "custom failure"],
                ])
            #expect(try await context.evaluateAwaiting("promised") == 7)
        }
    }

    /// Runs `source` (which must reject or throw) and returns `[error, errorMessage]`.
    func failure(_ context: ScriptContext, _ source: String) async throws -> (code: Int?, message: String?) {
        let value = try await context.evaluateAwaiting(
            """
            (async () => { try { await (\(source)); return null; } catch (e) {
              return { error: e.error, errorMessage: e.errorMessage, isError: e instanceof Error }; } })()
            """)
        #expect(value["isError"] == true)
        return (value["error"]?.intValue, value["errorMessage"]?.stringValue)
    }

    @Test("every error code of DESIGN §3 reaches JavaScript")
    func errorCodes() async throws {
        try await withContext(try configuration(denied: ["who"])) { context async throws in
            let noAPI = try await failure(context, "JSBridge.call('nope')")
            #expect(noAPI.code == 1)
            #expect(noAPI.message?.contains("nope") == true)
            #expect(try await failure(context, "JSBridge.call(42)").code == 2)
            let badParams = try await failure(context, "JSBridge.call('add', {a: 'one', b: 2})")
            #expect(badParams.code == 2)
            #expect(badParams.message?.contains("params.a") == true)
            #expect(try await failure(context, "JSBridge.call('add', {a: 1})").code == 2)
            let crash = try await failure(context, "JSBridge.call('crash')")
            #expect(crash.code == 3)
            #expect(crash.message == "disk on fire")
            #expect(try await failure(context, "JSBridge.call('who')").code == 4)
            #expect(try await failure(context, "JSBridge.call('never')").code == 5)
            #expect(try await failure(context, "JSBridge.call('fail')").code == 1001)
            let cyclic = try await failure(context, "(() => { const o = {}; o.o = o; return JSBridge.call('echo', o); })()")
            #expect(cyclic.code == 2)
        }
    }

    @Test("callSync throws the coded error synchronously")
    func syncErrors() async throws {
        try await withContext(try configuration(denied: ["echoSync"])) { context async throws in
            #expect(try await failure(context, "JSBridge.callSync('syncCrash')") == (3, "sync handler failed"))
            #expect(try await failure(context, "JSBridge.callSync('echo')").code == 1)
            #expect(try await failure(context, "JSBridge.callSync('missing')").code == 1)
            #expect(try await failure(context, "JSBridge.callSync('echoSync')").code == 4)
            #expect(try await failure(context, "JSBridge.callSync('add', {a: 1, b: null})").code == 2)
        }
    }

    @Test("a handler that never answers is rejected with code 5 and its task cancelled")
    func timeout() async throws {
        try await withContext(try configuration()) { context async throws in
            let outcome = try await failure(context, "JSBridge.call('never')")
            #expect(outcome.code == 5)
            #expect(await context.pendingWork.bridgeCalls == 0)
        }
    }

    @Test("binary data crosses as ArrayBuffer both ways")
    func binary() async throws {
        try await withContext(try configuration()) { context async throws in
            let value = try await context.evaluateAwaiting(
                """
                (async () => {
                  const input = new Uint8Array(1 << 20);
                  for (let i = 0; i < input.length; i++) input[i] = i & 0xff;
                  const { bytes } = await JSBridge.call('invert', { bytes: input });
                  const view = new Uint8Array(bytes);
                  let ok = bytes instanceof ArrayBuffer && view.length === input.length;
                  for (let i = 0; ok && i < view.length; i++) ok = view[i] === (~i & 0xff);
                  return ok;
                })()
                """)
            #expect(value == true)
        }
    }

    @Test("10,000 concurrent async calls all settle exactly once")
    func manyConcurrentCalls() async throws {
        let counter = CallCounter()
        try await withContext(try configuration(counter: counter)) { context async throws in
            let value = try await context.evaluateAwaiting(
                """
                (async () => {
                  let settled = 0, sum = 0;
                  const calls = [];
                  for (let i = 0; i < 10000; i++) {
                    calls.push(JSBridge.call('count', { id: i }).then((v) => { settled++; sum += v; }));
                  }
                  await Promise.all(calls);
                  return { settled, sum };
                })()
                """)
            #expect(value == ["settled": 10000, "sum": .number(Double(9999 * 10000 / 2))])
            #expect(await context.pendingWork.bridgeCalls == 0)
        }
        let counts = counter.snapshot
        #expect(counts.count == 10000)
        #expect(counts.values.allSatisfy { $0 == 1 })
    }

    @Test("native code pushes events to JSBridge.on listeners; remove() stops them")
    func events() async throws {
        let recorder = Recorder()
        try await withContext(try configuration(recorder)) { context async throws in
            try await context.evaluate(
                """
                var seen = [];
                const first = JSBridge.on('tick', (p) => seen.push(['first', p]));
                JSBridge.on('tick', (p) => seen.push(['second', p]));
                JSBridge.on('tick', () => { throw new Error('listener failed'); });
                JSBridge.on('pushed', (p) => seen.push(['pushed', p.from]));
                var first_ = first;
                """)
            #expect(try await context.emit("tick", 1) == 3)
            try await context.evaluate("first_.remove()")
            #expect(try await context.emit("tick", ["n": 2]) == 2)
            #expect(try await context.emit("nobody") == 0)
            #expect(try await context.evaluateAwaiting("JSBridge.call('emitBack')") == true)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            context.events.emit("tick", 3)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            _ = try await context.evaluate("0")
            #expect(
                try await context.evaluate("seen") == [
                    ["first", 1], ["second", 1], ["second", ["n": 2]], ["pushed", "test"], ["second", 3],
                ])
        }
        #expect(recorder.diagnostics.contains { "\($0)".contains("listener failed") })
    }

    @Test("scripts cannot replace or tamper with JSBridge")
    func tamperProof() async throws {
        try await withContext(try configuration()) { context async throws in
            let value = try await context.evaluate(
                """
                'use strict';
                const results = [];
                try { JSBridge = {}; results.push('replaced'); } catch (e) { results.push(e.name); }
                try { JSBridge.call = () => 'fake'; results.push('patched'); } catch (e) { results.push(e.name); }
                try { delete globalThis.JSBridge; results.push('deleted'); } catch (e) { results.push(e.name); }
                try { Object.defineProperty(globalThis, 'JSBridge', { value: 1 }); results.push('redefined'); } catch (e) { results.push(e.name); }
                results.push(typeof JSBridge.call, JSBridge.callSync('add', {a: 1, b: 1}));
                results
                """)
            #expect(value == ["TypeError", "TypeError", "TypeError", "TypeError", "function", 2])
        }
    }

    @Test("each context sees only its own globals and is named as the caller")
    func isolation() async throws {
        let runtime = JSRuntime()
        let table = try TestMethods.table()
        let one = try await runtime.makeContext(.init(name: "one", bridge: table))
        let two = try await runtime.makeContext(.init(name: "two", bridge: table))
        try await one.evaluate("globalThis.secret = 'one'; Object.prototype.polluted = true")
        #expect(try await two.evaluate("typeof secret") == "undefined")
        #expect(try await two.evaluate("({}).polluted") == .undefined)
        #expect(try await two.evaluateAwaiting("JSBridge.call('who')") == "two")
        await runtime.shutdown()
        await #expect(throws: ScriptError.self) { try await one.evaluate("1") }
        await #expect(throws: ScriptError.self) { try await runtime.makeContext() }
    }

    @Test("a method table refuses duplicate names")
    func duplicates() {
        #expect(throws: BridgeMethodTable.DuplicateName.self) {
            try BridgeMethodTable([.sync("a") { _ in .null }, .async("a") { _ in .null }])
        }
    }
}

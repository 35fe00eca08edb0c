// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// One piece of hostile JavaScript and what the container must do about it.
struct HostileCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// The launch is refused; the error's description contains the text.
        case launchFails(String)
        /// The app runs; a failure whose description contains the text is reported.
        case reportsFailure(String)
        /// The app runs; after it is idle, the expression evaluates to the value.
        case evaluates(String, JSONValue)
        /// The app runs; a failure containing the text is reported, and then (when the app's
        /// `onError` has had its turn) the expression evaluates to the value.
        case reportsFailureThenEvaluates(String, String, JSONValue)
    }

    let name: String
    let script: String
    var permissions: [String] = []
    let outcome: Outcome
    /// The supervisor's stall limit (CPU time of one job), when the case needs its own.
    var stallLimit: Duration? = nil

    var testDescription: String { name }

    /// The script runs forever somewhere (a loop the watchdog must stop).
    var spins: Bool { script.contains("for (;;)") || script.contains("while (true)") }

    /// Calls every built-in JSAPI with every kind of wrong parameter (not `exitApp`, which
    /// exits the app whatever its parameters).
    static let everyAPIWithWrongTypes = """
        const apis = ['setStorage', 'getStorage', 'removeStorage', 'clearStorage', 'getStorageInfo', 'setStorageSync',
          'getStorageSync', 'request', 'getSystemInfo', 'getAppInfo', 'postNotification', 'getConfig', 'reportEvent',
          'openApp', '__hc.render', '__hc.ui', 'log', 'noSuchAPI'];
        const wrong = [null, 0, -1, 1e308, NaN, 'text', true, [], [1, [2, [3]]], {}, { key: 42 }, { key: null },
          { key: 'k', data: undefined }, { url: 42 }, { url: 'file:///etc/passwd' }, { url: 'http://[::1' },
          { name: { nested: true } }, { key: 'x'.repeat(5000) }, { extra: 1, key: 'k', data: 1, more: [1] },
          new Uint8Array(8), { pageId: 'x', route: 7, kind: 'nope' }, { api: 5 }];
        globalThis.report = { settled: 0, badCodes: [] };
        const valid = (code) => Number.isInteger(code) && ((code >= 1 && code <= 6) || code >= 1000);
        App({ async onLaunch() {
          const calls = [];
          for (const api of apis) for (const params of wrong) {
            calls.push(JSBridge.call(api, params).then(() => { report.settled++; }, (e) => {
              report.settled++;
              if (!valid(e.error)) report.badCodes.push(api + ': ' + e.error);
            }));
            try { JSBridge.callSync(api, params); } catch (e) { if (!valid(e.error)) report.badCodes.push(api + ' sync: ' + e.error); }
          }
          await Promise.all(calls);
        } });
        """

    static let all: [HostileCase] = [
        .init(name: "infinite loop at top level", script: "while (true) {}", outcome: .launchFails("was stopped")),
        .init(
            name: "infinite loop in onLaunch", script: "App({ onLaunch() { for (;;) {} } })",
            outcome: .reportsFailure("onLaunch: stopped by the watchdog")),
        .init(
            name: "infinite loop in onShow", script: "App({ onShow() { for (;;) {} } })",
            outcome: .reportsFailure("onStart: stopped by the watchdog")),
        .init(
            name: "infinite loop in a timer", script: "setTimeout(() => { for (;;) {} }, 0); App({})",
            outcome: .reportsFailure("stopped by the watchdog")),
        // JavaScriptCore's watchdog cannot stop a promise-job chain (each job is a new VM entry
        // with its own budget): the supervisor quarantines the thread instead. The chain does a
        // fixed amount of work (3,000,000 jobs, about 2 s of CPU alone) rather than running for a
        // fixed wall time: the supervisor counts CPU time, and under the parallel suite on 2 cores
        // a wall-time chain sometimes ended before it had burned the limit (seen in CI). The
        // case's own 300 ms stall limit keeps detection early in the chain. The chain starts in
        // onLaunch, inside the launch job, so the launch itself fails: the instance would be lost.
        .init(
            name: "promise-job chain that outlives the watchdog",
            script: """
                App({ onLaunch() { let n = 0; const spin = () => { if (++n < 3000000) Promise.resolve().then(spin); }; spin(); } })
                """, outcome: .launchFails("is quarantined"), stallLimit: .milliseconds(300)),
        .init(
            name: "infinite loop after an await", script: "App({ async onLaunch() { await null; while (true) {} } })",
            outcome: .reportsFailure("stopped by the watchdog")),
        .init(
            name: "App.onError hears what the watchdog stopped in a promise job",
            script: """
                globalThis.heard = [];
                App({ onError(error) { heard.push(error.message); }, async onLaunch() { await null; while (true) {} } })
                """,
            outcome: .reportsFailureThenEvaluates(
                "stopped by the watchdog", "heard.some((m) => m.includes('stopped by the watchdog'))", true)),
        .init(
            name: "App.onError hears what the watchdog stopped in a timer",
            script: """
                globalThis.heard = [];
                setTimeout(() => { while (true) {} }, 0);
                App({ onError(error) { heard.push(error.message); } })
                """,
            outcome: .reportsFailureThenEvaluates(
                "stopped by the watchdog", "heard.some((m) => m.includes('stopped by the watchdog'))", true)),
        .init(
            name: "infinite loop in toJSON of bridge parameters",
            script: "JSBridge.callSync('log', { toJSON() { for (;;) {} } }); App({})", outcome: .launchFails("was stopped")),
        .init(name: "deep recursion at top level", script: "function f() { return f() + 1; } f();", outcome: .launchFails("RangeError")),
        .init(
            name: "deep recursion in a hook", script: "App({ onLaunch() { const f = () => f() + 1; f(); } })",
            outcome: .reportsFailure("RangeError")),
        .init(name: "huge ArrayBuffer", script: "new ArrayBuffer(2 ** 45)", outcome: .launchFails("RangeError")),
        .init(name: "huge string", script: "'x'.repeat(2 ** 31)", outcome: .launchFails("RangeError")),
        .init(name: "huge array length", script: "new Array(2 ** 32)", outcome: .launchFails("RangeError")),
        .init(
            name: "1 MB console line", script: "console.log('x'.repeat(1_000_000)); App({})",
            outcome: .evaluates("typeof getApp()", "object")),
        .init(
            name: "throwing in every hook",
            script: """
                App({ onLaunch() { throw new Error('launch'); }, onShow() { throw new Error('show'); },
                      onHide() { throw new Error('hide'); }, onError() { throw new Error('error handler'); } })
                """, outcome: .reportsFailure("onError: Error: error handler")),
        .init(
            name: "10,000 async calls at once",
            script: """
                globalThis.done = 0;
                App({ async onLaunch() { await Promise.all(Array.from({ length: 10000 }, () => JSBridge.call('getStorageInfo').then(() => done++))); } })
                """, permissions: ["storage"], outcome: .evaluates("done", 10000)),
        .init(
            name: "10,000 timers",
            script: """
                globalThis.fired = 0; for (let i = 0; i < 10000; i++) setTimeout(() => fired++, i % 7); App({})
                """, outcome: .evaluates("fired", 10000)),
        .init(
            name: "every API with wrong types", script: everyAPIWithWrongTypes,
            permissions: ["storage", "request", "notification", "navigation"],
            outcome: .evaluates("[report.settled, report.badCodes.length]", [396, 0])),
        .init(
            name: "replacing or patching JSBridge",
            script: """
                'use strict';
                globalThis.refused = 0;
                for (const attempt of [() => { JSBridge = null; }, () => { delete globalThis.JSBridge; },
                                       () => Object.defineProperty(globalThis, 'JSBridge', { value: {} }),
                                       () => { JSBridge.call = () => 'pwned'; }, () => { JSBridge.callSync = null; }]) {
                  try { attempt(); } catch (e) { if (e instanceof TypeError) refused++; }
                }
                App({})
                """, outcome: .evaluates("[refused, JSBridge.callSync('getAppInfo').appId]", [5, "hostile"])),
        .init(
            name: "redefining App and the hook invoker",
            script: """
                'use strict';
                globalThis.refused = 0;
                for (const attempt of [() => { App = () => 0; }, () => Object.defineProperty(globalThis, '__hcInvokeHook', { value: () => 'pwned' }),
                                       () => { globalThis.__hcInvokeHook = null; }, () => { getApp = null; }]) {
                  try { attempt(); } catch (e) { if (e instanceof TypeError) refused++; }
                }
                globalThis.launched = false;
                App({ onLaunch() { launched = true; } })
                """, outcome: .evaluates("[refused, launched]", [4, true])),
        .init(
            name: "prototype pollution before bridge calls",
            script: """
                Object.prototype.then = function () {};
                Object.prototype.error = 99;
                Array.prototype.push = null;
                JSON.stringify = null; JSON.parse = null;
                Function.prototype.apply = null; Function.prototype.call = null;
                globalThis.answer = JSBridge.callSync('getAppInfo').appId;
                App({ onLaunch() { return 'not a promise'; } })
                """, outcome: .evaluates("answer", "hostile")),
        .init(
            name: "reading another app's storage",
            script: """
                globalThis.seen = [];
                for (const key of ['secret', "secret' OR '1'='1", 'secret"; DROP TABLE storage; --', '../witness/secret']) {
                  seen.push(JSBridge.callSync('getStorageSync', { key }).data);
                }
                JSBridge.callSync('clearStorageSync');
                App({})
                """, permissions: ["storage"], outcome: .evaluates("seen", [.null, .null, .null, .null])),
        .init(
            name: "calling APIs without permission",
            script: """
                globalThis.codes = [];
                for (const api of ['getStorageSync', 'setStorageSync']) { try { JSBridge.callSync(api, { key: 'k', data: 1 }); } catch (e) { codes.push(e.error); } }
                App({ async onLaunch() {
                  for (const api of ['request', 'postNotification', 'openApp']) await JSBridge.call(api, {}).catch((e) => codes.push(e.error));
                } })
                """, outcome: .evaluates("codes", [4, 4, 4, 4, 4])),
        .init(
            name: "reading files outside the package",
            script: """
                globalThis.missing = [];
                for (const path of ['../../../../etc/passwd', '/etc/passwd', '/../../state.json', 'node_modules/../../x']) {
                  try { require(path); } catch (e) { missing.push(e.code); }
                }
                App({})
                """, outcome: .evaluates("missing", ["MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND", "MODULE_NOT_FOUND"])),
        .init(
            name: "unhandled rejections", script: "Promise.reject(new Error('nobody listens')); App({})",
            outcome: .reportsFailure("unhandled rejection: Error: nobody listens")),
        .init(
            name: "a value over the storage quota",
            script: """
                globalThis.code = 0;
                App({ async onLaunch() { await JSBridge.call('setStorage', { key: 'k', data: 'x'.repeat(11_000_000) }).catch((e) => { code = e.error; }); } })
                """, permissions: ["storage"], outcome: .evaluates("code", 1001)),
        .init(
            name: "cyclic and hostile bridge parameters",
            script: """
                globalThis.codes = [];
                const cyclic = {}; cyclic.self = cyclic;
                const getter = { get key() { throw new Error('getter'); } };
                const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
                for (const params of [cyclic, getter, proxy]) {
                  try { JSBridge.callSync('getStorageSync', params); } catch (e) { codes.push(e.error === undefined ? e.message : e.error); }
                }
                App({})
                """, permissions: ["storage"], outcome: .evaluates("codes", [2, 2, 2])),
        .init(
            name: "eval of code built at run time", script: "globalThis.evaluated = eval('1 + 1'); App({})",
            outcome: .evaluates("evaluated", 2)),
    ]
}

@Suite("Hostile JavaScript: the host and other apps survive, permissions hold")
struct HostileScriptTests {
    @Test("hostile case", arguments: HostileCase.all)
    func hostile(_ hostile: HostileCase) async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container {
            $0.fuseThreshold = 100
            // Only scripts that spin get the short limit: legitimate heavy work (an 11 MB value)
            // has outlasted 300 ms of wall time on a loaded CI machine.
            if hostile.spins { $0.executionTimeLimit = ContainerFixture.runawayLimit }
            if let limit = hostile.stallLimit {
                $0.runtimeStallLimit = limit
            } else if hostile.spins {
                // The watchdog's case: JavaScriptCore's timer thread must get to run, and with the
                // suite run three times at once on 2 cores it once ran late enough for the stall
                // supervisor (1 s of CPU by default here) to quarantine the thread first.
                $0.runtimeStallLimit = .seconds(5)
            }
        }
        try fixture.install(
            "witness", script: "JSBridge.callSync('setStorageSync', { key: 'secret', data: 'witness data' }); App({})",
            permissions: ["storage"], into: container)
        try fixture.install("hostile", script: hostile.script, permissions: hostile.permissions, into: container)
        let witness = try await container.launch(.installed("witness"))

        switch hostile.outcome {
        case .launchFails(let text):
            do {
                let app = try await container.launch(.installed("hostile"))
                Issue.record("launch of \(hostile.name) should fail, got instance \(app.instanceID)")
            } catch {
                #expect("\(error)".contains(text), "\(error)")
            }
        case .reportsFailure(let text):
            let launchStart = ContinuousClock.now
            _ = try await container.launch(.installed("hostile"))
            let launchTook = ContinuousClock.now - launchStart
            let seen = await fixture.log.waitFor { $0.hasPrefix("event: hostile#") && $0.contains(text) }
            #expect(
                seen,
                "no failure containing \(text); the launch took \(launchTook); log:\n\(fixture.log.all.joined(separator: "\n"))")
        case .reportsFailureThenEvaluates(let text, let expression, let expected):
            let app = try await container.launch(.installed("hostile"))
            #expect(await fixture.log.waitFor { $0.hasPrefix("event: hostile#") && $0.contains(text) })
            let context = try await container.context(of: app.instanceID)
            // onError runs as a job after the failure is reported; a job queued behind it answers after it.
            #expect(await context.waitUntilIdle(timeout: .seconds(30)))
            let actual = try await context.evaluate(expression)
            #expect(actual == expected, "\(actual); log:\n\(fixture.log.all.joined(separator: "\n"))")
        case .evaluates(let expression, let expected):
            let app = try await container.launch(.installed("hostile"))
            let context = try await container.context(of: app.instanceID)
            #expect(await context.waitUntilIdle(timeout: .seconds(30)))
            let actual = try await context.evaluate(expression)
            #expect(actual == expected, "\(actual)")
        }

        // The host and the other app are unharmed, and the container still launches apps.
        let witnessContext = try await container.context(of: witness.instanceID)
        #expect(try await witnessContext.evaluate("JSBridge.callSync('getStorageSync', { key: 'secret' }).data") == "witness data")
        let again = try await container.launch(.installed("witness"))
        #expect(await container.state(of: again.instanceID) == .started)
        await container.shutdown()
    }
}

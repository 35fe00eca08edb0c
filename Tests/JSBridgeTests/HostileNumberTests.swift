// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Testing

@Suite("Hostile numbers and values from scripts")
struct HostileNumberTests {
    @Test("AppNumbers' clamped duration never traps, whatever the value and the maximum")
    func clampedDurationNeverTraps() {
        let values: [Double] = [.nan, .infinity, -.infinity, -0.0, 1e308, -1e308, 0.0004, 1.5, 86_400_000, 2e16]
        for value in values {
            for maximum in values {
                let duration = AppNumbers.clampedDuration(milliseconds: value, maximum: maximum)
                #expect(duration >= .zero && duration <= .milliseconds(9e15), "\(value) / \(maximum)")
            }
        }
        #expect(AppNumbers.clampedDuration(milliseconds: .infinity) == .milliseconds(AppNumbers.maximumMilliseconds))
        #expect(AppNumbers.clampedDuration(milliseconds: 1.5) == .microseconds(1500))
        #expect(AppNumbers.clampedDuration(milliseconds: 5, maximum: 1e300) == .milliseconds(5))
    }

    @Test("JSNumberFormat prints every number exactly as JavaScript's String(n)")
    func formatMatchesJavaScript() async throws {
        var numbers: [Double] = [
            0, -0.0, 1, -1, 1.5, 0.1, 1e20, -1e20, 1e21, 1e-6, 1e-7, 1.5e-7, 123456789012345683968, 2.0e64, 1e300, -1e300,
            Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, Double.leastNormalMagnitude, 9007199254740992,
            18446744073709551616, 0.000001234, 123.456, 1e100, 100, 1234567, 0.5, 4.35, 1 / 3,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let bits = UInt64.random(in: 0...UInt64.max, using: &generator)
            let value = Double(bitPattern: bits)
            if value.isFinite { numbers.append(value) }
            numbers.append(Double(Int64.random(in: -1_000_000_000_000...1_000_000_000_000)) * pow(10, Double(Int.random(in: -30...30))))
        }
        let expected = try await withContextValue { context in
            try await context.evaluate("globalThis.strings = (list) => list.map(String);")
            return try await context.call("strings", [.array(numbers.map(JSONValue.number))])
        }
        guard case .array(let strings) = expected else {
            Issue.record("no array from JavaScript")
            return
        }
        for (number, string) in zip(numbers, strings) {
            #expect(JSNumberFormat.string(number) == string.stringValue, "\(number.bitPattern)")
        }
        #expect(JSNumberFormat.string(.nan) == "NaN")
        #expect(JSNumberFormat.string(-.infinity) == "-Infinity")
    }

    @Test("console.log of huge numbers and %d of any value never traps")
    func consoleNumbers() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration()) { context in
            try await context.evaluate(
                """
                console.log(1e20); console.log('%d', 1e300); console.log('%i|%d|%f', -1e300, NaN, Infinity);
                console.log('%d', 2 ** 64, [1e21, -0]);
                """)
        }
        #expect(
            recorder.console.map(\.text) == [
                "100000000000000000000", "1e+300", "-1e+300|NaN|Infinity", "18446744073709552000 [1e+21,0]",
            ])
    }

    @Test("timers take NaN, ±Infinity, negative, huge and fractional delays and ids")
    func timerValues() async throws {
        try await withContext { context in
            try await context.evaluate(
                """
                var fired = 0;
                for (const v of [NaN, Infinity, -Infinity, -1, 1e300, -1e300, 2 ** 64, 1.5, -0, '12', null, undefined, {}]) {
                  const t = setTimeout(() => { fired++; }, v);
                  // Huge delays are clamped to 2^31 - 1 ms (they do not fire now): clear them.
                  if (typeof v === 'number' && v > 1e6 && v !== Infinity) clearTimeout(t);
                  clearTimeout(v); clearInterval(v);
                  const i = setInterval(() => {}, v); clearInterval(i);
                }
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            #expect(try await context.evaluate("fired") == 11)
        }
    }

    @Test("a forged array length or a wide cyclic graph is refused with code 2, not a trap or a hang")
    func forgedStructures() async throws {
        try await withContext(Recorder().configuration(bridge: try TestMethods.table())) { context in
            let codes = try await context.evaluateAwaiting(
                """
                (async () => {
                  const code = (f) => f().then(() => 0, (e) => e.error);
                  const wide = () => { const o = {}; o.a = o; o.b = o; o.c = o; return o; };
                  return [
                    // A sparse array of 2^32 - 1 holes would take hours to walk.
                    await code(() => { const a = []; a.length = 4294967295; return JSBridge.call('echo', { a }); }),
                    await code(() => { const a = [1]; a.length = 20000000; return JSBridge.call('echo', a); }),
                    // Proxies of arrays are not arrays to JSC's API: they cross as plain objects.
                    await code(() => JSBridge.call('echo', new Proxy([1], { get: (t, k) => k === 'length' ? NaN : t[k] }))),
                    await code(() => JSBridge.call('echo', { x: wide() })),
                    await code(() => JSBridge.call('echo', { x: new Proxy({}, { ownKeys() { throw new Error('no'); } }) })),
                  ];
                })()
                """)
            #expect(codes == [2, 2, 0, 2, 2])
        }
    }
}

/// Runs `body` in a fresh context and returns its value.
func withContextValue(_ body: @escaping (ScriptContext) async throws -> JSONValue) async throws -> JSONValue {
    let runtime = JSRuntime()
    let context = try await runtime.makeContext(.init(name: "value"))
    defer { Task { await context.release() } }
    return try await body(context)
}

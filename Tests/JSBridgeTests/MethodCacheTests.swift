// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

@Suite("Bridge method resolution cache")
struct MethodCacheTests {
    @Test("a replaced dispatcher is used at once; refusals are not cached; names differ by every character")
    func invalidation() async throws {
        let first = try BridgeMethodTable([.sync("which") { _ in "first" }, .sync("whicH") { _ in "other case" }])
        let second = try BridgeMethodTable([.sync("which") { _ in "second" }])
        try await withContext(.init(name: "cache", bridge: first)) { context async throws in
            #expect(try await context.evaluate("JSBridge.callSync('which')") == "first")
            #expect(try await context.evaluate("JSBridge.callSync('whicH')") == "other case")
            #expect(try await context.evaluate("try { JSBridge.callSync('late'); } catch (e) { e.error }") == 1)
            await context.setBridge(second)
            #expect(try await context.evaluate("JSBridge.callSync('which')") == "second")
            #expect(try await context.evaluateAwaiting("JSBridge.call('which')") == "second")
            #expect(try await context.evaluate("try { JSBridge.callSync('whicH'); } catch (e) { e.error }") == 1)
            await context.setBridge(try BridgeMethodTable([.sync("late") { _ in "now here" }]))
            #expect(try await context.evaluate("JSBridge.callSync('late')") == "now here")
            #expect(try await context.evaluate("try { JSBridge.callSync(''); } catch (e) { e.error }") == 2)
            #expect(try await context.evaluateAwaiting("JSBridge.call(7).catch((e) => e.error)") == 2)
        }
    }

    @Test("names cached by identity: the same literal in a loop, many distinct names, computed names, garbage collection")
    func identityCache() async throws {
        let names = (0..<20).map { "api\($0)" }
        let table = try BridgeMethodTable(names.map { name in .sync(name) { _ in .string(name) } })
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "identity", bridge: table))
        // More distinct literal names than the identity cache holds, each called repeatedly,
        // interleaved with names built at run time (a new string each call).
        let answers = try await context.evaluate(
            """
            const out = [];
            for (let round = 0; round < 50; round++) {
              out.push(JSBridge.callSync('api' + (round % 20)));
              out.push(JSBridge.callSync(['api3', 'api11', 'api19', 'api0', 'api7', 'api15', 'api2', 'api9', 'api18', 'api4'][round % 10]));
            }
            out
            """)
        let expected: [JSONValue] = (0..<50).flatMap { round -> [JSONValue] in
            let fixed = ["api3", "api11", "api19", "api0", "api7", "api15", "api2", "api9", "api18", "api4"][round % 10]
            return [.string("api\(round % 20)"), .string(fixed)]
        }
        #expect(answers == .array(expected))
        // Cached names survive collections, and a collection does not confuse them.
        await runtime.collectGarbage()
        #expect(try await context.evaluate("JSBridge.callSync('api5') + JSBridge.callSync('api' + 6)") == "api5api6")
        await context.release()
        await runtime.shutdown()
    }
}

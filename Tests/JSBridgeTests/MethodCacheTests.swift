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
}

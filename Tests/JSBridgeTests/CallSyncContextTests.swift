// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

/// `JSBridge.callSync` finds its context through the runtime (it has no private data): calls
/// from contexts that take turns on one thread must each reach their own caller.
@Suite("callSync in many contexts of one runtime")
struct CallSyncContextTests {
    @Test("contexts taking turns each get their own caller; a copied function still works")
    func contextsTakeTurns() async throws {
        let table = try BridgeMethodTable([.sync("whoSync") { request in .string(request.caller.name) }])
        let runtime = JSRuntime()
        let a = try await runtime.makeContext(.init(name: "a", bridge: table))
        let b = try await runtime.makeContext(.init(name: "b", bridge: table))
        for _ in 0..<3 {
            #expect(try await a.evaluate("JSBridge.callSync('whoSync')") == "a")
            #expect(try await b.evaluate("JSBridge.callSync('whoSync')") == "b")
        }
        #expect(try await b.evaluate("const f = JSBridge.callSync; [f('whoSync'), f.call(null, 'whoSync')]") == ["b", "b"])
        // A context made after another was released (its reference may be reused) is told apart too.
        await b.release()
        let c = try await runtime.makeContext(.init(name: "c", bridge: table))
        #expect(try await c.evaluate("JSBridge.callSync('whoSync')") == "c")
        #expect(try await a.evaluate("JSBridge.callSync('whoSync')") == "a")
        #expect(try await c.evaluate("typeof JSBridge.callSync + ':' + JSBridge.callSync.name") == "function:callSync")
        await runtime.shutdown()
    }
}

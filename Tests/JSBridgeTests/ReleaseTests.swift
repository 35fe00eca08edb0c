// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Testing

@testable import JSBridge

@Suite("Releasing contexts frees what they held")
struct ReleaseTests {
    @Test("after 50 contexts with timers, calls and listeners are released, their native objects are collected")
    func nativeObjectsCollected() async throws {
        let runtime = JSRuntime()
        let table = try TestMethods.table()
        await runtime.collectGarbage()
        let baseline = await runtime.nativeFunctionCounts
        for index in 0..<50 {
            let context = try await runtime.makeContext(.init(name: "app-\(index)", bridge: table))
            try await context.evaluate(
                """
                JSBridge.on('x', () => {});
                setTimeout(() => {}, 100000);
                setInterval(() => {}, 1000);
                JSBridge.call('never');
                JSBridge.call('echo', { big: new Uint8Array(1 << 16) });
                """)
            _ = try await context.evaluateAwaiting("JSBridge.call('echo', 1)")
            await context.release()
        }
        #expect(await runtime.liveContextCount == 0)
        await runtime.collectGarbage()
        let after = await runtime.nativeFunctionCounts
        // Each context creates ~15 native functions; conservative stack scanning may keep a
        // handful alive, but not a context's worth per context.
        #expect(after.created - baseline.created >= 50 * 15)
        #expect(after.live - baseline.live < 50)
        await runtime.shutdown()
    }
}

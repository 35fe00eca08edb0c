// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Testing

@testable import JSBridge

@Suite("The heap census counts what contexts keep alive")
struct HeapStatisticsTests {
    @Test("10,000 kept objects show up as Object cells and heap bytes; released, they go away")
    func keptObjectsCounted() async throws {
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "census"))
        await runtime.collectGarbage()
        let before = try #require(await runtime.heapStatistics())
        #expect(before.globalObjectCount >= 2)  // the anchor and this context
        try await context.evaluate("globalThis.kept = Array.from({ length: 10000 }, (_, i) => ({ i }));")
        await runtime.collectGarbage()
        let kept = try #require(await runtime.heapStatistics()).difference(from: before)
        #expect((kept.objectTypeCounts["Object"] ?? 0) >= 10_000)
        #expect(kept.objectCount >= 10_000)
        #expect(kept.heapSize >= 10_000 * 16)
        try await context.evaluate("delete globalThis.kept;")
        await context.release()
        await runtime.collectGarbage()
        let released = try #require(await runtime.heapStatistics()).difference(from: before)
        // (The released context's global object itself may stay: the collector scans the stack
        // conservatively. What it held is gone either way.)
        #expect((released.objectTypeCounts["Object"] ?? 0) < 1_000)
        await runtime.shutdown()
        #expect(await runtime.heapStatistics() == nil)
    }

    @Test("two censuses add up class by class")
    func adding() {
        let one = HeapStatistics(
            heapSize: 10, heapCapacity: 20, extraMemorySize: 1, objectCount: 3, globalObjectCount: 1,
            objectTypeCounts: ["Object": 2, "Function": 1])
        let two = HeapStatistics(
            heapSize: 5, heapCapacity: 5, extraMemorySize: 0, objectCount: 1, globalObjectCount: 1, objectTypeCounts: ["Object": 1])
        let sum = one.adding(two)
        #expect(sum.objectTypeCounts == ["Object": 3, "Function": 1])
        #expect(sum.heapSize == 15 && sum.objectCount == 4 && sum.globalObjectCount == 2)
        #expect(sum.difference(from: one).objectTypeCounts == ["Object": 1])
    }
}

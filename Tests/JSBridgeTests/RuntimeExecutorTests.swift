// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Testing

@testable import JSBridge

/// The runtime thread's executor lets go of everything when its loop ends.
@Suite("Runtime executor")
struct RuntimeExecutorTests {
    @Test("idle work that never ran does not keep the executor alive after its thread ends")
    func idleWorkDroppedAtStop() async throws {
        weak var weakExecutor: RuntimeExecutor?
        do {
            let executor = RuntimeExecutor(name: "idle-drop")
            weakExecutor = executor
            executor.start(stackSize: 1 << 20, onExit: {})
            // Like a warm-pool refill: idle work holding the executor, and the stop requested in
            // the same turn, so the loop ends before the work could ever run.
            executor.submit {
                executor.whenIdle { _ = executor }
                executor.requestStop()
            }
        }
        // The thread ends on its own; wait for its last reference to go (deadline 10 s).
        let deadline = ContinuousClock.now + .seconds(10)
        while weakExecutor != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
        #expect(weakExecutor == nil, "the executor and its idle work keep each other alive")
    }
}

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

/// `expectWork(within:)`: a thread told that work is coming watches for it instead of sleeping,
/// so the submission itself needs no wake-up; a watch that sees nothing ends at its deadline.
@Suite("Runtime executor watching for work")
struct RuntimeExecutorWatchTests {
    /// Polls `condition` until it holds (deadline 10 s); returns whether it did.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(1))
        }
        return true
    }

    /// Submits a closure and waits for it to run.
    static func runJob(on executor: RuntimeExecutor) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            executor.submit { continuation.resume() }
        }
    }

    static func sleepingExecutor(_ name: String) async throws -> RuntimeExecutor {
        let executor = RuntimeExecutor(name: name)
        executor.start(stackSize: 1 << 20, onExit: {})
        #expect(try await eventually { executor.isSleeping }, "the new thread never went to sleep")
        return executor
    }

    @Test("a job for a sleeping thread wakes it (the count the other tests rely on)")
    func jobWakesSleepingThread() async throws {
        let executor = try await Self.sleepingExecutor("watch-control")
        let before = executor.wakeUpCount
        await Self.runJob(on: executor)
        #expect(executor.wakeUpCount == before + 1)
        executor.requestStop()
    }

    @Test("a job submitted while the thread watches needs no wake-up, and ends the watch")
    func jobDuringWatchNeedsNoWakeUp() async throws {
        let executor = try await Self.sleepingExecutor("watch-hit")
        executor.expectWork(within: 60_000_000_000)
        #expect(try await Self.eventually { executor.isWatching }, "the thread never started watching")
        let before = executor.wakeUpCount
        await Self.runJob(on: executor)
        #expect(executor.wakeUpCount == before, "the job woke a thread that was watching for it")
        #expect(try await Self.eventually { executor.isSleeping && !executor.isWatching }, "the watch outlived the job")
        executor.requestStop()
    }

    @Test("a watch that sees no work ends at its deadline; the thread sleeps again")
    func watchEndsAtDeadline() async throws {
        let executor = try await Self.sleepingExecutor("watch-miss")
        executor.expectWork(within: 1_000_000)
        #expect(try await Self.eventually { executor.watchCount == 1 }, "the thread never started watching")
        #expect(try await Self.eventually { !executor.isWatching && executor.isSleeping }, "the watch never ended")
        let before = executor.wakeUpCount
        await Self.runJob(on: executor)
        #expect(executor.wakeUpCount == before + 1, "a thread asleep again needs waking")
        executor.requestStop()
    }
}

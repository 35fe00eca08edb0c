// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization

/// Watches the container's JavaScript threads. A thread stuck in one job far longer than the
/// watchdog allows is quarantined: no new app goes to it, and every container call waiting on
/// it fails with `ContainerError.runtimeStalled` instead of hanging the host.
///
/// The case this exists for: an endless chain of promise jobs
/// (`const spin = () => Promise.resolve().then(spin)`). JavaScriptCore runs microtasks when it
/// releases its lock, each as a separate VM entry with a fresh time budget, so its watchdog
/// never fires; the thread cannot be interrupted and its apps are lost. The other threads and
/// their apps keep running, and the host is told which apps were on the stalled thread.
final class RuntimeSupervisor: Sendable {
    private struct State {
        var stalled: Set<Int> = []
        /// Per thread: the job last seen running and the thread's CPU time when first seen.
        var sightings: [Int: (job: UInt64, cpu: UInt64)] = [:]
        var waiters: [Int: [UInt64: @Sendable () -> Void]] = [:]
        var nextToken: UInt64 = 0
    }

    let runtimes: [JSRuntime]
    /// How long one job may run before its thread counts as stalled.
    let stallLimit: Duration
    private let state = Mutex(State())
    /// The guarded bodies: owned, cancelled and awaited by ``stop(within:)``.
    private let tasks = BackgroundTasks()

    init(runtimes: [JSRuntime], stallLimit: Duration) {
        self.runtimes = runtimes
        self.stallLimit = stallLimit
    }

    /// Set by ``stop(within:)``: the watcher thread exits at its next look.
    private let stopped = Atomic<Bool>(false)

    /// Starts watching; `onStall(index, busyFor)` is called once per stalled thread (on the
    /// watcher's thread).
    ///
    /// The watcher is a thread of its own, not a task: when the cooperative pool is busy or
    /// blocked (host code blocking its threads, a machine under load), a task that sleeps
    /// between looks would not run in time, and a stalled JavaScript thread would go unnoticed
    /// while every call waiting on it hangs.
    func start(onStall: @escaping @Sendable (Int, Duration) -> Void) {
        let interval = max(stallLimit / 4, .milliseconds(20))
        let micros = UInt32(clamping: interval.components.seconds * 1_000_000 + interval.components.attoseconds / 1_000_000_000_000)
        let thread = Thread { [weak self] in
            while true {
                usleep(micros)
                guard let self, !self.stopped.load(ordering: .acquiring) else { return }
                for index in self.runtimes.indices {
                    guard let busy = self.cpuBurned(index), busy > self.stallLimit, self.markStalled(index) else { continue }
                    onStall(index, busy)
                }
            }
        }
        thread.name = "hybrid-supervisor"
        thread.start()
    }

    /// Stops watching, cancels the guarded bodies still running and waits for them, at most
    /// `limit`. Returns how many were abandoned (stuck behind a stalled thread).
    @discardableResult
    func stop(within limit: Duration) async -> Int {
        stopped.store(true, ordering: .releasing)
        return await tasks.shutDown(within: limit)
    }

    func isStalled(_ index: Int) -> Bool {
        state.withLock { $0.stalled.contains(index) }
    }

    /// Threads not stalled, for new apps.
    var healthyIndices: [Int] {
        state.withLock { state in runtimes.indices.filter { !state.stalled.contains($0) } }
    }

    /// CPU time the thread's current job has used since this supervisor first saw it (CPU,
    /// not wall time, like the watchdog: a starved thread is not a stuck one).
    private func cpuBurned(_ index: Int) -> Duration? {
        let sample = runtimes[index].busySample()
        return state.withLock { state -> Duration? in
            guard let sample else {
                state.sightings[index] = nil
                return nil
            }
            guard let seen = state.sightings[index], seen.job == sample.job else {
                state.sightings[index] = (sample.job, sample.threadCPUNanoseconds)
                return nil
            }
            return .nanoseconds(Int64(clamping: sample.threadCPUNanoseconds &- seen.cpu))
        }
    }

    private func markStalled(_ index: Int) -> Bool {
        let waiters = state.withLock { state -> [@Sendable () -> Void]? in
            guard state.stalled.insert(index).inserted else { return nil }
            return Array((state.waiters.removeValue(forKey: index) ?? [:]).values)
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter() }
        return true
    }

    /// Runs `body` (which needs runtime `index`), failing with `ContainerError.runtimeStalled`
    /// if that thread stalls first.
    ///
    /// The body runs as a task of the supervisor, not of the caller: a body queued behind a
    /// stalled thread can never run, and structured concurrency would make the caller wait for it
    /// forever. The caller's wait ends at whichever comes first (the body's result or the stall);
    /// a body that can never run stays owned by the supervisor and is counted as abandoned by
    /// ``stop(within:)``. Cancelling the caller cancels its body.
    ///
    /// `spin`: how long the caller watches for the result before it suspends (yielding the CPU
    /// meanwhile). A result that comes within it resumes the caller on its own thread, without
    /// the wake-up of a sleeping one (a launch's job is often that short).
    func guarded<T: Sendable>(
        _ index: Int, appId: String, spin: Duration = .zero, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let thread = runtimes[index].configuration.name
        let limit = stallLimit
        let relay = CancellationRelay()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let once = ResumeOnce()
                let stalled = { @Sendable in
                    if once.claim() {
                        continuation.resume(throwing: ContainerError.runtimeStalled(appId: appId, thread: thread, limit: limit))
                        once.markResumed()
                    }
                }
                let token = state.withLock { state -> UInt64? in
                    guard !state.stalled.contains(index) else { return nil }
                    state.nextToken += 1
                    state.waiters[index, default: [:]][state.nextToken] = stalled
                    return state.nextToken
                }
                guard let token else {
                    stalled()
                    return
                }
                // Started on the JavaScript thread: the body's first step is a hop there.
                let spawned = tasks.spawn(on: runtimes[index].taskExecutor) {
                    let result: Result<T, any Error>
                    do { result = .success(try await body()) } catch { result = .failure(error) }
                    self.forget(token, on: index)
                    if once.claim() {
                        continuation.resume(with: result)
                        once.markResumed()
                    }
                }
                if let spawned {
                    relay.attach(spawned)
                    // Resumed while this closure still runs: the caller then goes on without suspending.
                    // At most a second: a watch is for hand-offs of microseconds (and a huge
                    // configured value would overflow the deadline).
                    once.watchForResumption(upTo: min(spin, .seconds(1)))
                } else {
                    forget(token, on: index)
                    if once.claim() { continuation.resume(throwing: ContainerError.shutDown) }
                }
            }
        } onCancel: {
            relay.cancel()
        }
    }

    private func forget(_ token: UInt64, on index: Int) {
        _ = state.withLock { $0.waiters[index]?.removeValue(forKey: token) }
    }
}

/// Passes a caller's cancellation on to the task doing its work, whichever of the two (the
/// attachment and the cancellation) comes first.
final class CancellationRelay: Sendable {
    private let state = Mutex<(task: Task<Void, Never>?, cancelled: Bool)>((nil, false))

    func attach(_ task: Task<Void, Never>) {
        let cancelNow = state.withLock { state -> Bool in
            state.task = task
            return state.cancelled
        }
        if cancelNow { task.cancel() }
    }

    func cancel() {
        let task = state.withLock { state -> Task<Void, Never>? in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }
}

/// A flag claimed at most once, from any thread; and whether the claimer has resumed.
final class ResumeOnce: Sendable {
    private let claimed = Atomic<Bool>(false)
    private let resumed = Atomic<Bool>(false)

    func claim() -> Bool {
        claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    /// The claimer has resumed the continuation (ends ``watchForResumption(upTo:)``).
    func markResumed() {
        resumed.store(true, ordering: .releasing)
    }

    /// Busy-waits until ``markResumed()`` or until `limit` has passed, yielding the CPU to any
    /// other runnable thread between looks.
    func watchForResumption(upTo limit: Duration) {
        guard limit > .zero else { return }
        let deadline = ContinuousClock.now + limit
        while !resumed.load(ordering: .acquiring), ContinuousClock.now < deadline {
            sched_yield()
        }
    }
}

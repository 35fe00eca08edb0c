// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// The container's background work (probation timers, update checks, stall reports, diagnostics
/// delivery), owned: every task is tracked until it ends, and ``shutDown(within:)`` cancels what
/// is left and awaits it, with a deadline (a task stuck on a stalled JavaScript thread can never
/// end; it is then abandoned, and the deadline says so).
final class BackgroundTasks: Sendable {
    private struct State {
        var tasks: [UInt64: Task<Void, Never>] = [:]
        var nextID: UInt64 = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// Starts `operation` as a tracked task and returns it; nil (nothing started) once the set
    /// is shut down. With `executor`, the task starts there (e.g. the JavaScript thread its work
    /// hops to at once: one thread switch fewer).
    @discardableResult
    func spawn(
        on executor: (any TaskExecutor)? = nil, _ operation: @escaping @Sendable () async -> Void
    ) -> Task<Void, Never>? {
        state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            let id = state.nextID
            let task = Task(executorPreference: executor) { [weak self] in
                await operation()
                self?.finished(id)
            }
            state.tasks[id] = task
            return task
        }
    }

    private func finished(_ id: UInt64) {
        _ = state.withLock { $0.tasks.removeValue(forKey: id) }
    }

    /// How many tasks are running.
    var count: Int { state.withLock { $0.tasks.count } }

    /// Refuses new tasks, cancels the running ones and waits for them to end, at most `limit`.
    /// Returns how many were still running at the deadline (abandoned).
    @discardableResult
    func shutDown(within limit: Duration) async -> Int {
        let tasks = state.withLock { state in
            state.closed = true
            return Array(state.tasks.values)
        }
        for task in tasks { task.cancel() }
        // `Task.value` does not answer cancellation, so a task group could wait forever on a
        // stuck task: the wait and the deadline race to resume one continuation instead.
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce()
            Task {
                for task in tasks { await task.value }
                if once.claim() { continuation.resume(returning: 0) }
            }
            Task { [weak self] in
                try? await Task.sleep(for: limit)
                if once.claim() { continuation.resume(returning: self?.count ?? 0) }
            }
        }
    }
}

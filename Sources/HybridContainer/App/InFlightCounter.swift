// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// Counts work started elsewhere (diagnostics on their way to the app) so the app can wait
/// until all of it arrived, e.g. before reporting itself destroyed. Every wait has a deadline.
final class InFlightCounter: Sendable {
    private struct State {
        var count = 0
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Whether nothing is in flight now.
    var isEmpty: Bool { state.withLock { $0.count == 0 } }

    func begin() {
        state.withLock { $0.count += 1 }
    }

    func end() {
        let ready = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.count -= 1
            guard state.count == 0 else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in ready { waiter.resume(returning: true) }
    }

    /// Returns true once nothing is in flight, false when `timeout` passes first (the work may
    /// be stuck on a quarantined JavaScript thread).
    func drained(timeout: Duration) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let id = state.withLock { state -> Int? in
                if state.count == 0 { return nil }
                state.nextWaiter += 1
                state.waiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let id else {
                continuation.resume(returning: true)
                return
            }
            // Unstructured: the deadline must fire even though the caller is suspended here.
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                let late = self?.state.withLock { $0.waiters.removeValue(forKey: id) }
                late?.resume(returning: false)
            }
        }
    }
}

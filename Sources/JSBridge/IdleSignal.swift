// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// A one-shot answer to "did the context go idle?", settled exactly once by whichever comes
/// first: the context going idle (true), a deadline, cancellation, or release (false).
///
/// Any thread may settle it; the waiter may arrive before or after. Waiters that a context keeps
/// after their answer came (a deadline passed while it stayed busy) are pruned by `isSettled`.
final class IdleSignal: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Bool, Never>?
        var result: Bool?
    }

    private let state = Mutex(State())

    /// True once an answer was given.
    var isSettled: Bool { state.withLock { $0.result != nil } }

    /// Gives the answer if none was given yet; later answers are ignored.
    func settle(_ value: Bool) {
        let continuation = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard state.result == nil else { return nil }
            state.result = value
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: value)
    }

    /// Waits for the answer; cancellation answers false.
    var value: Bool {
        get async {
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                    let ready = state.withLock { state -> Bool? in
                        if let result = state.result { return result }
                        state.continuation = continuation
                        return nil
                    }
                    if let ready { continuation.resume(returning: ready) }
                }
            } onCancel: {
                settle(false)
            }
        }
    }
}

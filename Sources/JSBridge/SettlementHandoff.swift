// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// Hands a promise's settlement from the runtime thread to the task awaiting it, whichever of
/// the two arrives first (the settlement may come before the task suspends).
final class SettlementHandoff: Sendable {
    private enum State {
        case empty
        case waiting(CheckedContinuation<JSONValue, any Error>)
        case settled(Result<JSONValue, ScriptError>)
        case done
    }

    private let state = Mutex(State.empty)

    /// The settlement (from the runtime thread).
    func settle(_ result: Result<JSONValue, ScriptError>) {
        let continuation = state.withLock { state -> CheckedContinuation<JSONValue, any Error>? in
            switch state {
            case .empty:
                state = .settled(result)
                return nil
            case .waiting(let continuation):
                state = .done
                return continuation
            case .settled, .done:
                return nil
            }
        }
        continuation?.resume(with: result.mapError { $0 })
    }

    /// Waits for the settlement (from the awaiting task).
    func wait() async throws -> JSONValue {
        try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLock { state -> Result<JSONValue, ScriptError>? in
                switch state {
                case .empty:
                    state = .waiting(continuation)
                    return nil
                case .settled(let result):
                    state = .done
                    return result
                case .waiting, .done:
                    return .failure(.cancelled(what: "a second wait"))
                }
            }
            if let ready { continuation.resume(with: ready.mapError { $0 }) }
        }
    }
}

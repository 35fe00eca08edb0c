// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// Forwards a context's diagnostics to its app once the app exists.
///
/// The app's code first runs in the launch job, before its `MicroApp` exists: what it raises
/// then (an unhandled rejection in `onLaunch`, a failing timer) is held, up to
/// ``heldLimit``, and delivered in order when the app attaches.
final class DiagnosticRelay: Sendable {
    private struct State {
        var target: (@Sendable (ScriptDiagnostic) -> Void)?
        var held: [ScriptDiagnostic] = []
    }

    /// Diagnostics held before the app attaches; later ones are dropped (an app raising more
    /// than this while it launches is reported by the first ones already).
    static let heldLimit = 64

    private let state = Mutex(State())

    func attach(_ body: @escaping @Sendable (ScriptDiagnostic) -> Void) {
        let held = state.withLock { state -> [ScriptDiagnostic] in
            state.target = body
            defer { state.held = [] }
            return state.held
        }
        for diagnostic in held { body(diagnostic) }
    }

    func deliver(_ diagnostic: ScriptDiagnostic) {
        let target = state.withLock { state -> (@Sendable (ScriptDiagnostic) -> Void)? in
            if state.target == nil, state.held.count < Self.heldLimit { state.held.append(diagnostic) }
            return state.target
        }
        target?(diagnostic)
    }
}

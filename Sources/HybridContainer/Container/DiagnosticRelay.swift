// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// Forwards a context's diagnostics to its app once the app exists.
final class DiagnosticRelay: Sendable {
    private let target = Mutex<(@Sendable (ScriptDiagnostic) -> Void)?>(nil)

    func attach(_ body: @escaping @Sendable (ScriptDiagnostic) -> Void) {
        target.withLock { $0 = body }
    }

    func deliver(_ diagnostic: ScriptDiagnostic) {
        target.withLock { $0 }?(diagnostic)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The lifecycle states of a micro-app instance.
///
/// ```
/// created → launched → started ⇄ stopped → destroyed
///              └──────────────────────────┘ (destroy is allowed from any state)
/// ```
public enum AppState: String, Sendable, Hashable, CustomStringConvertible {
    case created, launched, started, stopped, destroyed

    public var description: String { rawValue }

    /// The state `transition` leads to from here, or `nil` if it is not allowed.
    func next(on transition: LifecycleTransition) -> AppState? {
        switch (self, transition) {
        case (.created, .launch): return .launched
        case (.launched, .start), (.stopped, .start): return .started
        case (.started, .stop): return .stopped
        case (.destroyed, _): return nil
        case (_, .destroy): return .destroyed
        default: return nil
        }
    }
}

/// What the host asks of an instance; each moves it from one ``AppState`` to the next.
public enum LifecycleTransition: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case launch, start, stop, destroy

    public var description: String { rawValue }
}

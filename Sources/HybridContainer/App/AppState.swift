/// The lifecycle states of a micro-app instance.
///
/// ```
/// created → launched → started ⇄ stopped → destroyed
///              └──────────────────────────┘ (destroy is allowed from any state)
/// ```
public enum AppState: String, Sendable, Hashable, CustomStringConvertible {
    case created, launched, started, stopped, destroyed

    public var description: String { rawValue }

    /// The state an event leads to from here, or `nil` if the transition is not allowed.
    func next(on event: String) -> AppState? {
        switch (self, event) {
        case (.created, "launch"): return .launched
        case (.launched, "start"), (.stopped, "start"): return .started
        case (.started, "stop"): return .stopped
        case (.destroyed, _): return nil
        case (_, "destroy"): return .destroyed
        default: return nil
        }
    }
}

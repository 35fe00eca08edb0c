/// Why the container refused or failed an operation.
public enum ContainerError: Error, Sendable, CustomStringConvertible {
    /// The lifecycle does not allow this event in the current state.
    case invalidTransition(instanceID: UInt64, from: AppState, event: String)
    /// No running instance has this ID.
    case noSuchInstance(UInt64)
    /// A plugin vetoed the launch.
    case launchVetoed(appId: String, plugin: String, reason: String)
    /// The app's code could not be loaded (package, store or network problem).
    case loadFailed(appId: String, reason: String)
    /// The app's entry script threw while loading.
    case scriptFailed(appId: String, exception: JSException)
    /// The watchdog stopped the app's entry script.
    case scriptTimedOut(appId: String, limit: Duration)
    /// The app is fused (failed too often) until the cool-down ends and has no online copy.
    case fused(appId: String, failures: Int, reason: String)
    /// A plain folder was given while developer mode is off.
    case developerModeRequired(path: String)
    /// The container was shut down.
    case shutDown
    /// The app's JavaScript thread is stuck (a job ran past `limit`, e.g. an endless chain of
    /// promise jobs, which the watchdog cannot stop); the thread is quarantined.
    case runtimeStalled(appId: String, thread: String, limit: Duration)

    public var description: String {
        switch self {
        case .invalidTransition(let id, let from, let event): return "app instance \(id) cannot \(event) while \(from)"
        case .noSuchInstance(let id): return "no running app instance \(id)"
        case .launchVetoed(let appId, let plugin, let reason): return "plugin \(plugin) vetoed the launch of \(appId): \(reason)"
        case .loadFailed(let appId, let reason): return "cannot load \(appId): \(reason)"
        case .scriptFailed(let appId, let exception): return "\(appId) failed while loading: \(exception)"
        case .scriptTimedOut(let appId, let limit): return "\(appId) ran longer than \(limit) while loading and was stopped"
        case .fused(let appId, let failures, let reason):
            return "\(appId) is disabled for a cool-down after \(failures) failures (last: \(reason))"
        case .developerModeRequired(let path): return "\(path) is a plain folder; launching unsigned code needs developer mode"
        case .shutDown: return "the container is shut down"
        case .runtimeStalled(let appId, let thread, let limit):
            return
                "\(appId): JavaScript thread \(thread) is stuck in one job for more than \(limit) (an endless promise-job chain?) and is quarantined"
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Why the container refused or failed an operation.
///
/// A small extensible struct (the model is NIO's `FileSystemError`): match on ``code`` (stable
/// across releases; new codes may be added without breaking a host's `switch`), read
/// ``message`` for people and ``underlyingError`` for the cause (an I/O or network error),
/// when there is one. The static functions named like the codes build each kind.
public struct ContainerError: CodedError, Sendable, Hashable {
    public static let domain = "container"

    /// The failure with its facts (internal: hosts match on ``code``).
    package let details: Details
    public let underlyingError: (any Error)?

    package init(_ details: Details, cause: (any Error)? = nil) {
        self.details = details
        self.underlyingError = cause
    }

    public var code: ErrorCode<ContainerError> { ErrorCode(details.name) }
    public var message: String { details.description }

    /// Equal when code and facts are equal (causes are not compared).
    public static func == (lhs: ContainerError, rhs: ContainerError) -> Bool { lhs.details == rhs.details }

    public func hash(into hasher: inout Hasher) { hasher.combine(details) }

    /// A `container.invalidTransition` failure.
    public static func invalidTransition(instanceID: UInt64, from: AppState, event: String) -> ContainerError {
        ContainerError(.invalidTransition(instanceID: instanceID, from: from, event: event))
    }
    /// A `container.noSuchInstance` failure.
    public static func noSuchInstance(_ value: UInt64) -> ContainerError {
        ContainerError(.noSuchInstance(value))
    }
    /// A `container.launchVetoed` failure.
    public static func launchVetoed(appId: String, plugin: String, reason: String) -> ContainerError {
        ContainerError(.launchVetoed(appId: appId, plugin: plugin, reason: reason))
    }
    /// A `container.loadFailed` failure.
    public static func loadFailed(appId: String, reason: String, cause: (any Error)? = nil) -> ContainerError {
        ContainerError(.loadFailed(appId: appId, reason: reason), cause: cause)
    }
    /// A `container.scriptFailed` failure.
    public static func scriptFailed(appId: String, exception: JSException, cause: (any Error)? = nil) -> ContainerError {
        ContainerError(.scriptFailed(appId: appId, exception: exception), cause: cause)
    }
    /// A `container.scriptTimedOut` failure.
    public static func scriptTimedOut(appId: String, limit: Duration) -> ContainerError {
        ContainerError(.scriptTimedOut(appId: appId, limit: limit))
    }
    /// A `container.fused` failure.
    public static func fused(appId: String, failures: Int, reason: String) -> ContainerError {
        ContainerError(.fused(appId: appId, failures: failures, reason: reason))
    }
    /// A `container.developerModeRequired` failure.
    public static func developerModeRequired(path: String) -> ContainerError {
        ContainerError(.developerModeRequired(path: path))
    }
    /// A `container.shutDown` failure.
    public static var shutDown: ContainerError { ContainerError(.shutDown) }
    /// A `container.runtimeStalled` failure.
    public static func runtimeStalled(appId: String, thread: String, limit: Duration) -> ContainerError {
        ContainerError(.runtimeStalled(appId: appId, thread: thread, limit: limit))
    }

    /// The app the failure concerns, when it names one.
    public var appId: String? { details.appId }

    /// The JavaScript exception of a `scriptFailed` failure.
    public var scriptException: JSException? {
        if case .scriptFailed(_, let exception) = details { return exception }
        return nil
    }

    package enum Details: Sendable, Hashable, CustomStringConvertible {
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

        package var description: String {
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
}

extension ContainerError.Details {
    /// The case name, the last part of the code.
    package var name: String {
        switch self {
        case .invalidTransition: return "invalidTransition"
        case .noSuchInstance: return "noSuchInstance"
        case .launchVetoed: return "launchVetoed"
        case .loadFailed: return "loadFailed"
        case .scriptFailed: return "scriptFailed"
        case .scriptTimedOut: return "scriptTimedOut"
        case .fused: return "fused"
        case .developerModeRequired: return "developerModeRequired"
        case .shutDown: return "shutDown"
        case .runtimeStalled: return "runtimeStalled"
        }
    }
}

extension ContainerError.Details {
    package var appId: String? {
        switch self {
        case .launchVetoed(let appId, _, _), .loadFailed(let appId, _), .scriptFailed(let appId, _), .scriptTimedOut(let appId, _),
            .fused(let appId, _, _), .runtimeStalled(let appId, _, _):
            return appId
        case .invalidTransition, .noSuchInstance, .developerModeRequired, .shutDown:
            return nil
        }
    }
}

extension ContainerError {
    /// The app's code could not be loaded because of `cause` (a `PackageError`, `FetchError`,
    /// I/O error, …): the message says what was being done, the cause is kept.
    public static func loadFailed(appId: String, doing context: String? = nil, cause: any Error) -> ContainerError {
        let reason = context.map { "\($0): \(cause)" } ?? "\(cause)"
        return ContainerError(.loadFailed(appId: appId, reason: reason), cause: cause)
    }
}

extension ErrorCode where Domain == ContainerError {
    /// `container.invalidTransition`
    public static let invalidTransition = ErrorCode("invalidTransition")
    /// `container.noSuchInstance`
    public static let noSuchInstance = ErrorCode("noSuchInstance")
    /// `container.launchVetoed`
    public static let launchVetoed = ErrorCode("launchVetoed")
    /// `container.loadFailed`
    public static let loadFailed = ErrorCode("loadFailed")
    /// `container.scriptFailed`
    public static let scriptFailed = ErrorCode("scriptFailed")
    /// `container.scriptTimedOut`
    public static let scriptTimedOut = ErrorCode("scriptTimedOut")
    /// `container.fused`
    public static let fused = ErrorCode("fused")
    /// `container.developerModeRequired`
    public static let developerModeRequired = ErrorCode("developerModeRequired")
    /// `container.shutDown`
    public static let shutDown = ErrorCode("shutDown")
    /// `container.runtimeStalled`
    public static let runtimeStalled = ErrorCode("runtimeStalled")
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Logging

/// One `console.*` call made by a script.
public struct ConsoleMessage: Sendable, Hashable {
    /// The console method used.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case debug, log, info, warn, error
    }

    /// The console method used.
    public let level: Level
    /// The arguments formatted the way a browser console would print them on one line.
    public let text: String
    /// The name of the context that logged it.
    public let contextName: String

    /// The swift-log level this console level maps to.
    public var logLevel: Logger.Level {
        switch level {
        case .debug: return .debug
        case .log, .info: return .info
        case .warn: return .warning
        case .error: return .error
        }
    }
}

/// A problem a script caused outside any call the host is awaiting.
public enum ScriptDiagnostic: Sendable, CustomStringConvertible {
    /// An exception escaped a timer callback, an event listener or a bridge callback.
    case uncaughtException(JSException, origin: String)
    /// A promise was rejected and nothing handled the rejection.
    case unhandledRejection(JSException)
    /// The watchdog stopped a script that was not run by an awaited host call (e.g. a timer).
    case executionTimeLimitExceeded(origin: String, limit: Duration)

    public var description: String {
        switch self {
        case .uncaughtException(let exception, let origin): return "uncaught exception in \(origin): \(exception)"
        case .unhandledRejection(let exception): return "unhandled promise rejection: \(exception)"
        case .executionTimeLimitExceeded(let origin, let limit):
            return "\(origin) stopped by the watchdog after running longer than \(limit)"
        }
    }
}

/// How much work a context still has in flight.
public struct PendingWork: Sendable, Hashable {
    /// Scheduled `setTimeout`/`setInterval` timers.
    public var timers: Int
    /// Asynchronous bridge calls not yet settled.
    public var bridgeCalls: Int
    /// Promises the host is awaiting with `callAwaiting`/`evaluateAwaiting`.
    public var awaitedPromises: Int

    /// True when nothing is pending.
    public var isIdle: Bool { timers == 0 && bridgeCalls == 0 && awaitedPromises == 0 }
}

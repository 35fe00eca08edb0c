// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A JavaScript exception, captured as a Sendable value.
public struct JSException: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error's `name` (e.g. `TypeError`), or `"Error"` when a non-Error value was thrown.
    public var name: String
    /// The error's `message`, or the thrown value rendered as a string.
    public var message: String
    /// The JavaScript stack trace, one frame per line, if the engine recorded one.
    public var stack: String?
    /// The script's source URL where the exception was raised, if known.
    public var sourceURL: String?
    /// The 1-based line in `sourceURL`, if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?
    /// The thrown value itself, converted (e.g. the `{error, errorMessage}` of a bridge error).
    public var thrownValue: JSONValue

    /// Creates an exception value.
    public init(
        name: String, message: String, stack: String? = nil, sourceURL: String? = nil,
        line: Int? = nil, column: Int? = nil, thrownValue: JSONValue = .undefined
    ) {
        self.name = name
        self.message = message
        self.stack = stack
        self.sourceURL = sourceURL
        self.line = line
        self.column = column
        self.thrownValue = thrownValue
    }

    /// `Name: message (at url:line:column)`.
    public var description: String {
        var text = "\(name): \(message)"
        if let sourceURL {
            text += " (at \(sourceURL)"
            if let line { text += ":\(line)" }
            if let column { text += ":\(column)" }
            text += ")"
        } else if let line {
            text += " (at line \(line))"
        }
        return text
    }
}

/// Errors of the script runtime. Every JavaScript failure reaches Swift as one of these.
public enum ScriptError: Error, Sendable, CustomStringConvertible {
    /// JavaScript threw (or a promise we awaited rejected with) this exception.
    case exception(JSException)
    /// The watchdog stopped a script that ran longer than the context's limit.
    case executionTimeLimitExceeded(limit: Duration)
    /// An awaited promise did not settle in time.
    case timedOut(what: String, after: Duration)
    /// The context was released (or its runtime shut down); nothing more runs in it.
    case contextReleased
    /// The runtime was shut down.
    case runtimeShutDown
    /// A name given to `call` does not refer to a function.
    case notAFunction(String)
    /// A value cannot cross between JavaScript and Swift (cycle, too deep, unsupported type).
    case valueConversion(String)
    /// The script is not valid JavaScript (from `checkSyntax`).
    case syntax(JSException)
    /// The task awaiting a promise was cancelled (the promise itself runs on).
    case cancelled(what: String)

    public var description: String {
        switch self {
        case .exception(let exception): return "JavaScript exception: \(exception)"
        case .executionTimeLimitExceeded(let limit):
            return "script stopped by the watchdog after running longer than \(limit)"
        case .timedOut(let what, let after): return "\(what) did not settle within \(after)"
        case .contextReleased: return "the script context was released"
        case .runtimeShutDown: return "the script runtime was shut down"
        case .notAFunction(let path): return "\(path) is not a function"
        case .valueConversion(let reason): return "value cannot cross the bridge: \(reason)"
        case .syntax(let exception): return "syntax error: \(exception)"
        case .cancelled(let what): return "waiting for \(what) was cancelled"
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// The one door into JavaScript: confinement, the watchdog's bookkeeping, thrown values.
extension ContextCore {
    /// Every call into JavaScript goes through here: confinement and release checks, watchdog
    /// bookkeeping, and the one conversion of a thrown value into a `ScriptError`.
    func enter<T>(origin: String, _ body: (_ exception: inout JSValueRef?) throws -> T) throws -> T {
        executor.preconditionOnThread()
        guard !isReleased else { throw ScriptError.contextReleased }
        let outermost = entryDepth == 0
        if outermost {
            entryStart = MonotonicClock.now()
            terminatedByWatchdog = false
        }
        entryDepth += 1
        defer {
            entryDepth -= 1
            // Work that ended while the script ran (a cleared timer) is looked at once the
            // script and its promise jobs are done.
            if outermost { checkIdle() }
        }
        var exception: JSValueRef?
        let result = try body(&exception)
        if let exception { throw scriptError(from: exception) }
        if outermost, terminatedByWatchdog, let limit = executionTimeLimit {
            // The script was stopped after the call returned, e.g. in a promise job.
            takePendingTermination()
            report(.executionTimeLimitExceeded(origin: "a promise job after \(origin)", limit: limit))
        }
        return result
    }

    /// A promise job stopped after its call returned (JavaScriptCore runs them as the call lets
    /// go of the lock) leaves the termination pending in the VM: the next entry, whatever it is
    /// (the app's `onError`, the next hook), would fail at once with "JavaScript execution
    /// terminated." One trivial entry takes it, so the stop ends with the job it stopped.
    private func takePendingTermination() {
        entryStart = MonotonicClock.now()
        var exception: JSValueRef?
        _ = JSStringConversion.with("void 0") { source in JSEvaluateScript(globalContext, source, nil, nil, 1, &exception) }
        terminatedByWatchdog = true
    }

    func scriptError(from exception: JSValueRef) -> ScriptError {
        if terminatedByWatchdog, let limit = executionTimeLimit {
            return .executionTimeLimitExceeded(limit: limit)
        }
        return ExceptionReader(ctx: globalContext, names: runtime.names).scriptError(exception)
    }

    /// Asked by JSC's watchdog (on this thread) whether the running script must stop.
    func watchdogShouldTerminate() -> Bool {
        guard let limit = executionTimeLimit else { return false }
        let elapsed = MonotonicClock.now() &- entryStart
        let limitNanos = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        guard elapsed >= UInt64(max(0, limitNanos)) else { return false }
        terminatedByWatchdog = true
        return true
    }
}

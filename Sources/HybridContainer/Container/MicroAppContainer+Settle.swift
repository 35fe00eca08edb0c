// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension MicroAppContainer {
    /// Waits until the instance has settled: its context has nothing pending (timers, bridge
    /// calls, awaited promises) **and** every problem its scripts raised (an uncaught error in a
    /// timer, an unhandled rejection, a job the watchdog stopped) has reached the app's
    /// `onError` / `onUnhandledRejection` and the plugins.
    ///
    /// `ScriptContext.waitUntilIdle` alone is not enough after a failure: the report travels to
    /// the app's hooks from the JavaScript thread in a job of its own, which the context does
    /// not count as pending.
    /// - Returns: false when `timeout` passes first (the app keeps working, or its thread stalled).
    /// - Throws: `ContainerError.noSuchInstance`.
    public func waitUntilSettled(_ instanceID: UInt64, timeout: Duration) async throws -> Bool {
        let app = try app(instanceID)
        return await app.settled(timeout: timeout)
    }
}

extension MicroApp {
    /// Idle, then the reports in flight delivered, until both hold at once (a hook called with a
    /// report may start new work, and new work may raise a new report).
    nonisolated func settled(timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            guard await context.waitUntilIdle(timeout: clock.now.duration(to: deadline)) else { return false }
            // A report is counted in flight from the job that raised it, so once the context
            // is idle every report of its jobs is counted here.
            if diagnosticsInFlight.isEmpty { return true }
            guard await diagnosticsInFlight.drained(timeout: clock.now.duration(to: deadline)) else { return false }
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GRDB
import Plugins

/// Retries SQLite work refused with SQLITE_BUSY / SQLITE_LOCKED (another process holds the lock
/// in a way the busy timeout does not cover, e.g. a journal-mode switch) until a deadline.
enum SQLiteRetry {
    static func untilDeadline<T>(_ limit: Duration, _ body: () throws -> T) throws -> T {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var pause = Duration.milliseconds(5)
        while true {
            do {
                return try body()
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && clock.now < deadline
            {
                // A short, growing pause between attempts (this runs during set-up, off the JS thread).
                Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18 + Double(pause.components.seconds))
                pause = min(pause * 2, .milliseconds(200))
            }
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// How many `console.*` lines a context may write: a token bucket, so an app logging in a
/// loop cannot flood the host's log (every line reaches swift-log and the host's observer).
/// Lines over the limit are dropped and counted; the next line that passes is preceded by a
/// warning saying how many were dropped.
public struct ConsoleLimit: Sendable, Hashable {
    /// Lines per second, sustained.
    public var linesPerSecond: Double
    /// Lines that may come at once.
    public var burst: Double

    /// Creates a limit.
    public init(linesPerSecond: Double, burst: Double) {
        self.linesPerSecond = linesPerSecond
        self.burst = burst
    }

    /// 500 lines a second, bursts of 2,000.
    public static let standard = ConsoleLimit(linesPerSecond: 500, burst: 2_000)
}

/// The bucket of one context (confined to its thread).
struct ConsoleBucket {
    let limit: ConsoleLimit
    private var tokens: Double
    private var updated: UInt64
    /// Lines dropped since the last one that passed.
    private(set) var dropped = 0

    init(limit: ConsoleLimit) {
        self.limit = limit
        tokens = max(1, limit.burst)
        updated = MonotonicClock.now()
    }

    /// Takes a token; on success returns how many lines were dropped before this one.
    mutating func take() -> Int? {
        let now = MonotonicClock.now()
        let elapsed = Double(now &- updated) / 1e9
        updated = now
        tokens = min(max(1, limit.burst), tokens + elapsed * max(0, limit.linesPerSecond))
        guard tokens >= 1 else {
            dropped += 1
            return nil
        }
        tokens -= 1
        defer { dropped = 0 }
        return dropped
    }
}

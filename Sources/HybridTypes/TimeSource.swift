// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Where rate limiters, circuit breakers and the launch fuse read the time.
///
/// Production code uses ``continuous``; a test hands in a test clock (for example swift-clocks'
/// `TestClock`, re-exported by HybridContainerTesting) and advances it, so cool-downs and refills
/// are tested without sleeping. Readings are durations since the source was made.
public struct TimeSource: Sendable {
    private let elapsed: @Sendable () -> Duration

    /// Reads `clock`.
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
    }

    /// The process's continuous clock.
    public static let continuous = TimeSource(ContinuousClock())

    /// The time elapsed since this source was made.
    public var now: Duration { elapsed() }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// A token bucket per key: `rate` tokens per second, holding at most `burst`.
public final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Duration
    }

    /// Tokens added per second.
    public let rate: Double
    /// The most tokens a bucket holds.
    public let burst: Double
    private let time: TimeSource
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates a limiter reading `time` (a test passes a test clock's source).
    public init(rate: Double, burst: Double, time: TimeSource = .continuous) {
        self.rate = rate
        self.burst = max(1, burst)
        self.time = time
    }

    /// Takes a token from `key`'s bucket; false if none is left.
    public func take(_ key: String) -> Bool {
        let now = time.now
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * rate)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return false
            }
            bucket.tokens -= 1
            buckets[key] = bucket
            return true
        }
    }
}

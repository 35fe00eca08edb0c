import Synchronization

/// A token bucket per key: `rate` tokens per second, holding at most `burst`.
package final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    package let rate: Double
    package let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    package init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = max(1, burst)
    }

    /// Takes a token; false if none is left.
    package func take(_ key: String) -> Bool {
        let now = ContinuousClock.now
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

/// Per-key circuit breaker: closed → open after `threshold` consecutive failures → half-open
/// after `coolDown` (one trial) → closed on success, open again on failure.
package final class CircuitBreaker: Sendable {
    enum State: Equatable {
        case closed(failures: Int)
        case open(until: ContinuousClock.Instant)
        case halfOpen(trialInFlight: Bool)
    }

    let threshold: Int
    let coolDown: Duration
    private let states = Mutex<[String: State]>([:])

    package init(threshold: Int, coolDown: Duration) {
        self.threshold = max(1, threshold)
        self.coolDown = coolDown
    }

    package func allow(_ key: String) -> Bool {
        let now = ContinuousClock.now
        return states.withLock { states in
            switch states[key] ?? .closed(failures: 0) {
            case .closed: return true
            case .open(let until):
                guard now >= until else { return false }
                states[key] = .halfOpen(trialInFlight: true)
                return true
            case .halfOpen(let trialInFlight):
                if trialInFlight { return false }
                states[key] = .halfOpen(trialInFlight: true)
                return true
            }
        }
    }

    package func record(_ key: String, success: Bool) {
        let now = ContinuousClock.now
        states.withLock { states in
            let current = states[key] ?? .closed(failures: 0)
            if success {
                states[key] = .closed(failures: 0)
                return
            }
            switch current {
            case .closed(let failures):
                states[key] = failures + 1 >= threshold ? .open(until: now + coolDown) : .closed(failures: failures + 1)
            case .halfOpen, .open:
                states[key] = .open(until: now + coolDown)
            }
        }
    }
}

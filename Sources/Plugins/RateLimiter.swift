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

/// Per-key circuit breaker: closed → open after `threshold` consecutive failures → half-open
/// after `coolDown` (one trial) → closed on success, open again on failure.
public final class CircuitBreaker: Sendable {
    enum State: Equatable {
        case closed(failures: Int)
        case open(until: Duration)
        case halfOpen(trialInFlight: Bool)
    }

    /// Consecutive failures that open the circuit.
    public let threshold: Int
    /// How long an open circuit refuses before one trial.
    public let coolDown: Duration
    private let time: TimeSource
    private let states = Mutex<[String: State]>([:])

    /// Creates a breaker reading `time` (a test passes a test clock's source).
    public init(threshold: Int, coolDown: Duration, time: TimeSource = .continuous) {
        self.threshold = max(1, threshold)
        self.coolDown = coolDown
        self.time = time
    }

    /// Whether a call to `key` may go ahead (an open circuit past its cool-down lets one trial through).
    public func allow(_ key: String) -> Bool {
        let now = time.now
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

    /// Records the outcome of a call that ``allow(_:)`` let through.
    public func record(_ key: String, success: Bool) {
        let now = time.now
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

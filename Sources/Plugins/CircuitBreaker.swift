// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// A circuit breaker per key (a host, an app): closed → open after `threshold` failures →
/// after `coolDown`, half-open: one trial at a time; a success closes it, a failure opens it
/// again at once.
///
/// One type serves both of the container's breakers: the request plugin's per host (counts
/// consecutive failures, asks ``allow(_:)`` before each call) and the launch fuse per app
/// (counts failures within `window`, asks ``openState(_:)`` before each launch, keeps the
/// last reason for the refusal).
public final class CircuitBreaker: Sendable {
    /// What an open circuit reports.
    public struct Open: Sendable, Hashable {
        /// Failures counted when it opened.
        public let failures: Int
        /// The last failure's reason.
        public let reason: String

        /// Creates a report.
        public init(failures: Int, reason: String) {
            self.failures = failures
            self.reason = reason
        }
    }

    private enum Phase: Equatable {
        case closed
        case open(until: Duration)
        case halfOpen(trialInFlight: Bool)
    }

    private struct Record {
        var phase = Phase.closed
        /// When each counted failure happened (pruned to `window`).
        var failures: [Duration] = []
        var lastReason = ""
    }

    /// Failures that open the circuit.
    public let threshold: Int
    /// Failures older than this are forgotten; nil: only consecutive failures count.
    public let window: Duration?
    /// How long an open circuit refuses.
    public let coolDown: Duration
    private let time: TimeSource
    private let records = Mutex<[String: Record]>([:])

    /// Creates a breaker reading `time` (a test passes a test clock's source).
    public init(threshold: Int, window: Duration? = nil, coolDown: Duration, time: TimeSource = .continuous) {
        self.threshold = max(1, threshold)
        self.window = window
        self.coolDown = coolDown
        self.time = time
    }

    /// Whether a call to `key` may go ahead: always when closed; when open, no until the
    /// cool-down ends, then one trial at a time.
    public func allow(_ key: String) -> Bool {
        let now = time.now
        return records.withLock { records in
            var record = records[key] ?? Record()
            defer { records[key] = record }
            switch record.phase {
            case .closed:
                return true
            case .open(let until):
                guard now >= until else { return false }
                record.phase = .halfOpen(trialInFlight: true)
                return true
            case .halfOpen(let trialInFlight):
                if trialInFlight { return false }
                record.phase = .halfOpen(trialInFlight: true)
                return true
            }
        }
    }

    /// If `key`'s circuit is open: its failures and last reason. An open circuit past its
    /// cool-down turns half-open and answers nil (the next failure opens it again at once).
    public func openState(_ key: String) -> Open? {
        let now = time.now
        return records.withLock { records in
            guard var record = records[key], case .open(let until) = record.phase else { return nil }
            if now >= until {
                record.phase = .halfOpen(trialInFlight: false)
                records[key] = record
                return nil
            }
            return Open(failures: record.failures.count, reason: record.lastReason)
        }
    }

    /// Records a success: the circuit closes and its failures are forgotten (ignored while it
    /// is open: a success served another way, e.g. online, does not end the cool-down).
    public func recordSuccess(_ key: String) {
        records.withLock { records in
            guard let record = records[key] else { return }
            if case .open = record.phase { return }
            records[key] = Record()
        }
    }

    /// Records a failure; returns true if this one opened the circuit.
    @discardableResult
    public func recordFailure(_ key: String, reason: String = "") -> Bool {
        let now = time.now
        return records.withLock { records in
            var record = records[key] ?? Record()
            defer { records[key] = record }
            record.lastReason = reason
            if let window { record.failures.removeAll { now - $0 >= window } }
            record.failures.append(now)
            switch record.phase {
            case .halfOpen:
                record.phase = .open(until: now + coolDown)
                return true
            case .open:
                return false
            case .closed:
                guard record.failures.count >= threshold else { return false }
                record.phase = .open(until: now + coolDown)
                return true
            }
        }
    }

    /// Records the outcome of a call that ``allow(_:)`` let through.
    public func record(_ key: String, success: Bool) {
        if success { recordSuccess(key) } else { recordFailure(key) }
    }
}

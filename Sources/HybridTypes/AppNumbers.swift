// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The one checked door for numbers that come from JavaScript.
///
/// A JavaScript number is any `Double`: NaN, ±Infinity, -0, 1e308, 2^64 and 1.5 are all legal
/// values an app can pass. Swift's integer initialisers and `Duration` factories trap on most of
/// them, and a trap kills every app in the process. Every count, index, size and duration that
/// comes from app code goes through these functions instead: a value out of range is a
/// ``BridgeError`` with code 2 (invalid parameters) naming the field, never a trap.
public enum AppNumbers {
    /// The longest duration an app may ask for: one day.
    public static let maximumMilliseconds: Double = 86_400_000

    /// `value` as an exact integer in `range`.
    /// - Throws: ``BridgeError`` (code 2) naming `field` when `value` is not finite, not an
    ///   integer, or out of `range`.
    public static func integer(_ value: Double, field: String, in range: ClosedRange<Int>) throws(BridgeError) -> Int {
        guard value.isFinite, value == value.rounded(.towardZero) else {
            throw BridgeError(.invalidParameters, "\(field) must be an integer, got \(JSNumberFormat.string(value))")
        }
        guard value >= Double(range.lowerBound), value <= Double(range.upperBound), let exact = Int(exactly: value),
            range.contains(exact)
        else {
            throw BridgeError(
                .invalidParameters,
                "\(field) must be between \(range.lowerBound) and \(range.upperBound), got \(JSNumberFormat.string(value))")
        }
        return exact
    }

    /// A duration of `milliseconds` (fractions kept to the microsecond) in `range`.
    /// - Throws: ``BridgeError`` (code 2) naming `field` for NaN, ±Infinity or a value out of
    ///   `range` (default: 0 to one day).
    public static func duration(
        milliseconds: Double, field: String, in range: ClosedRange<Double> = 0...maximumMilliseconds
    ) throws(BridgeError) -> Duration {
        guard milliseconds.isFinite, range.contains(milliseconds) else {
            throw BridgeError(
                .invalidParameters,
                "\(field) must be a number of milliseconds from \(JSNumberFormat.string(range.lowerBound)) to \(JSNumberFormat.string(range.upperBound)), got \(JSNumberFormat.string(milliseconds))"
            )
        }
        return clampedDuration(milliseconds: milliseconds)
    }

    /// A duration of `milliseconds`, never trapping: NaN and negatives become zero, values above
    /// `maximum` become `maximum` (the rule of browser timers, which clamp instead of failing).
    public static func clampedDuration(milliseconds: Double, maximum: Double = maximumMilliseconds) -> Duration {
        // 9e15 ms (about 285,000 years) in microseconds still fits Int64, whatever `maximum` is.
        let ceiling = maximum.isNaN ? 0 : min(max(maximum, 0), 9e15)
        let bounded = milliseconds.isNaN ? 0 : min(max(milliseconds, 0), ceiling)
        return .microseconds(Int64(exactly: (bounded * 1000).rounded(.towardZero)) ?? 0)
    }

    /// `value` truncated toward zero and clamped into `Int`'s range; NaN is zero.
    /// For numbers where saturating is the right answer (counters, lengths reported by a script).
    public static func clampedInteger(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        if value >= 9_223_372_036_854_775_808.0 { return .max }
        if value <= -9_223_372_036_854_775_808.0 { return .min }
        return Int(exactly: value.rounded(.towardZero)) ?? (value > 0 ? .max : .min)
    }

    /// Whole nanoseconds in `duration`, saturating at `Int64.max` instead of overflowing.
    public static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, sumOverflow) = product.addingReportingOverflow(attoseconds / 1_000_000_000)
        if sumOverflow { return seconds < 0 ? .min : .max }
        return sum
    }
}

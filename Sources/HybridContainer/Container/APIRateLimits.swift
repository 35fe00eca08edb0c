// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Per-app, per-API token buckets for the JSAPIs that fan out or cost the host: a flood from one
/// app gets code 1002 and leaves the host and the other apps responsive.
///
/// One implementation for every API: the container checks the bucket before the handler runs
/// (after the permission check), so a plugin author adds a limit by naming the API here.
public struct APIRateLimits: Sendable, Hashable {
    /// A token bucket: `perSecond` tokens a second, holding at most `burst`.
    public struct Rate: Sendable, Hashable {
        public var perSecond: Double
        public var burst: Double

        /// Creates a rate.
        public init(perSecond: Double, burst: Double) {
            self.perSecond = perSecond
            self.burst = burst
        }
    }

    /// The code of a call refused by its bucket (the same as `request`'s rate limit).
    public static let rateLimited = BridgeErrorCode.plugin(1002)

    /// Limits by API name (e.g. `postNotification`, `setStorageSync`).
    public var limits: [String: Rate]

    /// Creates limits.
    public init(_ limits: [String: Rate]) {
        self.limits = limits
    }

    /// No limits.
    public static let none = APIRateLimits([:])

    /// The built-in defaults: broadcasts 20/s (burst 40); storage writes 200/s (burst 400) per
    /// app; `openApp` 2/s (burst 5); `reportEvent` 50/s (burst 100). `request` has its own
    /// limit (`RequestPlugin.Settings`).
    public static let defaults: APIRateLimits = {
        let storageWrites = Rate(perSecond: 200, burst: 400)
        var limits: [String: Rate] = [
            "postNotification": Rate(perSecond: 20, burst: 40),
            "openApp": Rate(perSecond: 2, burst: 5),
            "reportEvent": Rate(perSecond: 50, burst: 100),
        ]
        for name in ["setStorage", "removeStorage", "clearStorage"] {
            limits[name] = storageWrites
            limits[name + "Sync"] = storageWrites
        }
        return APIRateLimits(limits)
    }()
}

/// The buckets of a container: one `RateLimiter` per limited API, keyed by appId (so
/// relaunching an app does not refill its buckets).
public final class APIRateLimiter: Sendable {
    let limiters: [String: RateLimiter]
    let limits: APIRateLimits

    /// Creates the buckets for `limits`, reading `time`.
    public init(_ limits: APIRateLimits, time: TimeSource = .continuous) {
        self.limits = limits
        limiters = limits.limits.mapValues { RateLimiter(rate: $0.perSecond, burst: $0.burst, time: time) }
    }

    /// Takes a token for `appId` calling `api`; throws code 1002 when its bucket is empty.
    public func take(api: String, appId: String) throws(BridgeError) {
        guard let limiter = limiters[api] else { return }
        guard limiter.take(appId) else {
            let rate = limits.limits[api]?.perSecond ?? 0
            throw BridgeError(APIRateLimits.rateLimited, "\(api): rate limit of \(JSNumberFormat.string(rate))/s exceeded")
        }
    }
}

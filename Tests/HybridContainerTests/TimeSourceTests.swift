// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import HybridContainerTesting
import Testing

/// Rate limiters and circuit breakers read an injected `TimeSource`: driven by a TestClock,
/// refills and cool-downs are tested exactly, without sleeping.
@Suite("Injected time: rate limiter and circuit breaker")
struct TimeSourceTests {
    @Test("a bucket of 2 at 1 token/s refills one token per second of test time")
    func rateLimiterRefills() async {
        let clock = TestClock()
        let limiter = RateLimiter(rate: 1, burst: 2, time: TimeSource(clock))
        #expect(limiter.take("app") && limiter.take("app"))
        #expect(!limiter.take("app"))
        #expect(limiter.take("other"), "buckets are per key")
        await clock.advance(by: .milliseconds(999))
        #expect(!limiter.take("app"))
        await clock.advance(by: .milliseconds(1))
        #expect(limiter.take("app"))
        #expect(!limiter.take("app"))
    }

    @Test("the breaker opens after 3 failures, lets one trial through after the cool-down, closes on success")
    func breakerCycle() async {
        let clock = TestClock()
        let breaker = CircuitBreaker(threshold: 3, coolDown: .seconds(30), time: TimeSource(clock))
        for _ in 0..<3 {
            #expect(breaker.allow("host"))
            breaker.record("host", success: false)
        }
        #expect(!breaker.allow("host"))
        await clock.advance(by: .seconds(29))
        #expect(!breaker.allow("host"))
        await clock.advance(by: .seconds(1))
        #expect(breaker.allow("host"), "one trial after the cool-down")
        #expect(!breaker.allow("host"), "only one trial at a time")
        breaker.record("host", success: false)
        #expect(!breaker.allow("host"), "a failed trial opens the circuit again")
        await clock.advance(by: .seconds(30))
        #expect(breaker.allow("host"))
        breaker.record("host", success: true)
        #expect(breaker.allow("host") && breaker.allow("host"), "closed again")
    }

    @Test("the container's API rate limits read the configured time source")
    func apiRateLimitsUseTimeSource() async throws {
        let clock = TestClock()
        let limiter = APIRateLimiter(APIRateLimits(["postNotification": .init(perSecond: 1, burst: 1)]), time: TimeSource(clock))
        try limiter.take(api: "postNotification", appId: "a")
        #expect(throws: BridgeError.self) { try limiter.take(api: "postNotification", appId: "a") }
        await clock.advance(by: .seconds(1))
        try limiter.take(api: "postNotification", appId: "a")
    }
}

@Suite("The launch fuse is the same breaker, counting failures in a window")
struct FuseBreakerTests {
    @Test("3 failures within 10 s open it with the last reason; old failures are forgotten; after the cool-down one failure reopens it")
    func fuseCycle() async {
        let clock = TestClock()
        let fuse = CircuitBreaker(threshold: 3, window: .seconds(10), coolDown: .seconds(60), time: TimeSource(clock))
        #expect(!fuse.recordFailure("app", reason: "one"))
        await clock.advance(by: .seconds(11))
        #expect(!fuse.recordFailure("app", reason: "two"))
        #expect(!fuse.recordFailure("app", reason: "three"), "the first failure left the window")
        #expect(fuse.openState("app") == nil)
        #expect(fuse.recordFailure("app", reason: "four"))
        #expect(fuse.openState("app") == CircuitBreaker.Open(failures: 3, reason: "four"))
        fuse.recordSuccess("app")
        #expect(fuse.openState("app") != nil, "a success elsewhere does not end the cool-down")
        await clock.advance(by: .seconds(60))
        #expect(fuse.openState("app") == nil, "half-open after the cool-down")
        #expect(fuse.recordFailure("app", reason: "again"), "one failure reopens it")
        await clock.advance(by: .seconds(60))
        #expect(fuse.openState("app") == nil)
        fuse.recordSuccess("app")
        #expect(!fuse.recordFailure("app") && !fuse.recordFailure("app"), "closed: counting starts over")
    }
}

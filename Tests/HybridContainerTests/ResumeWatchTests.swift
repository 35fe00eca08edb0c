// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Testing

@testable import HybridContainer

/// The launching task's watch for its job's result (`ContainerConfiguration.launchSpin`): it
/// ends as soon as the result is there, and at its limit when the result is not.
@Suite("Watching for a resumption")
struct ResumeWatchTests {
    @Test("the watch ends when another thread resumes, long before its limit", .timeLimit(.minutes(1)))
    func endsOnResumption() async throws {
        let once = ResumeOnce()
        let resumer = Thread {
            // Some work first, so the watch is under way when the resumption comes.
            var sum = 0
            for value in 0..<200_000 { sum &+= value }
            #expect(once.claim() && sum > 0)
            once.markResumed()
        }
        resumer.start()
        // A 10-minute limit: a watch that ignored the resumption would run into the test's limit.
        once.watchForResumption(upTo: .seconds(600))
        #expect(!once.claim(), "the watch ended without the resumption")
    }

    @Test("a watch that sees no resumption ends at its limit; a zero limit does not watch")
    func endsAtLimit() {
        let once = ResumeOnce()
        let start = ContinuousClock.now
        once.watchForResumption(upTo: .milliseconds(5))
        #expect(ContinuousClock.now - start >= .milliseconds(5))
        once.watchForResumption(upTo: .zero)
        #expect(once.claim(), "nobody claimed it")
    }
}

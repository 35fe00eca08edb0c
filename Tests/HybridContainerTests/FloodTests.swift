// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Floods are bounded")
struct FloodTests {
    @Test("an app broadcasting in a loop gets 1002; another app keeps answering and gets at most the burst")
    func broadcastFlood() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container {
            $0.apiRateLimits.limits["postNotification"] = .init(perSecond: 0.001, burst: 10)
        }
        try fixture.install("flooder", script: "App({})", permissions: ["notification"], into: container)
        try fixture.install(
            "listener",
            script: """
                globalThis.received = 0;
                JSBridge.on('notification', () => { globalThis.received++; });
                App({});
                """, permissions: ["storage"], into: container)
        let listener = try await container.launch(.installed("listener"))
        let listenerContext = try await container.context(of: listener.instanceID)
        let flooder = try await container.launch(.installed("flooder"))
        let flooderContext = try await container.context(of: flooder.instanceID)
        // The flood runs while the other app answers calls.
        async let flood = flooderContext.evaluateAwaiting(
            """
            (async () => {
              const codes = {};
              for (let i = 0; i < 2000; i++) {
                const code = await JSBridge.call('postNotification', { name: 'spam', data: { i } }).then(() => 0, (e) => e.error);
                codes[code] = (codes[code] || 0) + 1;
              }
              return codes;
            })()
            """)
        var answered = 0
        for index in 0..<200 {
            let value = try await listenerContext.evaluateAwaiting(
                """
                JSBridge.call('setStorage', { key: 'k\(index % 10)', data: \(index) }).then(() => JSBridge.callSync('getStorageSync', { key: 'k\(index % 10)' }).data)
                """)
            if value == .number(Double(index)) { answered += 1 }
        }
        let codes = try await flood
        #expect(answered == 200)
        #expect(codes == ["0": 10, "1002": 1990])
        _ = await listenerContext.waitUntilIdle(timeout: .seconds(30))
        #expect(try await listenerContext.evaluate("received") == 10)
        await container.shutdown()
    }

    @Test("storage writes, openApp and reportEvent have default buckets")
    func defaults() {
        let limits = APIRateLimits.defaults.limits
        for name in ["postNotification", "setStorage", "setStorageSync", "removeStorage", "clearStorageSync", "openApp", "reportEvent"] {
            #expect(limits[name] != nil, "\(name)")
        }
    }
}

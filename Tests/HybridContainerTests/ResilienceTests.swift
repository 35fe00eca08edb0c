// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Faults: watchdog, fuse, many apps")
struct ResilienceTests {
    @Test("a runaway hook is stopped and reported while another app keeps answering")
    func watchdog() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.executionTimeLimit = ContainerFixture.runawayLimit }
        try fixture.install(
            "runaway",
            script: """
                App({ onShow() { while (true) {} }, onError(e) { JSBridge.callSync('log', { entry: 'runaway onError ' + e.origin }); } });
                """, into: container)
        try fixture.install("healthy", script: "App({})", into: container)
        let healthy = try await container.launch(.installed("healthy"))
        let runaway = try await container.launch(.installed("runaway"))
        #expect(await container.state(of: runaway.instanceID) == .started)
        #expect(fixture.log.all.contains("runaway onError onStart"))
        #expect(try await container.context(of: healthy.instanceID).evaluate("1 + 1") == 2)
        await container.shutdown()
    }

    @Test("an app failing to launch N times is fused: further launches are refused with the reason")
    func fuse() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.fuseThreshold = 2 }
        try fixture.install("broken", script: "throw new Error('always broken')", into: container)
        for _ in 0..<2 {
            await #expect(throws: ContainerError.self) { try await container.launch(.installed("broken")) }
        }
        await #expect {
            try await container.launch(.installed("broken"))
        } throws: { error in
            guard case .fused(let appId, let failures, let reason)? = (error as? ContainerError)?.details else { return false }
            return appId == "broken" && failures == 2 && reason.contains("always broken")
        }
        #expect(fixture.log.all.contains { $0.hasPrefix("event: broken fused after 2 failures") })
        await container.shutdown()
    }

    @Test("a fuse past its cool-down lets the next launch try again")
    func fuseCoolDown() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container {
            $0.fuseThreshold = 1
            $0.fuseCoolDown = .zero
        }
        try fixture.install("flaky", script: "throw new Error('first version broken')", into: container)
        await #expect(throws: ContainerError.self) { try await container.launch(.installed("flaky")) }
        try fixture.install("flaky", script: "App({})", version: "1.0.1", into: container)
        let app = try await container.launch(.installed("flaky"))
        #expect(app.version.description == "1.0.1")
        await container.shutdown()
    }

    @Test("100 apps run at once, each making calls, and every call settles")
    func manyApps() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("busy", script: "App({})", permissions: ["storage"], into: container)
        let launched = try await withThrowingTaskGroup(of: AppDescriptor.self) { group in
            for _ in 0..<100 { group.addTask { try await container.launch(.installed("busy")) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(launched.count == 100)
        let results = try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for app in launched {
                group.addTask {
                    try await container.context(of: app.instanceID).evaluateAwaiting(
                        """
                        (async () => {
                          const calls = [];
                          for (let i = 0; i < 20; i++) calls.push(JSBridge.call('getAppInfo').then((info) => info.instanceId));
                          calls.push(JSBridge.call('setStorage', { key: 'k\(app.instanceID)', data: \(app.instanceID) }));
                          const settled = await Promise.all(calls);
                          return settled.filter((id) => id === \(app.instanceID)).length;
                        })()
                        """)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 100)
        #expect(results.allSatisfy { $0 == 20 })
        #expect(await container.runningApps().count == 100)
        await container.shutdown()
        #expect(await container.runningApps().isEmpty)
    }
}

@Suite("Nothing keeps a shut-down container alive")
struct ContainerLifetimeTests {
    @Test("after shutdown, the container, its apps and their JavaScript threads are released")
    func released() async throws {
        let fixture = try ContainerFixture()
        weak var weakContainer: MicroAppContainer?
        weak var weakRuntime: JSRuntime?
        do {
            let container = try await fixture.container { $0.probationPeriod = .zero }
            weakContainer = container
            try fixture.install("short", script: "App({ onError() {} });", into: container)
            let app = try await container.launch(.installed("short"))
            weakRuntime = try await container.context(of: app.instanceID).runtime
            try await container.destroy(app.instanceID)
            await container.shutdown()
        }
        // A runtime kept alive would keep its thread running (and a test process from exiting).
        #expect(weakRuntime == nil)
        #expect(weakContainer == nil)
    }
}

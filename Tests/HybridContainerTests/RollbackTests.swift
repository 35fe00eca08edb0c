// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("A new version that fails its first launch is rolled back, with its reason")
struct RollbackTests {
    let good = "App({ onLaunch() { JSBridge.callSync('log', { entry: 'running ' + JSBridge.callSync('getAppInfo').version }); } })"

    @Test("onLaunch throwing in a new version rolls back to the previous one, which is launched instead")
    func failedOnLaunch() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.probationPeriod = .zero }
        try fixture.install("app", script: good, version: "1.0.0", into: container)
        let first = try await container.launch(.installed("app"))
        try await container.destroy(first.instanceID)
        try fixture.install(
            "app", script: "App({ onLaunch() { throw new TypeError('v2 is broken'); } })", version: "2.0.0", into: container)
        let launched = try await container.launch(.installed("app"))
        #expect(launched.version.description == "1.0.0")
        let installed = try #require(try container.store.installedApp(AppID(rawValue: "app")!))
        #expect(installed.activeVersion == PackageVersion("1.0.0"))
        #expect(installed.lastRollback?.reason == "onLaunch failed: TypeError: v2 is broken")
        #expect(fixture.log.all.contains { $0 == "event: app rolled back 2.0.0 → 1.0.0: onLaunch failed: TypeError: v2 is broken" })
        #expect(try container.store.rolledBackVersions(AppID(rawValue: "app")!) == [PackageVersion("2.0.0")!])
        await container.shutdown()
    }

    @Test("an entry script that fails to load in a new version rolls back too")
    func failedLoad() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.probationPeriod = .zero }
        try fixture.install("app", script: good, version: "1.0.0", into: container)
        try await container.destroy(try await container.launch(.installed("app")).instanceID)
        try fixture.install("app", script: "syntax error here (", version: "1.1.0", into: container)
        let launched = try await container.launch(.installed("app"))
        #expect(launched.version.description == "1.0.0")
        #expect(try container.store.installedApp(AppID(rawValue: "app")!)?.lastRollback?.reason.hasPrefix("launch failed") == true)
        await container.shutdown()
    }

    @Test("a successful launch confirms the new version; one killed launch is not the version's fault")
    func confirmationAndKills() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.probationPeriod = .zero }
        let appId = AppID(rawValue: "app")!
        try fixture.install("app", script: good, version: "1.0.0", into: container)
        try await container.destroy(try await container.launch(.installed("app")).instanceID)
        try fixture.install("app", script: good, version: "2.0.0", into: container)
        // A process killed mid-launch leaves one unconfirmed launch behind.
        _ = try container.store.beginLaunch(appId)
        let launched = try await container.launch(.installed("app"))
        #expect(launched.version.description == "2.0.0")
        #expect(try container.store.installedApp(appId)?.versions.last?.confirmed == true)
        await container.shutdown()
    }

    @Test("a new version whose launches never complete is rolled back after the limit")
    func repeatedKills() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container {
            $0.probationPeriod = .zero; $0.maximumUnconfirmedLaunches = 2
        }
        let appId = AppID(rawValue: "app")!
        try fixture.install("app", script: good, version: "1.0.0", into: container)
        try await container.destroy(try await container.launch(.installed("app")).instanceID)
        try fixture.install("app", script: good, version: "2.0.0", into: container)
        for _ in 0..<2 { _ = try container.store.beginLaunch(appId) }
        let launched = try await container.launch(.installed("app"))
        #expect(launched.version.description == "1.0.0")
        #expect(try container.store.installedApp(appId)?.lastRollback?.reason == "2 launches of 2.0.0 never completed (killed or hung)")
        await container.shutdown()
    }

    @Test("a pending update is activated at the next launch")
    func pendingActivation() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.probationPeriod = .zero }
        try fixture.install("app", script: good, version: "1.0.0", into: container)
        let package = try fixture.pack("app", script: good, version: "1.1.0")
        try container.store.install(packageAt: package, options: .init(activate: false, markPending: true))
        let launched = try await container.launch(.installed("app"))
        #expect(launched.version.description == "1.1.0")
        #expect(fixture.log.all.contains("running 1.1.0"))
        await container.shutdown()
    }
}

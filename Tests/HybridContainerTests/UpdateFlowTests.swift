// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

@Suite("End to end: an app moves v1 → v2 → v3 over HTTP; a broken v4 is rolled back")
struct UpdateFlowTests {
    @Test("updates arrive as deltas and launch; the broken version's rollback reason is visible")
    func journey() async throws {
        let fixture = try ContainerFixture()
        let releases = fixture.root.appendingPathComponent("releases")
        let server = try await LoopbackServer.start { request in
            guard !request.path.contains(".."),
                let data = FileManager.default.contents(atPath: releases.path + request.path)
            else { return .notFound }
            return .ok(data)
        }
        let container = try await fixture.container {
            $0.updateChannel = server.url("/stable/releases.json")
            $0.probationPeriod = .zero
        }
        func script(_ version: String, broken: Bool = false) -> String {
            // A large shared library makes the deltas worth it.
            let library = (0..<400).map { "function f\($0)(x) { return x + \($0); }" }.joined(separator: "\n")
            return library + "\nApp({ onLaunch() { " + (broken ? "throw new Error('v4 cannot start');" : "")
                + " JSBridge.callSync('log', { entry: 'running \(version)' }); } });"
        }
        let packages = try ["1.0.0", "2.0.0", "3.0.0", "4.0.0"].map { version in
            try fixture.pack("journey", script: script(version, broken: version == "4.0.0"), version: version)
        }
        try container.store.install(packageAt: packages[0])
        _ = try await container.launch(.installed("journey"))
        #expect(fixture.log.all.contains("running 1.0.0"))
        let trusted = TrustedKeys([fixture.key.publicKey])

        for (index, version) in ["2.0.0", "3.0.0"].enumerated() {
            try ReleasePublisher.publish(packages: [packages[index + 1]], to: releases, channel: "stable", trustedKeys: trusted)
            let receipts = try await container.checkForUpdates()
            #expect(receipts.map(\.method) == (index == 0 ? ["full"] : ["delta"]), "update to \(version)")
            _ = try await container.launch(.installed("journey"))
            #expect(fixture.log.all.contains("running \(version)"))
        }

        try ReleasePublisher.publish(packages: [packages[3]], to: releases, channel: "stable", trustedKeys: trusted)
        #expect(try await container.checkForUpdates().map(\.method) == ["delta"])
        let afterBroken = try await container.launch(.installed("journey"))
        #expect(afterBroken.version.description == "3.0.0")
        let app = try #require(try container.store.installedApp(AppID(rawValue: "journey")!))
        #expect(app.activeVersion == PackageVersion("3.0.0"))
        #expect(app.lastRollback?.from == PackageVersion("4.0.0"))
        #expect(app.lastRollback?.reason == "onLaunch failed: Error: v4 cannot start")
        #expect(try await container.checkForUpdates().isEmpty)
        await container.shutdown()
        await server.shutdown()
    }
}

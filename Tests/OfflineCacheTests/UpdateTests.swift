// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache
import Testing

@Suite("Updates over HTTP: channels, deltas, rollout, fallbacks")
struct UpdateTests {
    let demo = AppID(rawValue: "demo")!

    /// Three versions: v2 changes a large file slightly, adds and removes files; v3 changes again.
    func versions(_ fixture: Fixture) throws -> [URL] {
        var library = ""
        for index in 0..<3000 { library += "export function helper\(index)(x) { return x * \(index) + \(index % 7); }\n" }
        var v1 = fixture.appFiles(version: "1.0.0")
        v1["lib/library.js"] = Data(library.utf8)
        v1["old.js"] = Data("will be removed".utf8)
        var v2 = fixture.appFiles(version: "2.0.0")
        v2["lib/library.js"] = Data(library.replacingOccurrences(of: "helper1500(x)", with: "helper1500(x, y)").utf8)
        v2["new.js"] = Data("added in v2".utf8)
        var v3 = v2
        v3["index.js"] = Data("console.log('v3.0.0');\n".utf8)
        v3["lib/library.js"] = Data((library + "export const three = 3;\n").utf8)
        return [
            try fixture.package(version: "1.0.0", files: v1),
            try fixture.package(version: "2.0.0", files: v2),
            try fixture.package(version: "3.0.0", files: v3),
        ]
    }

    /// v1 installed in a fresh store; a static server over an (empty) release folder.
    func setUp() async throws -> (Fixture, URL, [URL], StaticFolderServer, PackageStore) {
        let fixture = try Fixture()
        let releases = fixture.url("releases")
        let packages = try versions(fixture)
        let server = try await StaticFolderServer.start(serving: releases)
        let store = try fixture.store()
        try store.install(packageAt: packages[0])
        return (fixture, releases, packages, server, store)
    }

    /// Overwrites a channel's releases.json (to make it lie in a test).
    func rewrite(_ channel: ReleaseChannel, at url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(channel).write(to: url)
    }

    func client(_ fixture: Fixture, _ store: PackageStore, device: String = "device-1") throws -> UpdateClient {
        try UpdateClient(
            store: store, device: DeviceProfile(deviceID: device), downloadDirectory: fixture.url("downloads-\(device)"),
            fetcher: HTTPFetcher(configuration: .init(timeout: .seconds(5), maximumAttempts: 2, initialBackoff: .milliseconds(5))))
    }

    @Test("v1 → v2 → v3 over HTTP with deltas; the channel is revalidated with ETag")
    func deltaUpdates() async throws {
        let fixture = try Fixture()
        let releases = fixture.url("releases")
        let packages = try versions(fixture)
        let server = try await StaticFolderServer.start(serving: releases)
        let channel = server.url("/stable/releases.json")
        let store = try fixture.store()
        try store.install(packageAt: packages[0])
        let updater = try client(fixture, store)

        try ReleasePublisher.publish(packages: [packages[0], packages[1]], to: releases, channel: "stable", trustedKeys: fixture.trusted)
        let first = try await updater.updateAll(channel, activation: .now)
        #expect(first.map(\.method) == ["delta"])
        #expect(try store.activePackage(demo)?.version == PackageVersion("2.0.0"))
        let fullSize = try Data(contentsOf: packages[1]).count
        #expect(first[0].downloadedBytes < Int64(fullSize) / 3, "delta \(first[0].downloadedBytes) vs package \(fullSize)")

        #expect(try await updater.check(channel).isEmpty)
        #expect(server.notModifiedCount == 1)

        try ReleasePublisher.publish(packages: [packages[2]], to: releases, channel: "stable", trustedKeys: fixture.trusted)
        let second = try await updater.updateAll(channel, activation: .nextLaunch)
        #expect(second.map(\.method) == ["delta"])
        #expect(try store.activePackage(demo)?.version == PackageVersion("2.0.0"))
        #expect(try store.installedApp(demo)?.pendingVersion == PackageVersion("3.0.0"))
        try store.activatePending(demo)
        let active = try #require(try store.activePackage(demo))
        #expect(active.version == PackageVersion("3.0.0"))
        #expect(active.manifest.files["old.js"] == nil && active.manifest.files["new.js"] != nil)
        let reader = VerifiedFileReader()
        for (path, hash) in active.manifest.files { _ = try reader.read(path, in: active.filesDirectory, expectedSHA256: hash) }
        await server.shutdown()
    }

    @Test("a delta that does not apply falls back to the full package")
    func corruptDelta() async throws {
        let (fixture, releases, packages, server, store) = try await setUp()
        let published = try ReleasePublisher.publish(
            packages: [packages[0], packages[1]], to: releases, channel: "stable", trustedKeys: fixture.trusted)
        // Replace the delta with one made for another base, and keep the index consistent.
        let delta = try #require(published.releases.last?.deltas.first)
        let deltaURL = releases.appendingPathComponent("stable").appendingPathComponent(delta.file.url)
        try DeltaBuilder.build(from: packages[2], to: packages[1], output: deltaURL)
        var channel = published
        channel.releases[channel.releases.count - 1].deltas[0].file = ReleaseFile(
            url: delta.file.url, size: Int64(try Data(contentsOf: deltaURL).count), sha256: try PackageBuilder.sha256(of: deltaURL))
        try rewrite(channel, at: releases.appendingPathComponent("stable/releases.json"))

        let receipts = try await client(fixture, store).updateAll(server.url("/stable/releases.json"), activation: .now)
        #expect(receipts.count == 1)
        #expect(receipts[0].method.hasPrefix("full after delta failed"))
        #expect(try store.activePackage(demo)?.version == PackageVersion("2.0.0"))
        await server.shutdown()
    }

    @Test("rollout percentages are stable per device and close to the share over many devices")
    func rollout() throws {
        let rules = RolloutRules(percentage: 30)
        let version = PackageVersion("2.0.0")!
        var admitted = 0
        for index in 0..<10_000 {
            let device = DeviceProfile(deviceID: "device-\(index)")
            let first = rules.admits(device, appId: demo, version: version)
            #expect(first == rules.admits(device, appId: demo, version: version))
            if first { admitted += 1 }
        }
        #expect((2_700...3_300).contains(admitted), "\(admitted) of 10,000")
        let testers = RolloutRules(percentage: 0, deviceIds: ["tester"])
        #expect(testers.admits(DeviceProfile(deviceID: "tester"), appId: demo, version: version))
        #expect(!testers.admits(DeviceProfile(deviceID: "someone"), appId: demo, version: version))
        let modern = RolloutRules(percentage: 100, os: ["linux"], minimumHostVersion: "2.0")
        #expect(!modern.admits(DeviceProfile(deviceID: "a", hostVersion: "1.9"), appId: demo, version: version))
        #expect(!modern.admits(DeviceProfile(deviceID: "a", os: "android", hostVersion: "3"), appId: demo, version: version))
        #expect(modern.admits(DeviceProfile(deviceID: "a", hostVersion: "2.1"), appId: demo, version: version))
    }

    @Test("a release outside the rollout is not offered; a rolled-back version is not offered again")
    func notOffered() async throws {
        let (fixture, releases, packages, server, store) = try await setUp()
        try ReleasePublisher.publish(
            packages: [packages[1]], to: releases, channel: "beta", trustedKeys: fixture.trusted,
            rollout: RolloutRules(percentage: 0))
        #expect(try await client(fixture, store).check(server.url("/beta/releases.json")).isEmpty)

        try ReleasePublisher.publish(packages: [packages[1]], to: releases, channel: "stable", trustedKeys: fixture.trusted)
        let updater = try client(fixture, store)
        _ = try await updater.updateAll(server.url("/stable/releases.json"), activation: .now)
        try store.rollback(demo, reason: "onLaunch failed: TypeError")
        #expect(try await updater.check(server.url("/stable/releases.json")).isEmpty)
        await server.shutdown()
    }

    @Test("server errors and wrong sizes give typed errors; nothing is installed")
    func failures() async throws {
        let (fixture, releases, packages, server, store) = try await setUp()
        let updater = try client(fixture, store)
        // A 404 is not retried; an attempt before it may have timed out on a loaded machine
        // (seen once in a full parallel run: 2 attempts), so the count is not pinned here.
        let missing = server.url("/missing/releases.json").absoluteString
        await #expect {
            try await updater.check(server.url("/missing/releases.json"))
        } throws: { error in
            (error as? FetchError)?.httpStatus == 404 && "\(error)".hasPrefix(missing + " answered HTTP 404")
        }
        var published = try ReleasePublisher.publish(packages: [packages[1]], to: releases, channel: "lying", trustedKeys: fixture.trusted)
        published.releases[0].package.size += 100
        try rewrite(published, at: releases.appendingPathComponent("lying/releases.json"))
        await #expect {
            try await updater.updateAll(server.url("/lying/releases.json"), activation: .now)
        } throws: { error in
            guard case .sizeMismatch? = (error as? FetchError)?.details else { return false }
            return true
        }
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.0.0"))
        await server.shutdown()
    }
}

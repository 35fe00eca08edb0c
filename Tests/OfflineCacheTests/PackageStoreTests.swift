// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache
import Synchronization
import Testing

/// Flags shared between the installing and the reading task.
final class SharedProgress: Sendable {
    let finished = Atomic<Bool>(false)
    let reads = Atomic<Int>(0)
    let problems = Mutex<[String]>([])
}

@Suite("Package store: install, activate, rollback, evict, presets, recovery")
struct PackageStoreTests {
    let demo = AppID(rawValue: "demo")!

    @Test("install makes a version active; files land verified under the version folder")
    func installActivates() throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        let receipt = try store.install(packageAt: try fixture.package(version: "1.0.0"))
        #expect(receipt.activated && receipt.previousVersion == nil)
        let active = try #require(try store.activePackage(demo))
        #expect(active.version == PackageVersion("1.0.0"))
        let script = try String(contentsOf: active.filesDirectory.appendingPathComponent("index.js"), encoding: .utf8)
        #expect(script.contains("v1.0.0"))
        let second = try store.install(packageAt: try fixture.package(version: "1.1.0"))
        #expect(second.previousVersion == PackageVersion("1.0.0"))
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.1.0"))
        let app = try #require(try store.installedApp(demo))
        #expect(app.versions.map(\.version) == [PackageVersion("1.0.0")!, PackageVersion("1.1.0")!])
        #expect(app.versions.allSatisfy { $0.signerKeyID == fixture.key.publicKey.keyID })
    }

    @Test("one trip per launch: a pending version is activated and its launch begun; a confirmed version says so")
    func activateAndBeginLaunch() throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        try store.install(packageAt: try fixture.package(version: "1.0.0"))
        let first = try #require(try store.activatePendingAndBeginLaunch(demo))
        #expect(first.version == PackageVersion("1.0.0") && !first.confirmed && !first.onProbation && first.unconfirmedLaunches == 1)
        try store.confirmLaunch(demo, version: first.version)
        let again = try #require(try store.activatePendingAndBeginLaunch(demo))
        #expect(again.confirmed && again.unconfirmedLaunches == 0)

        try store.install(packageAt: try fixture.package(version: "2.0.0"), options: .init(activate: false, markPending: true))
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.0.0"))
        let update = try #require(try store.activatePendingAndBeginLaunch(demo))
        #expect(update.version == PackageVersion("2.0.0") && update.onProbation && !update.confirmed && update.unconfirmedLaunches == 1)
        #expect(try store.installedApp(demo)?.pendingVersion == nil)
        #expect(try store.activePackage(demo)?.version == PackageVersion("2.0.0"))
    }

    @Test("rollback returns to the previous version and records why; nothing to roll back to is an error")
    func rollback() throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        try store.install(packageAt: try fixture.package(version: "1.0.0"))
        #expect(throws: PackageError.nothingToRollBackTo(demo)) { try store.rollback(demo, reason: "test") }
        try store.install(packageAt: try fixture.package(version: "2.0.0"))
        let record = try store.rollback(demo, reason: "onLaunch threw")
        #expect(record.from == PackageVersion("2.0.0") && record.to == PackageVersion("1.0.0"))
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.0.0"))
        let app = try #require(try store.installedApp(demo))
        #expect(app.lastRollback?.reason == "onLaunch threw")
        #expect(app.versions.first { $0.version == PackageVersion("2.0.0") }?.rolledBackReason == "onLaunch threw")
    }

    @Test("old versions are evicted beyond the retention count, never the active one or the rollback target")
    func eviction() throws {
        let fixture = try Fixture()
        let store = try fixture.store(retained: 2)
        for version in ["1.0.0", "1.1.0", "1.2.0"] {
            try store.install(packageAt: try fixture.package(version: version))
        }
        let receipt = try store.install(packageAt: try fixture.package(version: "1.3.0"))
        #expect(receipt.evicted == [PackageVersion("1.1.0")!])
        let versions = try #require(try store.installedApp(demo)).versions.map(\.version.description)
        #expect(versions == ["1.2.0", "1.3.0"])
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: fixture.url("store/apps/demo/versions").path).sorted()
        #expect(onDisk == ["1.2.0", "1.3.0"])
        try store.rollback(demo, reason: "test")
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.2.0"))
    }

    @Test("downgrades need permission; an inactive install can be activated later")
    func downgradeAndPending() throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        try store.install(packageAt: try fixture.package(version: "2.0.0"))
        let older = try fixture.package(version: "1.0.0")
        #expect(throws: PackageError.self) { try store.install(packageAt: older) }
        try store.install(packageAt: older, options: .init(allowDowngrade: true, activate: false))
        #expect(try store.activePackage(demo)?.version == PackageVersion("2.0.0"))
        try store.activate(demo, version: PackageVersion("1.0.0")!)
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.0.0"))
    }

    @Test("presets install when the app is missing or older, and are skipped otherwise")
    func presets() throws {
        let fixture = try Fixture()
        let presets = fixture.url("presets")
        try FileManager.default.createDirectory(at: presets, withIntermediateDirectories: true)
        try fixture.package("alpha", version: "1.0.0", name: "presets/alpha.zip")
        try fixture.package("beta", version: "2.0.0", name: "presets/beta.zip")
        try Data("not a zip".utf8).write(to: presets.appendingPathComponent("broken.zip"))
        let store = try fixture.store()
        let first = store.installPresets(from: presets)
        #expect(first.filter { if case .installed = $0 { true } else { false } }.count == 2)
        #expect(first.filter { if case .failed = $0 { true } else { false } }.count == 1)
        let second = store.installPresets(from: presets)
        #expect(second.filter { if case .skipped = $0 { true } else { false } }.count == 2)
        #expect(try store.installedApps().map(\.appId.rawValue) == ["alpha", "beta"])
    }

    @Test("remove deletes an app atomically")
    func remove() throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        try store.install(packageAt: try fixture.package(version: "1.0.0"))
        try store.remove(demo)
        #expect(try store.activePackage(demo) == nil)
        #expect(try store.installedApps().isEmpty)
        #expect(throws: PackageError.notInstalled(demo)) { try store.remove(demo) }
    }

    @Test("opening a store removes staging leftovers and uncommitted versions, keeping the active one")
    func recovery() throws {
        let fixture = try Fixture()
        do {
            let store = try fixture.store()
            try store.install(packageAt: try fixture.package(version: "1.0.0"))
        }
        let manager = FileManager.default
        try manager.createDirectory(at: fixture.url("store/staging/demo-\(UUID().uuidString)/files"), withIntermediateDirectories: true)
        try manager.createDirectory(at: fixture.url("store/apps/demo/versions/9.9.9/files"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: fixture.url("store/apps/demo/.state.json.tmp-123"))
        let reopened = try fixture.store()
        #expect(try manager.contentsOfDirectory(atPath: fixture.url("store/staging").path).isEmpty)
        #expect(try manager.contentsOfDirectory(atPath: fixture.url("store/apps/demo/versions").path) == ["1.0.0"])
        #expect(!manager.fileExists(atPath: fixture.url("store/apps/demo/.state.json.tmp-123").path))
        #expect(try reopened.activePackage(demo)?.version == PackageVersion("1.0.0"))
    }

    @Test("two installs of the same package race safely: one wins, the other is told it is installed")
    func racingInstalls() async throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        let package = try fixture.package(version: "1.0.0")
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        try store.install(packageAt: package)
                        return "installed"
                    } catch let error as PackageError where error.code == .versionAlreadyInstalled {
                        return "already"
                    } catch {
                        return "error: \(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.sorted() == ["already", "already", "already", "installed"])
    }

    @Test("readers never see a partially installed version, nor lose a leased one, while installs run")
    func readersDuringInstalls() async throws {
        let fixture = try Fixture()
        let store = try fixture.store(retained: 3)
        try store.install(packageAt: try fixture.package(version: "1.0.0"))
        let packages = try (1...8).map { try fixture.package(version: "1.\($0).0") }
        let shared = SharedProgress()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for package in packages { _ = try? store.install(packageAt: package) }
                shared.finished.store(true, ordering: .releasing)
            }
            group.addTask {
                let reader = VerifiedFileReader()
                while !shared.finished.load(ordering: .acquiring) || shared.reads.load(ordering: .relaxed) == 0 {
                    await Task.yield()  // never monopolize a cooperative thread the installer needs
                    do {
                        guard let (active, lease) = try store.leaseActive(AppID(rawValue: "demo")!) else {
                            shared.problems.withLock { $0.append("no active version") }
                            continue
                        }
                        defer { withExtendedLifetime(lease) {} }
                        for (path, hash) in active.manifest.files {
                            _ = try reader.read(path, in: active.filesDirectory, expectedSHA256: hash)
                        }
                        shared.reads.add(1, ordering: .relaxed)
                    } catch {
                        shared.problems.withLock { $0.append("\(error)") }
                    }
                }
            }
        }
        #expect(shared.problems.withLock { $0 }.isEmpty)
        #expect(shared.reads.load(ordering: .relaxed) > 0)
        #expect(try store.activePackage(demo)?.version == PackageVersion("1.8.0"))
    }
}

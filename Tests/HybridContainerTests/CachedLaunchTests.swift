// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// A launch of a confirmed version begins from the store's and the reader's caches (no trip to
/// the blocking pool): what it launches must be exactly what the slow path would.
@Suite("Launches begun from the caches")
struct CachedLaunchTests {
    static let original = "globalThis.marker = 'original'; App({});"
    /// The same length: only the content (and the file's ctime) differs.
    static let tampered = "globalThis.marker = 'tampered'; App({});"

    private func marker(_ container: MicroAppContainer, _ instanceID: UInt64) async throws -> String {
        try await container.context(of: instanceID).evaluate("marker", as: String.self)
    }

    @Test("an entry file rewritten on disk after it was kept in memory is read and checked again")
    func rewrittenEntryIsCheckedAgain() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("cached", script: Self.original, into: container)
        // The first launch reads and keeps the entry; the second begins from the caches.
        for _ in 0..<2 {
            let app = try await container.launch(.installed("cached"))
            #expect(try await marker(container, app.instanceID) == "original")
            try await container.destroy(app.instanceID)
        }
        let active = try #require(try container.store.activePackage(AppID(rawValue: "cached")!))
        let entry = active.filesDirectory.appendingPathComponent("index.js")
        let modified = try FileManager.default.attributesOfItem(atPath: entry.path)[.modificationDate]
        try Data(Self.tampered.utf8).write(to: entry)
        // Same size, same mtime: only the ctime tells the file changed.
        try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: entry.path)
        let error = await #expect(throws: ContainerError.self) { try await container.launch(.installed("cached")) }
        #expect(error?.code == .loadFailed)
        // Put back, the file is verified again and runs.
        try Data(Self.original.utf8).write(to: entry)
        let again = try await container.launch(.installed("cached"))
        #expect(try await marker(container, again.instanceID) == "original")
        await container.shutdown()
    }

    @Test("a pending update is activated by the next launch even when the caches could begin it")
    func pendingUpdateIsActivated() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("cached", script: Self.original, version: "1.0.0", into: container)
        for _ in 0..<2 {
            let app = try await container.launch(.installed("cached"))
            try await container.destroy(app.instanceID)
        }
        let update = try fixture.pack("cached", script: "globalThis.marker = 'updated'; App({});", version: "2.0.0")
        try container.store.install(packageAt: update, options: .init(activate: false, markPending: true))
        let app = try await container.launch(.installed("cached"))
        #expect(app.version.description == "2.0.0")
        #expect(try await marker(container, app.instanceID) == "updated")
        await container.shutdown()
    }

    @Test("an entry script whose last value JSON cannot hold (a cycle, a BigInt) still launches")
    func entryValueIsNotConverted() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("cyclic", script: "App({}); const a = {}; a.self = a; a", into: container)
        try fixture.install("bigint", script: "App({}); 10n ** 30n", into: container)
        for name in ["cyclic", "bigint"] {
            let app = try await container.launch(.installed(name))
            #expect(await container.state(of: app.instanceID) != nil)
        }
        await container.shutdown()
    }
}

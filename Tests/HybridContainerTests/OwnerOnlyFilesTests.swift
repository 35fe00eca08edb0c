// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Files other local users may not read")
struct OwnerOnlyFilesTests {
    @Test("the store's folders are owner-only (0700) and the storage database owner-only (0600)")
    func modes() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install(
            "notes", script: "App({ onLaunch() { JSBridge.callSync('setStorageSync', { key: 'k', data: 1 }); } })",
            permissions: ["storage"], into: container)
        _ = try await container.launch(.installed("notes"))
        func mode(_ url: URL) throws -> Int {
            ((try FileManager.default.attributesOfItem(atPath: url.path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        let store = fixture.root.appendingPathComponent("store")
        for folder in ["apps", "staging", "locks"] {
            #expect(try mode(store.appendingPathComponent(folder)) == 0o700, "\(folder)")
        }
        #expect(try mode(fixture.root.appendingPathComponent("storage.sqlite")) == 0o600)
        #expect(try mode(fixture.root.appendingPathComponent("storage.sqlite.generations")) == 0o600)
        await container.shutdown()
    }
}

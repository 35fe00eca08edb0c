// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import BuiltInPlugins
import Foundation
import HybridContainer
import PageRenderer
import Testing

/// A mini-program written to a fresh folder, and a developer-mode container for it.
enum TestAppFolder {
    /// Writes `files` (path → text) into a new temporary folder named with `prefix`.
    static func write(_ files: [String: String], prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// A developer-mode container storing in `folder/.store`, on `device`, with the built-in
    /// plugins (storage, files, info …).
    static func container(
        storeIn folder: URL, device: VirtualDevice, configure: (inout ContainerConfiguration) -> Void = { _ in }
    ) async throws -> MicroAppContainer {
        var configuration = ContainerConfiguration(storeDirectory: folder.appendingPathComponent(".store"), trustedKeys: TrustedKeys())
        configuration.developerMode = true
        configuration.miniProgram.device = device
        try BuiltInPlugins.register(
            into: &configuration.plugins, storageDatabase: folder.appendingPathComponent(".store/storage.sqlite"), deviceID: "test")
        configure(&configuration)
        return try await MicroAppContainer(configuration: configuration)
    }

    /// Runs `body` with `files` launched (settled) in a container whose pages ``LivePages`` follows;
    /// everything is shut down and removed afterwards, however `body` ends.
    static func withLiveApp(
        _ files: [String: String], prefix: String, device: VirtualDevice = PictureTests.device,
        _ body: (MicroAppContainer, MiniProgramSession, LivePages) async throws -> Void
    ) async throws {
        let live = LivePages()
        let folder = try write(files, prefix: prefix)
        defer { try? FileManager.default.removeItem(at: folder) }
        let container = try await container(storeIn: folder, device: device) { $0.miniProgram.layoutEngine = live }
        do {
            let app = try await container.launch(.directory(folder))
            #expect(try await container.waitUntilSettled(app.instanceID, timeout: .seconds(120)))
            try await body(container, try await container.miniProgram(app.instanceID), live)
        } catch {
            await container.shutdown()
            await live.shutdown()
            throw error
        }
        await container.shutdown()
        await live.shutdown()
    }
}

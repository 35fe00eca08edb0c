// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import BuiltInPlugins
import Foundation
import HybridContainer

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
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging

/// What the mini-program benchmarks share: an app written from source files, and a container
/// with the built-in plugins, no rate limits, long deadlines, no logging and a discarding render sink.
enum BenchApps {
    static func write(_ files: [String: String], to folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static func container(
        root: URL, configure: (inout ContainerConfiguration) -> Void = { _ in }
    ) async throws -> MicroAppContainer {
        var configuration = ContainerConfiguration(storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([]))
        configuration.developerMode = true
        configuration.probationPeriod = .zero
        configuration.apiRateLimits = .none
        configuration.executionTimeLimit = .seconds(600)
        configuration.hookTimeout = .seconds(600)
        configuration.miniProgram.renderSink = RenderBenchmark.DiscardingSink()
        configuration.logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        try BuiltInPlugins.register(
            into: &configuration.plugins, storageDatabase: root.appendingPathComponent("storage.sqlite"), deviceID: "bench")
        configure(&configuration)
        return try await MicroAppContainer(configuration: configuration)
    }
}

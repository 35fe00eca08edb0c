// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Runs `body` with a container in a fresh temporary store (removed afterwards, also on error),
/// in developer mode, with no trusted keys unless `configure` adds some; shuts it down after.
///
/// ```swift
/// try await withContainer { configuration in
///     try configuration.plugins.register(GreeterPlugin())
/// } body: { container in
///     let app = try await container.launch(.folder(appFolder))
///     …
/// }
/// ```
public func withContainer<T: Sendable>(
    configure: (inout ContainerConfiguration) throws -> Void = { _ in },
    body: (MicroAppContainer) async throws -> T
) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var configuration = ContainerConfiguration(storeDirectory: directory.appendingPathComponent("store"), trustedKeys: TrustedKeys())
    configuration.developerMode = true
    try configure(&configuration)
    let container = try await MicroAppContainer(configuration: configuration)
    do {
        let result = try await body(container)
        await container.shutdown()
        return result
    } catch {
        await container.shutdown()
        throw error
    }
}

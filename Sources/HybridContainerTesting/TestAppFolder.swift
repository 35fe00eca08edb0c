// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// A plain app written to a temporary folder, for `container.launch(.directory(folder.url))` in
/// developer mode: a `manifest.json` and an `index.js`.
public struct TestAppFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Writes an app `appId` whose entry script is `script`, declaring `permissions`.
    public init(appId: String, version: String = "1.0.0", permissions: [String] = [], script: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let manifest: JSONValue = [
            "appId": .string(appId), "name": .string(appId), "version": .string(version), "entry": "index.js",
            "permissions": .array(permissions.map(JSONValue.string)),
        ]
        try Data((manifest.stringified() ?? "{}").utf8).write(to: url.appendingPathComponent("manifest.json"))
        try Data(script.utf8).write(to: url.appendingPathComponent("index.js"))
    }

    /// Deletes the folder.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GreeterPlugin
import HybridContainer

// A host that registers GreeterPlugin, packs the app in ../App with a fresh key, installs it,
// runs it until idle, and exits non-zero if anything went wrong.

let appFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../App").standardized
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("greeter-host-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: workspace) }

let key = PackageSigningKey.generate()
var configuration = ContainerConfiguration(
    storeDirectory: workspace.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
try configuration.plugins.register(GreeterPlugin())
try BuiltInPlugins.register(
    into: &configuration.plugins, storageDatabase: workspace.appendingPathComponent("storage.sqlite"), deviceID: "greeter-host")
let problems = ProblemCounter()
configuration.onEvent = { event in
    switch event {
    case .console(_, let message): print(message.text)
    case .hookFailed, .scriptProblem, .launchFailed:
        problems.add()
        FileHandle.standardError.write(Data("problem: \(event)\n".utf8))
    default: break
    }
}

let container = try await MicroAppContainer(configuration: configuration)
let package = workspace.appendingPathComponent("greeted.zip")
try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
try PackageBuilder.build(from: appFolder, signingKey: key, output: package)
let app = try await container.launch(.packageFile(package))
await (try container.context(of: app.instanceID)).waitUntilIdle()
try await container.destroy(app.instanceID)
await container.shutdown()
if problems.count > 0 { exit(1) }
print("greeter-host: OK")

/// Counts problems reported from any thread.
final class ProblemCounter: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

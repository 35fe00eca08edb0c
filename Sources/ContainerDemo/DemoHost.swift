// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer
import Logging
import Synchronization

/// A container set up the way the demo shows it: built-in plugins, a store folder, every
/// container event printed (console output on stdout, everything else on stderr).
final class DemoHost: Sendable {
    let container: MicroAppContainer
    let storeDirectory: URL
    /// The built-in storage plugin's database (read by `--dump storage`).
    var storageDatabase: URL { storeDirectory.appendingPathComponent("storage.sqlite") }
    private let errors = ErrorCounter()

    /// JavaScript errors seen (failed hooks, uncaught errors, failed launches).
    var errorCount: Int { errors.value }

    init(
        storeDirectory: URL, trustedKeys: TrustedKeys, developerMode: Bool, updateChannel: URL? = nil,
        consoleToStandardError: Bool = false, configure: (inout ContainerConfiguration) -> Void = { _ in }
    ) async throws {
        self.storeDirectory = storeDirectory
        var configuration = ContainerConfiguration(storeDirectory: storeDirectory, trustedKeys: trustedKeys)
        configuration.developerMode = developerMode
        configuration.updateChannel = updateChannel
        configuration.miniProgram.renderSink = TerminalRenderSink()
        configuration.logger = Logger(label: "container-demo", factory: { _ in SwiftLogNoOpLogHandler() })
        try BuiltInPlugins.register(
            into: &configuration.plugins, storageDatabase: storeDirectory.appendingPathComponent("storage.sqlite"),
            deviceID: DeviceProfile.localHostName, hostName: "container-demo", hostVersion: "1.0")
        let errors = self.errors
        configuration.onEvent = { event in
            switch event {
            case .console(let app, let message):
                if consoleToStandardError {
                    Terminal.diagnostic("[\(app.appId.rawValue)] \(message.level.rawValue): \(message.text)")
                } else {
                    Terminal.console(app.appId.rawValue, message.level.rawValue, message.text)
                }
            case .hookFailed, .scriptProblem, .launchFailed:
                errors.increment()
                Terminal.diagnostic("  ✗ \(event)")
            default:
                Terminal.diagnostic("  • \(event)")
            }
        }
        configure(&configuration)
        container = try await MicroAppContainer(configuration: configuration)
    }

    /// Launch → start → run until idle (or `duration`; with `stayUntilDuration` until `duration`
    /// in any case) → stop → destroy. An app that never goes
    /// idle (an interval it never clears) is stopped at `duration`: it gets onStop/onHide, then
    /// destroy clears its timers.
    func runToCompletion(
        _ source: LaunchSource, query: [String: String], duration: Duration, panels: PanelDump? = nil,
        stayUntilDuration: Bool = false
    ) async throws {
        let began = ContinuousClock.now
        let app = try await container.launch(source, options: LaunchOptions(query: query))
        let context = try await container.context(of: app.instanceID)
        if !(await context.waitUntilIdle(timeout: duration)) {
            Terminal.diagnostic("  • still busy after \(duration); stopping it")
        } else if stayUntilDuration {
            // Inspected: the app stays for a debugger to attach until --duration ends.
            try? await Task.sleep(until: began + duration)
        }
        try await panels?.print(app, container: container)
        if await container.state(of: app.instanceID) == .started { try await container.stop(app.instanceID) }
        try await container.destroy(app.instanceID)
    }
}

/// Counts errors reported from any thread.
final class ErrorCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

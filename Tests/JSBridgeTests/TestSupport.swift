// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Logging
import Synchronization

/// Collects what contexts report to the host, for assertions.
final class Recorder: Sendable {
    private let consoleLines = Mutex<[ConsoleMessage]>([])
    private let diagnosticList = Mutex<[ScriptDiagnostic]>([])

    var console: [ConsoleMessage] { consoleLines.withLock { $0 } }
    var diagnostics: [ScriptDiagnostic] { diagnosticList.withLock { $0 } }

    func configuration(
        name: String = "test", bridge: any BridgeDispatching = BridgeMethodTable.empty,
        executionTimeLimit: Duration? = .seconds(10), callTimeout: Duration = .seconds(30)
    ) -> ScriptContext.Configuration {
        ScriptContext.Configuration(
            name: name, bridge: bridge, executionTimeLimit: executionTimeLimit, callTimeout: callTimeout,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            onConsole: { message in self.consoleLines.withLock { $0.append(message) } },
            onDiagnostic: { diagnostic in self.diagnosticList.withLock { $0.append(diagnostic) } })
    }
}

/// A fresh runtime and one context, released at the end of `body`.
func withContext(
    _ configuration: ScriptContext.Configuration = .init(name: "test"),
    _ body: (ScriptContext) async throws -> Void
) async throws {
    let runtime = JSRuntime()
    let context = try await runtime.makeContext(configuration)
    do {
        try await body(context)
        await context.release()
    } catch {
        await context.release()
        throw error
    }
}

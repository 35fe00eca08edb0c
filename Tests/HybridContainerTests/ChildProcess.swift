// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainerTesting

/// Runs a product built next to the test binary (`hostile-values`, `container-demo`) as a child
/// process and collects its output, so a trap in it is a report, not the test runner's death.
struct ChildProcess {
    struct Result {
        var status: Int32
        /// True when a signal ended it (a trap, or the safety kill).
        var crashed: Bool
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    static func product(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Starts `name` with `arguments`; `run` waits for it.
    static func start(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = product(name)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, stdout: stdout, stderr: stderr)
    }

    /// Runs `name` to its end; a safety limit (not an assertion) kills it if it hangs.
    static func run(_ name: String, _ arguments: [String], safetyLimit: Duration = .seconds(300)) async throws -> Result {
        try await start(name, arguments).finish(safetyLimit: safetyLimit)
    }

    final class Running: Sendable {
        let process: Process
        let stdout: Pipe
        let stderr: Pipe

        init(process: Process, stdout: Pipe, stderr: Pipe) {
            self.process = process
            self.stdout = stdout
            self.stderr = stderr
        }

        func finish(safetyLimit: Duration = .seconds(300)) async throws -> Result {
            let process = self.process
            let killer = Task {
                try await Task.sleep(for: safetyLimit)
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
            // Reads and the wait block: each on its own thread, never on the cooperative pool.
            async let out = blockingWork { self.stdout.fileHandleForReading.readDataToEndOfFile() }
            async let err = blockingWork { self.stderr.fileHandleForReading.readDataToEndOfFile() }
            let (outData, errData) = await (out, err)
            await blockingWork { process.waitUntilExit() }
            killer.cancel()
            return Result(
                status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
                stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import Logging

/// `container-demo`: try micro-apps from the command line.
@main
struct ContainerDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "container-demo",
        abstract: "Run HybridContainer micro-apps from the command line.",
        subcommands: [
            ShowcaseCommand.self, RunCommand.self, KeygenCommand.self, PackCommand.self, InstallCommand.self,
            PublishCommand.self, UpdateCommand.self, VerifyCommand.self, ListCommand.self, RollbackCommand.self,
            RemoveCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: ShowcaseCommand.self)

    /// Library logs go to stderr at `warning` (set HYBRID_LOG_LEVEL=info or debug for more).
    static func main() async {
        let level = ProcessInfo.processInfo.environment["HYBRID_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CocoaError {
            // File problems in words ("no such file: k.pub"), not Foundation's error domains.
            Terminal.diagnostic("Error: \(ErrorText.describe(error))")
            Foundation.exit(1)
        } catch let error as POSIXError {
            Terminal.diagnostic("Error: \(ErrorText.describe(error))")
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

import ArgumentParser
import Foundation

/// The default command (what `make demo` runs): every example app, one after another.
struct ShowcaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showcase",
        abstract: "Run every example app under Examples/ and show what each does.")

    @Option(help: "The folder holding the example apps.")
    var examples: String = "Examples"

    @Option(help: "Stop an app that is not idle after this many seconds.")
    var duration: Double = 10

    func run() async throws {
        let root = URL(fileURLWithPath: examples)
        let entries = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.js").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !entries.isEmpty else {
            throw ValidationError("no example apps (folders with index.js) under \(root.path)")
        }
        var failures = 0
        for directory in entries {
            let app = try ScriptApp(directory: directory)
            Terminal.banner("▶ \(app.name)  (\(directory.path))")
            let outcome = await AppRunner(app: app, query: [:], duration: .seconds(duration)).run()
            if !outcome.succeeded { failures += 1 }
            Terminal.diagnostic(outcome.summary)
        }
        if failures > 0 { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation

/// `container-demo run <dir>`: one app from a folder holding `index.js`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one app from a folder holding index.js.",
        discussion: """
            Console output goes to stdout; lifecycle and diagnostics to stderr. The app runs until \
            it is idle (no timers or pending calls) or --duration ends. Exits non-zero on JavaScript errors.
            """)

    @Argument(help: "The app's folder.")
    var directory: String

    @Option(name: .customLong("query"), help: "A launch parameter k=v (repeatable).")
    var queryItems: [String] = []

    @Option(help: "Stop the app after this many seconds if it is not idle.")
    var duration: Double = 30

    func run() async throws {
        var query: [String: String] = [:]
        for item in queryItems {
            guard let separator = item.firstIndex(of: "=") else {
                throw ValidationError("--query takes k=v, got \(item)")
            }
            query[String(item[..<separator])] = String(item[item.index(after: separator)...])
        }
        let app = try ScriptApp(directory: URL(fileURLWithPath: directory))
        let outcome = await AppRunner(app: app, query: query, duration: .seconds(duration)).run()
        Terminal.diagnostic(outcome.summary)
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

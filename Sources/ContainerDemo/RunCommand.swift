import ArgumentParser
import Foundation
import HybridContainer

/// `container-demo run <dir>`: one app from a folder, in developer mode.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one app from a folder (manifest.json + files) in developer mode.",
        discussion: """
            Console output goes to stdout; lifecycle and diagnostics to stderr. The app runs until \
            it is idle (no timers or pending calls) or --duration ends, then stops and is destroyed. \
            Exits with status 1 if the app raised JavaScript errors.
            """)

    @Argument(help: "The app's folder.")
    var directory: String

    @Option(name: .customLong("query"), help: "A launch parameter k=v (repeatable).")
    var queryItems: [String] = []

    @Option(help: "Stop the app after this many seconds if it is not idle.")
    var duration: Double = 30

    @Option(help: "The store folder (storage persists there).")
    var store: String?

    func run() async throws {
        var query: [String: String] = [:]
        for item in queryItems {
            guard let separator = item.firstIndex(of: "=") else { throw ValidationError("--query takes k=v, got \(item)") }
            query[String(item[..<separator])] = String(item[item.index(after: separator)...])
        }
        let folder = URL(fileURLWithPath: directory)
        Terminal.diagnostic("warning: \(folder.path) runs in developer mode (unsigned, not verified)")
        let storeURL = store.map(URL.init(fileURLWithPath:))
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("container-demo-run")
        let host = try await DemoHost(storeDirectory: storeURL, trustedKeys: TrustedKeys(), developerMode: true)
        do {
            try await host.runToCompletion(.directory(folder), query: query, duration: .seconds(duration))
        } catch {
            Terminal.diagnostic("error: \(error)")
            await host.container.shutdown()
            throw ExitCode(1)
        }
        await host.container.shutdown()
        if host.errorCount > 0 { throw ExitCode(1) }
    }
}

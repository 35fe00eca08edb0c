import ArgumentParser
import Foundation
import HybridContainer

/// The default command (what `make demo` runs): packs every example app into a signed
/// package, installs it into a temporary store and runs it, then relaunches the first one
/// to show that its storage survived.
struct ShowcaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showcase",
        abstract: "Pack, sign, install and run every example app under Examples/.")

    @Option(help: "The folder holding the example apps (folders with manifest.json).")
    var examples: String = "Examples"

    @Option(help: "Stop an app that is not idle after this many seconds.")
    var duration: Double = 10

    func run() async throws {
        let root = URL(fileURLWithPath: examples)
        let folders = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("manifest.json").path) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("index.js").path) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !folders.isEmpty else { throw ValidationError("no example apps (folders with manifest.json and index.js) under \(root.path)") }

        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("container-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let key = PackageSigningKey.generate()
        Terminal.banner("▶ signing key \(key.publicKey.keyID) (generated for this run); store \(workspace.path)")
        let host = try await DemoHost(
            storeDirectory: workspace.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]),
            developerMode: false)

        var appIds: [String] = []
        for folder in folders {
            let package = workspace.appendingPathComponent("\(folder.lastPathComponent).zip")
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
            let manifest = try PackageBuilder.build(from: folder, signingKey: key, output: package)
            let receipt = try host.container.store.install(packageAt: package)
            Terminal.banner("▶ \(manifest.appId) \(manifest.version): packed \(manifest.files.count) file(s), signed, installed (\(receipt.bytes) bytes)")
            try await host.runToCompletion(.installed(manifest.appId.rawValue), query: ["demo": "showcase"], duration: .seconds(duration))
            appIds.append(manifest.appId.rawValue)
        }
        if let first = appIds.first {
            Terminal.banner("▶ \(first) again: its storage survived the first run")
            try await host.runToCompletion(.installed(first), query: ["demo": "relaunch"], duration: .seconds(duration))
        }
        await host.container.shutdown()
        Terminal.banner("done: \(appIds.count) app(s); \(host.errorCount) JavaScript error(s) reported (the timers app fails on purpose)")
    }
}

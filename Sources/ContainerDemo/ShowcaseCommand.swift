// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer
import LoopbackServer

/// The default command (what `make demo` runs): a tour of the container on the example apps.
///
/// It generates a signing key, packs and installs the examples into a temporary store, and
/// starts a local server on 127.0.0.1 for a weather API, an online copy and a release channel.
/// Then it runs hello, todo, timers and weather from their packages, drives the notes
/// mini-program and smoke-tests it page by page, runs the fallback app from
/// its online copy (nothing installed), publishes hello 1.1.0 as a delta, updates, and
/// relaunches hello on the new version with its storage intact.
struct ShowcaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showcase",
        abstract: "Tour: pack, sign, install and run the example apps; online fallback; an update.")

    @Option(help: "The folder holding the example apps.")
    var examples: String = "Examples"

    @Option(help: "Stop an app that is not idle after this many seconds.")
    var duration: Double = 10

    func run() async throws {
        let root = URL(fileURLWithPath: examples)
        func folder(_ name: String) throws -> URL {
            let url = root.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path) else {
                throw ValidationError("\(url.path) is missing (run from the repository root, or pass --examples)")
            }
            return url
        }
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("container-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        let web = workspace.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: web.appendingPathComponent("api"), withIntermediateDirectories: true)
        try Data(#"{"city": "Hangzhou", "temperature": 21, "sky": "clear"}"#.utf8)
            .write(to: web.appendingPathComponent("api/weather.json"))
        let server = try await LoopbackServer.serving(web)
        let key = PackageSigningKey.generate()
        let trusted = TrustedKeys([key.publicKey])
        Terminal.banner("▶ signing key \(key.publicKey.keyID) (made for this run); local server \(server.baseURL.absoluteString)")
        let host = try await DemoHost(
            storeDirectory: workspace.appendingPathComponent("store"), trustedKeys: trusted, developerMode: false,
            updateChannel: server.url("/releases/stable/releases.json"))
        let packages = workspace.appendingPathComponent("packages")
        try FileManager.default.createDirectory(at: packages, withIntermediateDirectories: true)

        var first: URL?
        for name in ["hello", "todo", "timers", "weather"] {
            let package = packages.appendingPathComponent("\(name)-1.0.0.zip")
            let manifest = try PackageBuilder.build(from: try folder(name), signingKey: key, output: package)
            if first == nil { first = package }
            let receipt = try host.container.store.install(packageAt: package)
            Terminal.banner(
                "▶ \(manifest.appId) \(manifest.version): packed \(manifest.files.count) file(s), signed, verified, installed (\(receipt.bytes) bytes)"
            )
            let query = name == "weather" ? ["api": server.url("/api").absoluteString] : ["tour": "1"]
            try await host.runToCompletion(.installed(name), query: query, duration: .seconds(duration))
        }

        try Data(#"{"title": "A note from the server"}"#.utf8).write(to: web.appendingPathComponent("api/note.json"))
        let notes = packages.appendingPathComponent("miniprogram-1.0.0.zip")
        try PackageBuilder.build(from: try folder("miniprogram"), signingKey: key, output: notes)
        try await ShowcaseMiniProgram(host: host, apiBase: server.url("/api")).run(package: notes)
        let rendered = packages.appendingPathComponent("render-miniprogram-1.0.0.zip")
        try PackageBuilder.build(from: try folder("render-miniprogram"), signingKey: key, output: rendered)
        try await ShowcaseMiniProgram(host: host, apiBase: server.url("/api")).runRendered(package: rendered)

        Terminal.banner("▶ fallback: not installed; launched from its online copy at \(server.url("/fallback/").absoluteString)")
        try publishOnlineCopy(of: try folder("fallback"), key: key, into: web.appendingPathComponent("fallback"), scratch: packages)
        try await host.runToCompletion(
            .online(appId: "fallback", fallbackBaseURL: server.url("/fallback/")), query: [:], duration: .seconds(duration))

        Terminal.banner("▶ update: hello 1.1.0 published as a delta on the local release channel")
        let newer = try makeNewerHello(from: try folder("hello"), in: workspace)
        let hello11 = packages.appendingPathComponent("hello-1.1.0.zip")
        try PackageBuilder.build(from: newer, signingKey: key, output: hello11)
        if let first {
            let channel = try ReleasePublisher.publish(
                packages: [first, hello11], to: web.appendingPathComponent("releases"), channel: "stable", trustedKeys: trusted)
            for release in channel.releases {
                Terminal.diagnostic(
                    "  • published \(release.appId) \(release.version) (\(release.package.size) B\(release.deltas.map { ", Δ from \($0.from) \($0.file.size) B" }.joined()))"
                )
            }
        }
        for receipt in try await host.container.checkForUpdates() {
            Terminal.diagnostic("  • downloaded \(receipt.appId) \(receipt.version) by \(receipt.method) (\(receipt.downloadedBytes) B)")
        }
        try await host.runToCompletion(.installed("hello"), query: ["tour": "2"], duration: .seconds(duration))

        await host.container.shutdown()
        await server.shutdown()
        Terminal.banner("done; \(host.errorCount) JavaScript error(s) reported (the timers app fails on purpose)")
    }

    /// Lays out an app's online copy: its files, `manifest.json` and `manifest.sig`.
    private func publishOnlineCopy(of source: URL, key: PackageSigningKey, into target: URL, scratch: URL) throws {
        let package = scratch.appendingPathComponent("\(source.lastPathComponent)-online.zip")
        let manifest = try PackageBuilder.build(from: source, signingKey: key, output: package)
        let verified = try PackageVerifier.verify(packageAt: package, trusting: TrustedKeys([key.publicKey]))
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try verified.manifestBytes.write(to: target.appendingPathComponent("manifest.json"))
        try ManifestSignature(signing: verified.manifestBytes, with: key).encoded().write(to: target.appendingPathComponent("manifest.sig"))
        for path in manifest.files.keys {
            let destination = target.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(path), to: destination)
        }
    }

    /// hello with version 1.1.0 and one more line, as a developer would ship a fix.
    private func makeNewerHello(from source: URL, in workspace: URL) throws -> URL {
        let copy = workspace.appendingPathComponent("hello-1.1.0")
        try FileManager.default.copyItem(at: source, to: copy)
        let manifestURL = copy.appendingPathComponent("manifest.json")
        let manifest = try String(contentsOf: manifestURL, encoding: .utf8).replacingOccurrences(of: "\"1.0.0\"", with: "\"1.1.0\"")
        try manifest.write(to: manifestURL, atomically: true, encoding: .utf8)
        let script = copy.appendingPathComponent("index.js")
        let text = try String(contentsOf: script, encoding: .utf8) + "\nconsole.log('hello 1.1.0: this line arrived with the update');\n"
        try text.write(to: script, atomically: true, encoding: .utf8)
        return copy
    }
}

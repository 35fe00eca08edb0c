// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer

/// `keygen --out NAME`: NAME.key (private) and NAME.pub (public).
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keygen", abstract: "Create an Ed25519 signing key pair.")

    @Option(help: "Writes NAME.key (keep it secret) and NAME.pub.")
    var out: String

    func run() throws {
        let key = PackageSigningKey.generate()
        let privateURL = URL(fileURLWithPath: out + ".key")
        guard !FileManager.default.fileExists(atPath: privateURL.path) else {
            throw ValidationError("\(privateURL.path) exists; refusing to overwrite a key")
        }
        try key.textRepresentation.write(to: privateURL, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: privateURL.path)
        try key.publicKey.textRepresentation.write(toFile: out + ".pub", atomically: true, encoding: .utf8)
        print("key \(key.publicKey.keyID): \(out).key (private), \(out).pub (public)")
    }
}

/// `pack <dir> -o <file> --key NAME.key`.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack", abstract: "Pack a folder (manifest.json template + files) into a signed package.")

    @Argument(help: "The app folder.") var directory: String
    @Option(name: .shortAndLong, help: "The package file to write.") var output: String
    @Option(help: "The private key (NAME.key).") var key: String

    func run() throws {
        let signingKey = try PackageSigningKey(textRepresentation: String(contentsOfFile: key, encoding: .utf8))
        let manifest = try PackageBuilder.build(
            from: URL(fileURLWithPath: directory), signingKey: signingKey, output: URL(fileURLWithPath: output),
            transform: TypeScriptModules.packageTransform)
        print("\(output): \(manifest.appId) \(manifest.version), \(manifest.files.count) file(s), signed by \(signingKey.publicKey.keyID)")
    }
}

/// `install <file> --trust NAME.pub [--store DIR]`.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install", abstract: "Verify and install a package.")

    @Argument(help: "The package file.") var package: String
    @Flag(help: "Accept a version lower than the installed one.") var allowDowngrade = false
    @OptionGroup var trust: TrustOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = try storeOptions.open(trust)
        let bar = ProgressBar("installing")
        let receipt = try store.install(packageAt: URL(fileURLWithPath: package), options: .init(allowDowngrade: allowDowngrade)) { phase in
            if case .extracting(let written, let total) = phase { bar.update(written, of: total) }
        }
        output.emit(
            [
                "appId": receipt.appId.rawValue, "version": receipt.version.description, "bytes": receipt.bytes,
                "previous": receipt.previousVersion?.description as Any,
            ],
            text: "installed \(receipt.appId) \(receipt.version) (\(receipt.bytes) bytes) in \(storeOptions.storeURL.path)")
    }
}

/// `publish <package>… --to DIR --channel NAME --trust NAME.pub`.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Add packages to a release channel: DIR/NAME/releases.json with packages and deltas beside it.")

    @Argument(help: "Package files.") var packages: [String]
    @Option(help: "The release folder (serve it with any static HTTP server).") var to: String
    @Option(help: "The channel name.") var channel: String = "stable"
    @Option(help: "Share of devices that get the release (0-100).") var percentage: Double = 100
    @Option(help: "Deltas from this many earlier versions.") var deltas: Int = 2
    @OptionGroup var trust: TrustOptions

    func run() throws {
        let published = try ReleasePublisher.publish(
            packages: packages.map(URL.init(fileURLWithPath:)), to: URL(fileURLWithPath: to), channel: channel,
            trustedKeys: try trust.trustedKeys(), rollout: RolloutRules(percentage: percentage), deltaDepth: deltas)
        for release in published.releases {
            let deltaText = release.deltas.map { "Δ from \($0.from): \($0.file.size) B" }.joined(separator: ", ")
            print("\(release.appId) \(release.version): \(release.package.size) B\(deltaText.isEmpty ? "" : "; " + deltaText)")
        }
        print("\(to)/\(channel)/releases.json written")
    }
}

/// `update --channel URL --store DIR --trust NAME.pub`.
struct UpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Check a release channel and install updates (deltas where possible).")

    @Option(help: "URL of a releases.json (remembered by the store for later updates).") var channel: String?
    @Option(help: "This device's ID for rollout rules.") var deviceId: String = DeviceProfile.localHostName
    @Flag(help: "Activate now instead of at the next launch.") var now = false
    @OptionGroup var trust: TrustOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let remembered = storeOptions.storeURL.appendingPathComponent("channel.url")
        guard let text = channel ?? (try? String(contentsOf: remembered, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines),
            let url = URL(string: text), url.scheme != nil
        else { throw ValidationError("give --channel URL (a releases.json) the first time") }
        let store = try storeOptions.open(trust)
        try text.write(to: remembered, atomically: true, encoding: .utf8)
        let client = try UpdateClient(
            store: store, device: DeviceProfile(deviceID: deviceId),
            downloadDirectory: storeOptions.storeURL.appendingPathComponent("downloads"))
        var receipts: [UpdateReceipt] = []
        for update in try await client.check(url) {
            let bar = ProgressBar("\(update.release.appId) \(update.release.version)")
            receipts.append(
                try await client.apply(update, channelURL: url, activation: now ? .now : .nextLaunch) { done, total in
                    bar.update(done, of: total)
                })
        }
        if receipts.isEmpty { print("up to date") }
        for receipt in receipts {
            print(
                "\(receipt.appId) → \(receipt.version) (\(receipt.method), \(receipt.downloadedBytes) B)\(receipt.activated ? "" : ", active at next launch")"
            )
        }
    }
}

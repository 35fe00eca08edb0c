// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer
import LoopbackServer

/// `verify <file> --trust NAME.pub`: checks a package without installing it.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify a package: entries, signature, manifest and every file's hash.")

    @Argument(help: "The package file.") var package: String
    @OptionGroup var trust: TrustOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let verified = try PackageVerifier.verify(packageAt: URL(fileURLWithPath: package), trusting: try trust.trustedKeys())
        let manifest = verified.manifest
        output.emit(
            [
                "appId": manifest.appId.rawValue, "version": manifest.version.description, "files": manifest.files.count,
                "bytes": verified.totalBytes, "signer": verified.signer?.keyID as Any,
            ],
            text:
                "OK: \(manifest.appId) \(manifest.version), \(manifest.files.count) file(s), \(verified.totalBytes) bytes, signed by \(verified.signer?.keyID ?? "nobody")"
        )
    }
}

/// `list [--store DIR]`.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List installed apps and versions.")

    @OptionGroup var trust: TrustOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let apps = try storeOptions.open(trust).installedApps()
        if output.json {
            let list: [[String: Any]] = apps.map { app in
                [
                    "appId": app.appId.rawValue, "active": app.activeVersion?.description as Any,
                    "pending": app.pendingVersion?.description as Any,
                    "versions": app.versions.map {
                        [
                            "version": $0.version.description, "bytes": $0.bytes, "confirmed": $0.confirmed,
                            "rolledBack": $0.rolledBackReason as Any,
                        ]
                    },
                    "lastRollback": app.lastRollback.map { ["from": $0.from.description, "to": $0.to.description, "reason": $0.reason] }
                        as Any,
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        if apps.isEmpty { print("no apps installed in \(storeOptions.storeURL.path)") }
        for app in apps {
            let versions = app.versions.map { version in
                var text = version.version.description
                if version.version == app.activeVersion { text += " (active)" }
                if version.version == app.pendingVersion { text += " (pending)" }
                if let reason = version.rolledBackReason { text += " (rolled back: \(reason))" }
                return text
            }
            print("\(app.appId): \(versions.joined(separator: ", "))")
        }
    }
}

/// `rollback <appId>`.
struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback", abstract: "Return an app to its previous version.")

    @Argument(help: "The app ID.") var appId: String
    @Option(help: "Why (recorded with the rollback).") var reason: String = "rolled back by hand"
    @OptionGroup var trust: TrustOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let record = try storeOptions.open(trust).rollback(try AppID(validating: appId), reason: reason)
        print("\(appId): \(record.from) → \(record.to)")
    }
}

/// `remove <appId>`.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an app and all its versions.")

    @Argument(help: "The app ID.") var appId: String
    @OptionGroup var trust: TrustOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try storeOptions.open(trust).remove(try AppID(validating: appId))
        print("removed \(appId)")
    }
}

/// `serve <dir> [--port N]`: a static server on 127.0.0.1 for online copies and release channels.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve a folder over HTTP on 127.0.0.1 (online copies, release channels).")

    @Argument(help: "The folder to serve.") var directory: String
    @Option(help: "The port (0 picks a free one).") var port: Int = 8080

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a folder")
        }
        let server = try await LoopbackServer.serving(URL(fileURLWithPath: directory), port: port)
        // Unbuffered, so a script that pipes the output learns the address at once.
        FileHandle.standardOutput.write(Data("serving \(directory) at \(server.baseURL.absoluteString) (Ctrl-C to stop)\n".utf8))
        await server.runUntilCancelled()
    }
}

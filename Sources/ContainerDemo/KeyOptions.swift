// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer

/// `--trust KEY.pub` (repeatable): the public keys packages must be signed with.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("trust"), help: "A trusted public key file (NAME.pub); repeatable.")
    var keyFiles: [String] = []

    func trustedKeys() throws -> TrustedKeys {
        var keys = TrustedKeys()
        for path in keyFiles {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read public key: \(ErrorText.describe(error, path: path))")
            }
            do {
                keys.insert(try PackagePublicKey(textRepresentation: text))
            } catch {
                throw ValidationError("\(path) is not a public key: \(error)")
            }
        }
        return keys
    }

    /// The keys given now plus those the store remembers (`STORE/trusted-keys/*.pub`); keys
    /// given now are remembered for later commands on the same store.
    func trustedKeys(rememberedIn store: URL) throws -> TrustedKeys {
        let folder = store.appendingPathComponent("trusted-keys")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var keys = try trustedKeys()
        for key in keys.keys.values {
            let file = folder.appendingPathComponent("\(key.keyID).pub")
            if !FileManager.default.fileExists(atPath: file.path) {
                try key.textRepresentation.write(to: file, atomically: true, encoding: .utf8)
            }
        }
        for file in (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        where file.pathExtension == "pub" {
            if let key = try? PackagePublicKey(textRepresentation: String(contentsOf: file, encoding: .utf8)) { keys.insert(key) }
        }
        return keys
    }
}

/// `--store DIR`: the package store (default: a per-user data folder).
struct StoreOptions: ParsableArguments {
    @Option(help: "The package store folder (default: ~/.local/share/hybrid-container/store).")
    var store: String?

    /// Opens the store with the given and remembered keys.
    func open(_ trust: TrustOptions) throws -> PackageStore {
        try PackageStore(configuration: .init(root: storeURL, trustedKeys: try trust.trustedKeys(rememberedIn: storeURL)))
    }

    var storeURL: URL {
        if let store { return URL(fileURLWithPath: store) }
        let base =
            ProcessInfo.processInfo.environment["XDG_DATA_HOME"].map(URL.init(fileURLWithPath:))
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        return base.appendingPathComponent("hybrid-container/store")
    }
}

/// `--json`: machine-readable output on stdout.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false

    func emit(_ value: [String: Any], text: String) {
        if json, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(text)
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import OfflineCache
import ZIPFoundation

/// A scratch folder with a signing key, app sources and packages built from them.
final class Fixture: Sendable {
    let root: URL
    let key = PackageSigningKey.generate()
    var trusted: TrustedKeys { TrustedKeys([key.publicKey]) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// App files for a version: an entry script plus a few files in folders.
    func appFiles(version: String, extra: [String: String] = [:]) -> [String: Data] {
        var files: [String: Data] = [
            "index.js": Data("console.log('v\(version)');\n".utf8),
            "pages/home.js": Data("module.exports = { version: '\(version)' };\n".utf8),
            "assets/data.json": Data("{\"v\": \"\(version)\"}".utf8),
        ]
        for (path, text) in extra { files[path] = Data(text.utf8) }
        return files
    }

    /// Writes a source folder and packs it, signed by `signer` (default: the fixture key).
    @discardableResult
    func package(
        _ appId: String = "demo", version: String, files: [String: Data]? = nil, fallback: URL? = nil,
        signer: PackageSigningKey?? = .none, name: String? = nil
    ) throws -> URL {
        let source = url("src-\(appId)-\(version)-\(UUID().uuidString)")
        for (path, data) in files ?? appFiles(version: version) {
            let file = source.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
        let template = PackageTemplate(
            appId: try AppID(validating: appId), name: "Demo \(appId)", version: try PackageVersion(validating: version),
            entry: "index.js", vhost: "https://\(appId).app.local", fallbackBaseURL: fallback?.absoluteString,
            permissions: ["getStorage"])
        let output = url(name ?? "\(appId)-\(version)-\(UUID().uuidString.prefix(8)).zip")
        let signingKey: PackageSigningKey? =
            switch signer {
            case .none: key
            case .some(let explicit): explicit
            }
        try PackageBuilder.build(from: source, template: template, signingKey: signingKey, output: output)
        return output
    }

    func store(retained: Int = 3, allowsUnsigned: Bool = false, limits: PackageLimits = PackageLimits()) throws -> PackageStore {
        try PackageStore(
            configuration: .init(
                root: url("store"), trustedKeys: trusted, allowsUnsigned: allowsUnsigned, limits: limits,
                retainedVersions: retained))
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

/// Builds arbitrary (including malformed) zips entry by entry.
struct ZipCrafter {
    enum Kind { case file, directory, symlink }

    struct Entry {
        var path: String
        var data: Data
        var kind: Kind = .file
        var compressed = true
    }

    static func write(_ entries: [Entry], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for entry in entries {
            let type: ZIPFoundation.Entry.EntryType =
                switch entry.kind {
                case .file: .file
                case .directory: .directory
                case .symlink: .symlink
                }
            let data = entry.data
            try archive.addEntry(
                with: entry.path, type: type, uncompressedSize: Int64(data.count),
                compressionMethod: entry.compressed && entry.kind == .file ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Entries of a well-formed signed package whose manifest the caller may edit first.
    static func signedEntries(
        files: [String: Data], manifest edit: (inout [String: Any]) -> Void = { _ in }, key: PackageSigningKey,
        appId: String = "demo", version: String = "1.0.0"
    ) throws -> [Entry] {
        var manifest: [String: Any] = [
            "appId": appId, "name": "Crafted", "version": version, "entry": "index.js",
            "files": files.mapValues { Fixture.sha256($0) },
        ]
        edit(&manifest)
        let manifestBytes = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let signature = try ManifestSignature(signing: manifestBytes, with: key).encoded()
        return [Entry(path: "manifest.json", data: manifestBytes), Entry(path: "manifest.sig", data: signature)]
            + files.sorted { $0.key < $1.key }.map { Entry(path: $0.key, data: $0.value) }
    }
}

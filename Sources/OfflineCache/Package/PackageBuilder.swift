// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import ZIPFoundation

/// The fields of a manifest an author writes; `files` is computed when packing.
///
/// `container-demo pack` reads it from the source folder's `manifest.json` (any `files`
/// there is ignored and recomputed).
public struct PackageTemplate: Sendable, Hashable, Codable {
    public var appId: AppID
    public var name: String
    public var version: PackageVersion
    public var entry: String
    public var vhost: String?
    public var fallbackBaseURL: String?
    public var permissions: [String]?
    public var allowedDomains: [String]?

    /// Creates a template.
    public init(
        appId: AppID, name: String, version: PackageVersion, entry: String, vhost: String? = nil,
        fallbackBaseURL: String? = nil, permissions: [String]? = nil, allowedDomains: [String]? = nil
    ) {
        self.appId = appId
        self.name = name
        self.version = version
        self.entry = entry
        self.vhost = vhost
        self.fallbackBaseURL = fallbackBaseURL
        self.permissions = permissions
        self.allowedDomains = allowedDomains
    }

    /// Reads `manifest.json` from a source folder.
    public static func load(from directory: URL) throws -> PackageTemplate {
        let url = directory.appendingPathComponent(PackageArchive.manifestName)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PackageError.unreadableFile(path: url.path, reason: "a source folder needs a manifest.json template")
        }
        do {
            return try JSONDecoder().decode(PackageTemplate.self, from: data)
        } catch {
            throw PackageError.invalidManifest("\(url.path): \(error)", cause: error)
        }
    }
}

/// Builds package zips from source folders.
public enum PackageBuilder {
    /// Files in a source folder that never go into a package.
    static func isExcluded(_ name: String) -> Bool {
        name.hasPrefix(".") || name == PackageArchive.manifestName || name == PackageArchive.signatureName
    }

    /// Hashes every file of `directory` (hidden files and an existing manifest excluded).
    /// Symbolic links are refused: a package holds regular files only.
    public static func fileHashes(in directory: URL) throws -> [String: String] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey],
                options: [])
        else { throw PackageError.unreadableFile(path: directory.path, reason: "not a folder") }
        var files: [String: String] = [:]
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey])
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            if isExcluded(url.lastPathComponent) {
                if values.isDirectory == true { enumerator.skipDescendants() }
                if relative.contains("/") == false || url.lastPathComponent.hasPrefix(".") { continue }
            }
            if values.isSymbolicLink == true { throw PackageError.symlinkEntry(relative) }
            guard values.isRegularFile == true else { continue }
            if let problem = PackagePath.problem(with: relative) {
                throw PackageError.unsafeEntryPath(entry: relative, problem: problem)
            }
            files[relative] = try sha256(of: url)
        }
        return files
    }

    /// SHA-256 of bytes, lowercase hex.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).hexString
    }

    /// Streams a file through SHA-256.
    public static func sha256(of url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw PackageError.unreadableFile(path: url.path, reason: "cannot open")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 256 << 10), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().hexString
    }

    /// Packs `directory` into a package at `output`: manifest with every file's SHA-256,
    /// `manifest.sig` when a key is given, the files deflated. Writes atomically.
    ///
    /// - Parameters:
    ///   - template: the manifest fields; by default read from `directory/manifest.json`.
    ///   - transform: turns a source file into the file the package ships (e.g. `x.ts` into
    ///     `x.js`, see `TypeScriptModules.packageTransform`); nil keeps the file as it is. A
    ///     generated file never replaces one the folder already has.
    @discardableResult
    public static func build(
        from directory: URL, template: PackageTemplate? = nil, signingKey: PackageSigningKey?, output: URL,
        transform: SourceTransform? = nil
    ) throws -> PackageManifest {
        let template = try template ?? PackageTemplate.load(from: directory)
        let originals = try fileHashes(in: directory)
        var files = originals
        var generated: [String: Data] = [:]
        if let transform {
            for path in originals.keys.sorted() {
                let read = { try Data(contentsOf: directory.appendingPathComponent(path)) }
                guard let output = try transform(path, read), originals[output.path] == nil else { continue }
                files.removeValue(forKey: path)
                files[output.path] = sha256(output.contents)
                generated[output.path] = output.contents
            }
        }
        let manifest = PackageManifest(
            appId: template.appId, name: template.name, version: template.version, entry: template.entry,
            vhost: template.vhost, fallbackBaseURL: template.fallbackBaseURL,
            permissions: template.permissions ?? [], allowedDomains: template.allowedDomains ?? [], files: files)
        try manifest.validate()
        let manifestBytes = try manifest.encoded()
        let signatureBytes = try signingKey.map { try ManifestSignature(signing: manifestBytes, with: $0).encoded() }

        let temporary = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            try add(manifestBytes, as: PackageArchive.manifestName, to: archive)
            if let signatureBytes { try add(signatureBytes, as: PackageArchive.signatureName, to: archive) }
            let root = directory.standardizedFileURL.resolvingSymlinksInPath()
            for path in files.keys.sorted() {
                if let contents = generated[path] {
                    try add(contents, as: path, to: archive)
                } else {
                    try archive.addEntry(with: path, relativeTo: root, compressionMethod: .deflate)
                }
            }
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError.storeIO(operation: "write package", path: output.path, reason: "\(error)", cause: error)
        }
        try StoreIO.atomicRename(temporary, to: output)
        return manifest
    }

    /// Given a file's package path and a way to read it, the file to ship instead (path and
    /// contents), or nil to ship it as it is.
    public typealias SourceTransform = (_ path: String, _ read: () throws -> Data) throws -> (path: String, contents: Data)?

    static func add(_ data: Data, as path: String, to archive: Archive) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import ZIPFoundation

/// `delta.json` inside a delta package: how to turn one installed version into the next.
///
/// A delta package is a zip of `delta.json`, the new version's signed `manifest.json` and
/// `manifest.sig`, one zstd patch-from per changed file (`patches/<n>`) and the added files
/// (`files/<path>`). Unchanged files are taken from the installed base version. Every
/// resulting file is checked against the new (signed) manifest before activation.
public struct DeltaDescription: Sendable, Hashable, Codable {
    public var appId: AppID
    public var from: PackageVersion
    public var to: PackageVersion
    /// SHA-256 of the base version's `manifest.json` bytes: the delta applies to that exact base.
    public var baseManifestSHA256: String
    /// Changed paths → patch entry.
    public var changed: [String: String]
    /// Paths shipped whole.
    public var added: [String]
    /// Paths of the base that the new version drops.
    public var removed: [String]
}

/// What building a delta produced.
public struct DeltaSummary: Sendable, Hashable {
    public let description: DeltaDescription
    public let bytes: Int64
}

public enum DeltaBuilder {
    /// Builds the delta turning package `base` into package `target` (same app, any signer:
    /// the client verifies the target manifest's signature when applying).
    @discardableResult
    public static func build(
        from base: URL, to target: URL, output: URL, limits: PackageLimits = PackageLimits()
    )
        throws -> DeltaSummary
    {
        let old = try PackageArchive(url: base, limits: limits)
        let new = try PackageArchive(url: target, limits: limits)
        let oldManifestBytes = try read(old, old.manifestEntry, limit: limits.maximumManifestBytes)
        let newManifestBytes = try read(new, new.manifestEntry, limit: limits.maximumManifestBytes)
        let oldManifest = try PackageManifest.parse(oldManifestBytes)
        let newManifest = try PackageManifest.parse(newManifestBytes)
        guard oldManifest.appId == newManifest.appId else {
            throw PackageError.appIDMismatch(expected: oldManifest.appId, found: newManifest.appId)
        }
        var description = DeltaDescription(
            appId: newManifest.appId, from: oldManifest.version, to: newManifest.version,
            baseManifestSHA256: PackageBuilder.sha256(oldManifestBytes), changed: [:], added: [], removed: [])
        var entries: [(String, Data)] = []
        for (path, hash) in newManifest.files.sorted(by: { $0.key < $1.key }) {
            if oldManifest.files[path] == hash { continue }
            let newBytes = try read(new, new.files[path], limit: Int(limits.maximumFileBytes))
            if oldManifest.files[path] != nil, let oldEntry = old.files[path] {
                let oldBytes = try read(old, oldEntry, limit: Int(limits.maximumFileBytes))
                let patch = try ZstdPatch.make(from: oldBytes, to: newBytes)
                // A patch larger than the file itself is not worth it.
                if patch.count < newBytes.count {
                    let name = "patches/\(description.changed.count)"
                    description.changed[path] = name
                    entries.append((name, patch))
                    continue
                }
            }
            description.added.append(path)
            entries.append(("files/\(path)", newBytes))
        }
        description.removed = oldManifest.files.keys.filter { newManifest.files[$0] == nil }.sorted()
        let signature = try new.signatureEntry.map { try read(new, $0, limit: limits.maximumSignatureBytes) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let temporary = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).tmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            try PackageBuilder.add(try encoder.encode(description), as: "delta.json", to: archive)
            try PackageBuilder.add(newManifestBytes, as: PackageArchive.manifestName, to: archive)
            if let signature { try PackageBuilder.add(signature, as: PackageArchive.signatureName, to: archive) }
            for (name, data) in entries { try PackageBuilder.add(data, as: name, to: archive) }
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError.storeIO(operation: "write delta", path: output.path, reason: "\(error)", cause: error)
        }
        try StoreIO.atomicRename(temporary, to: output)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int64) ?? 0
        return DeltaSummary(description: description, bytes: bytes)
    }

    static func read(_ archive: PackageArchive, _ entry: Entry?, limit: Int) throws -> Data {
        guard let entry else { throw PackageError.missingManifest }
        return try archive.read(entry, limit: limit)
    }
}

/// Why a delta could not be applied (the update then falls back to the full package).
public enum DeltaError: Error, Sendable, Hashable, CustomStringConvertible {
    case notADelta(String)
    case wrongBase(expected: PackageVersion, installed: PackageVersion?)
    case baseManifestDiffers
    case patchFailed(path: String, reason: String)
    case package(PackageError)

    public var description: String {
        switch self {
        case .notADelta(let reason): return "not a delta package: \(reason)"
        case .wrongBase(let expected, let installed):
            return "delta applies to \(expected), installed is \(installed?.description ?? "nothing")"
        case .baseManifestDiffers: return "the installed base is not the one the delta was made from"
        case .patchFailed(let path, let reason): return "patch of \(path) failed: \(reason)"
        case .package(let error): return "\(error)"
        }
    }
}

extension PackageStore {
    /// Installs the version a delta package describes, from the installed base version and
    /// the delta: signature of the new manifest checked, every file checked against it.
    @discardableResult
    public func installDelta(
        at url: URL, options: InstallOptions = InstallOptions(), progress: (@Sendable (InstallPhase) -> Void)? = nil
    ) throws -> InstallReceipt {
        progress?(.verifying)
        let limits = configuration.limits
        let archive: PackageArchive
        do {
            archive = try PackageArchive(url: url, limits: limits)
        } catch let error as PackageError {
            throw DeltaError.package(error)
        }
        guard let descriptionEntry = archive.files["delta.json"],
            let description = try? JSONDecoder().decode(
                DeltaDescription.self, from: try archive.read(descriptionEntry, limit: limits.maximumManifestBytes))
        else { throw DeltaError.notADelta("missing or invalid delta.json") }
        guard let manifestEntry = archive.manifestEntry else { throw DeltaError.package(.missingManifest) }
        let manifestBytes = try archive.read(manifestEntry, limit: limits.maximumManifestBytes)
        let signature = try archive.signatureEntry.map { try archive.read($0, limit: limits.maximumSignatureBytes) }
        let signer: PackagePublicKey?
        if let signature {
            signer = try ManifestSignature.parse(signature, limit: limits.maximumSignatureBytes)
                .verify(manifestBytes, trusting: configuration.trustedKeys)
        } else if configuration.allowsUnsigned {
            signer = nil
        } else {
            throw PackageError.unsignedPackageRefused
        }
        let manifest = try PackageManifest.parse(manifestBytes, limit: limits.maximumManifestBytes)
        guard manifest.appId == description.appId, manifest.version == description.to else {
            throw DeltaError.notADelta("delta.json disagrees with its manifest")
        }
        let appId = manifest.appId
        return try withAppLock(appId) {
            let state = try loadState(appId)
            guard state.active == description.from, let base = try activePackage(appId) else {
                throw DeltaError.wrongBase(expected: description.from, installed: state.active)
            }
            let baseManifestBytes = FileManager.default.contents(
                atPath: versionDirectory(appId, description.from).appendingPathComponent(PackageArchive.manifestName).path)
            guard let baseManifestBytes, PackageBuilder.sha256(baseManifestBytes) == description.baseManifestSHA256 else {
                throw DeltaError.baseManifestDiffers
            }
            try precheck(state, appId: appId, version: manifest.version, options: options)
            let staging = try makeStaging(appId)
            defer { StoreIO.removeTree(staging) }
            let reader = VerifiedFileReader()
            var written: Int64 = 0
            for (path, expected) in manifest.files.sorted(by: { $0.key < $1.key }) {
                let bytes: Data
                if let patchName = description.changed[path] {
                    guard let patchEntry = archive.files[patchName], let baseHash = base.manifest.files[path] else {
                        throw DeltaError.notADelta("missing patch for \(path)")
                    }
                    let patch = try archive.read(patchEntry, limit: Int(limits.maximumFileBytes))
                    let old = try reader.read(path, in: base.filesDirectory, expectedSHA256: baseHash)
                    do {
                        bytes = try ZstdPatch.apply(patch, to: old, maximumSize: Int(limits.maximumFileBytes))
                    } catch {
                        throw DeltaError.patchFailed(path: path, reason: "\(error)")
                    }
                } else if let entry = archive.files["files/\(path)"] {
                    bytes = try archive.read(entry, limit: Int(limits.maximumFileBytes))
                } else if let baseHash = base.manifest.files[path], baseHash == expected {
                    bytes = try reader.read(path, in: base.filesDirectory, expectedSHA256: baseHash)
                } else {
                    throw DeltaError.notADelta("no source for \(path)")
                }
                let actual = PackageBuilder.sha256(bytes)
                guard actual == expected else { throw PackageError.hashMismatch(path: path, expected: expected, actual: actual) }
                let target = staging.appendingPathComponent("files").appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try StoreIO.writeNew(bytes, to: target)
                written += Int64(bytes.count)
                progress?(.extracting(written: written, total: -1))
            }
            return try commit(
                staging: staging, manifest: manifest, manifestBytes: manifestBytes, signature: signature, signer: signer,
                bytes: written, state: state, options: options, progress: progress)
        }
    }
}

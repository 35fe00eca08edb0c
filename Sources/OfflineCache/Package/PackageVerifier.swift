// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation

/// A package file whose signature, manifest and file list have been checked.
public struct VerifiedPackage: Sendable, Hashable {
    /// The package file.
    public let fileURL: URL
    /// The parsed, validated manifest.
    public let manifest: PackageManifest
    /// The exact `manifest.json` bytes the signature covers.
    public let manifestBytes: Data
    /// The key that signed it; `nil` for an unsigned package accepted in developer mode.
    public let signer: PackagePublicKey?
    /// The total uncompressed size of the app's files.
    public let totalBytes: Int64
    /// True if every file's SHA-256 was checked too (not only the signature and the listing).
    public let filesVerified: Bool
}

/// Checks package files without extracting them.
public enum PackageVerifier {
    /// Verifies a package file: entries safe, signature from a trusted key, manifest valid,
    /// every file listed and present, and (with `checkFileHashes`) every file's hash.
    ///
    /// - Parameter allowUnsigned: accept a package without `manifest.sig` (developer mode).
    public static func verify(
        packageAt url: URL, trusting keys: TrustedKeys, allowUnsigned: Bool = false,
        limits: PackageLimits = PackageLimits(), checkFileHashes: Bool = true
    ) throws -> VerifiedPackage {
        let archive = try PackageArchive(url: url, limits: limits)
        let header = try verifyHeader(archive, trusting: keys, allowUnsigned: allowUnsigned)
        if checkFileHashes {
            for (path, entry) in archive.files.sorted(by: { $0.key < $1.key }) {
                var hasher = SHA256()
                try archive.stream(entry, limit: limits.maximumFileBytes) { hasher.update(data: $0) }
                try checkHash(path: path, digest: hasher.finalize(), manifest: header.manifest)
            }
        }
        return VerifiedPackage(
            fileURL: url, manifest: header.manifest, manifestBytes: header.bytes, signer: header.signer,
            totalBytes: archive.totalBytes, filesVerified: checkFileHashes)
    }

    struct Header {
        let manifest: PackageManifest
        let bytes: Data
        let signer: PackagePublicKey?
    }

    /// Signature first (before the manifest's content is trusted), then the manifest, then the
    /// listing against the entries.
    static func verifyHeader(_ archive: PackageArchive, trusting keys: TrustedKeys, allowUnsigned: Bool) throws -> Header {
        let limits = archive.limits
        guard let manifestEntry = archive.manifestEntry else { throw PackageError.missingManifest }
        guard Int64(clamping: manifestEntry.uncompressedSize) <= Int64(limits.maximumManifestBytes) else {
            throw PackageError.manifestTooLarge(
                bytes: Int(clamping: manifestEntry.uncompressedSize), limit: limits.maximumManifestBytes)
        }
        let bytes = try archive.read(manifestEntry, limit: limits.maximumManifestBytes)
        let signer: PackagePublicKey?
        if let signatureEntry = archive.signatureEntry {
            let signatureBytes = try archive.read(signatureEntry, limit: limits.maximumSignatureBytes)
            signer = try ManifestSignature.parse(signatureBytes, limit: limits.maximumSignatureBytes)
                .verify(bytes, trusting: keys)
        } else if allowUnsigned {
            signer = nil
        } else {
            throw PackageError.unsignedPackageRefused
        }
        let manifest = try PackageManifest.parse(bytes, limit: limits.maximumManifestBytes)
        for path in archive.files.keys.sorted() where manifest.files[path] == nil {
            throw PackageError.unlistedFile(path)
        }
        for path in manifest.files.keys.sorted() where archive.files[path] == nil {
            throw PackageError.missingFile(path)
        }
        return Header(manifest: manifest, bytes: bytes, signer: signer)
    }

    static func checkHash(path: String, digest: SHA256.Digest, manifest: PackageManifest) throws {
        let actual = digest.hexString
        let expected = manifest.files[path] ?? ""
        guard actual == expected else { throw PackageError.hashMismatch(path: path, expected: expected, actual: actual) }
    }
}

extension Digest {
    /// Lowercase hex.
    var hexString: String {
        var text = ""
        text.reserveCapacity(Self.byteCount * 2)
        let digits = Array("0123456789abcdef".utf8)
        for byte in self {
            text.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
            text.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0x0f)]))
        }
        return text
    }
}

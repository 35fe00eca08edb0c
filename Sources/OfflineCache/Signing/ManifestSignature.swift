// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// `manifest.sig`: an Ed25519 signature over the exact bytes of `manifest.json`, with the ID
/// of the key that made it so "unknown signer" and "bad signature" are told apart.
///
/// On disk: `{"algorithm": "ed25519", "keyId": "<16 hex>", "signature": "<base64>"}`.
public struct ManifestSignature: Sendable, Hashable, Codable {
    /// Always `ed25519`.
    public var algorithm: String
    /// `PackagePublicKey.keyID` of the signer.
    public var keyId: String
    /// The 64-byte signature, base64 in JSON.
    public var signature: Data

    /// Signs manifest bytes.
    public init(signing manifestBytes: Data, with key: PackageSigningKey) throws {
        algorithm = "ed25519"
        keyId = key.publicKey.keyID
        signature = try key.signature(for: manifestBytes)
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Parses `manifest.sig`.
    public static func parse(_ data: Data, limit: Int) throws -> ManifestSignature {
        guard data.count <= limit else { throw PackageError.invalidSignatureFile("larger than \(limit) bytes") }
        guard let parsed = try? JSONDecoder().decode(ManifestSignature.self, from: data) else {
            throw PackageError.invalidSignatureFile("expected {algorithm, keyId, signature}")
        }
        guard parsed.algorithm == "ed25519" else {
            throw PackageError.invalidSignatureFile("unsupported algorithm \(parsed.algorithm)")
        }
        guard parsed.signature.count == 64 else {
            throw PackageError.invalidSignatureFile("an Ed25519 signature is 64 bytes, found \(parsed.signature.count)")
        }
        return parsed
    }

    /// Checks the signature against the trusted keys.
    /// - Returns: the key that signed.
    public func verify(_ manifestBytes: Data, trusting keys: TrustedKeys) throws -> PackagePublicKey {
        guard let key = keys[keyId] else { throw PackageError.unknownSigner(keyID: keyId) }
        guard key.isValidSignature(signature, for: manifestBytes) else { throw PackageError.badSignature(keyID: keyId) }
        return key
    }
}

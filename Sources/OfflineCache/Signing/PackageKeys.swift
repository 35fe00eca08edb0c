// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation

/// The public half of a package signing key (Ed25519). Hosts trust packages by these.
public struct PackagePublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32-byte Ed25519 public key.
    public let rawRepresentation: Data

    /// Wraps raw Ed25519 public key bytes; throws if they are not a valid key.
    public init(rawRepresentation: Data) throws {
        _ = try Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)
        self.rawRepresentation = rawRepresentation
    }

    /// The first 8 bytes of the key's SHA-256, in hex: names the signer in `manifest.sig`.
    public var keyID: String {
        SHA256.hash(data: rawRepresentation).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    public var description: String { "ed25519:\(keyID)" }

    /// Verifies an Ed25519 signature over `message`.
    public func isValidSignature(_ signature: Data, for message: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    static let textLabel = "HYBRID CONTAINER ED25519 PUBLIC KEY"

    /// The key as a text file (`NAME.pub`): a PEM-style armored base64 block.
    public var textRepresentation: String { KeyArmor.armor(rawRepresentation, label: Self.textLabel) }

    /// Reads a key written by `textRepresentation`.
    public init(textRepresentation text: String) throws {
        try self.init(rawRepresentation: KeyArmor.dearmor(text, label: Self.textLabel))
    }
}

/// The private half of a package signing key (Ed25519). Keep it out of hosts and repositories.
public struct PackageSigningKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public static func generate() -> PackageSigningKey {
        PackageSigningKey(key: Curve25519.Signing.PrivateKey())
    }

    private init(key: Curve25519.Signing.PrivateKey) {
        self.key = key
    }

    /// Wraps a raw 32-byte Ed25519 private key.
    public init(rawRepresentation: Data) throws {
        key = try Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation)
    }

    /// The matching public key.
    public var publicKey: PackagePublicKey {
        // A key derived from a valid private key is always valid.
        try! PackagePublicKey(rawRepresentation: key.publicKey.rawRepresentation)
    }

    /// Signs `message` (Ed25519).
    public func signature(for message: Data) throws -> Data {
        try key.signature(for: message)
    }

    static let textLabel = "HYBRID CONTAINER ED25519 PRIVATE KEY"

    /// The key as a text file (`NAME.key`).
    public var textRepresentation: String { KeyArmor.armor(key.rawRepresentation, label: Self.textLabel) }

    /// Reads a key written by `textRepresentation`.
    public init(textRepresentation text: String) throws {
        try self.init(rawRepresentation: KeyArmor.dearmor(text, label: Self.textLabel))
    }
}

/// A key file could not be read.
public struct KeyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String
    public var description: String { "invalid key file: \(reason)" }
}

/// PEM-style armor for raw key bytes.
enum KeyArmor {
    static func armor(_ bytes: Data, label: String) -> String {
        "-----BEGIN \(label)-----\n\(bytes.base64EncodedString())\n-----END \(label)-----\n"
    }

    static func dearmor(_ text: String, label: String) throws -> Data {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
            let end = lines.firstIndex(of: "-----END \(label)-----"), begin < end
        else { throw KeyFileError(reason: "expected a \(label) block") }
        guard let data = Data(base64Encoded: lines[(begin + 1)..<end].joined()) else {
            throw KeyFileError(reason: "the key is not valid base64")
        }
        return data
    }
}

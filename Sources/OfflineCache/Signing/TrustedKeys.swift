// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The public keys a host accepts package signatures from, by key ID.
public struct TrustedKeys: Sendable, Hashable {
    /// The keys by `keyID`.
    public private(set) var keys: [String: PackagePublicKey]

    /// A set of trusted keys.
    public init(_ keys: [PackagePublicKey] = []) {
        self.keys = Dictionary(keys.map { ($0.keyID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds a key.
    public mutating func insert(_ key: PackagePublicKey) {
        keys[key.keyID] = key
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// The key with this ID, if trusted.
    public subscript(keyID: String) -> PackagePublicKey? { keys[keyID] }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Bounds applied to every package read, so hostile input cannot exhaust memory or disk.
public struct PackageLimits: Sendable, Hashable {
    /// The largest `manifest.json` read.
    public var maximumManifestBytes: Int
    /// The largest `manifest.sig` read.
    public var maximumSignatureBytes: Int
    /// The most entries a package may hold.
    public var maximumEntries: Int
    /// The largest single file, uncompressed.
    public var maximumFileBytes: Int64
    /// The largest total of all files, uncompressed.
    public var maximumTotalBytes: Int64
    /// The largest uncompressed/compressed ratio of an entry larger than 1 MiB (zip bombs).
    public var maximumCompressionRatio: Int64

    /// Limits suited to micro-apps: 4 MiB manifest, 20,000 entries, 100 MiB per file,
    /// 512 MiB in all, ratio 200:1.
    public init(
        maximumManifestBytes: Int = 4 << 20,
        maximumSignatureBytes: Int = 4 << 10,
        maximumEntries: Int = 20_000,
        maximumFileBytes: Int64 = 100 << 20,
        maximumTotalBytes: Int64 = 512 << 20,
        maximumCompressionRatio: Int64 = 200
    ) {
        self.maximumManifestBytes = maximumManifestBytes
        self.maximumSignatureBytes = maximumSignatureBytes
        self.maximumEntries = maximumEntries
        self.maximumFileBytes = maximumFileBytes
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumCompressionRatio = maximumCompressionRatio
    }
}

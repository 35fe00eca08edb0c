// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension ErrorCode where Domain == PackageError {
    /// `package.invalidAppID`
    public static let invalidAppID = ErrorCode("invalidAppID")
    /// `package.invalidVersion`
    public static let invalidVersion = ErrorCode("invalidVersion")
    /// `package.unreadableFile`
    public static let unreadableFile = ErrorCode("unreadableFile")
    /// `package.notAZipArchive`
    public static let notAZipArchive = ErrorCode("notAZipArchive")
    /// `package.notARegularFile`
    public static let notARegularFile = ErrorCode("notARegularFile")
    /// `package.unsafeEntryPath`
    public static let unsafeEntryPath = ErrorCode("unsafeEntryPath")
    /// `package.symlinkEntry`
    public static let symlinkEntry = ErrorCode("symlinkEntry")
    /// `package.duplicateEntry`
    public static let duplicateEntry = ErrorCode("duplicateEntry")
    /// `package.collidingEntries`
    public static let collidingEntries = ErrorCode("collidingEntries")
    /// `package.tooManyEntries`
    public static let tooManyEntries = ErrorCode("tooManyEntries")
    /// `package.entryTooLarge`
    public static let entryTooLarge = ErrorCode("entryTooLarge")
    /// `package.packageTooLarge`
    public static let packageTooLarge = ErrorCode("packageTooLarge")
    /// `package.suspiciousCompressionRatio`
    public static let suspiciousCompressionRatio = ErrorCode("suspiciousCompressionRatio")
    /// `package.corruptEntry`
    public static let corruptEntry = ErrorCode("corruptEntry")
    /// `package.missingManifest`
    public static let missingManifest = ErrorCode("missingManifest")
    /// `package.manifestTooLarge`
    public static let manifestTooLarge = ErrorCode("manifestTooLarge")
    /// `package.invalidManifest`
    public static let invalidManifest = ErrorCode("invalidManifest")
    /// `package.missingSignature`
    public static let missingSignature = ErrorCode("missingSignature")
    /// `package.invalidSignatureFile`
    public static let invalidSignatureFile = ErrorCode("invalidSignatureFile")
    /// `package.unknownSigner`
    public static let unknownSigner = ErrorCode("unknownSigner")
    /// `package.badSignature`
    public static let badSignature = ErrorCode("badSignature")
    /// `package.unsignedPackageRefused`
    public static let unsignedPackageRefused = ErrorCode("unsignedPackageRefused")
    /// `package.hashMismatch`
    public static let hashMismatch = ErrorCode("hashMismatch")
    /// `package.unlistedFile`
    public static let unlistedFile = ErrorCode("unlistedFile")
    /// `package.missingFile`
    public static let missingFile = ErrorCode("missingFile")
    /// `package.appIDMismatch`
    public static let appIDMismatch = ErrorCode("appIDMismatch")
    /// `package.versionMismatch`
    public static let versionMismatch = ErrorCode("versionMismatch")
    /// `package.downgradeRefused`
    public static let downgradeRefused = ErrorCode("downgradeRefused")
    /// `package.versionAlreadyInstalled`
    public static let versionAlreadyInstalled = ErrorCode("versionAlreadyInstalled")
    /// `package.notInstalled`
    public static let notInstalled = ErrorCode("notInstalled")
    /// `package.versionNotInstalled`
    public static let versionNotInstalled = ErrorCode("versionNotInstalled")
    /// `package.nothingToRollBackTo`
    public static let nothingToRollBackTo = ErrorCode("nothingToRollBackTo")
    /// `package.storeIO`
    public static let storeIO = ErrorCode("storeIO")
}

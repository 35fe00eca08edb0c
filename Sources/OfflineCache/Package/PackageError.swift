// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Why a package, manifest or store operation was refused. Every bad input has its own case
/// so hosts (and tests) can tell exactly what was wrong.
///
/// A small extensible struct (the model is NIO's `FileSystemError`): match on ``code`` (stable
/// across releases; new codes may be added without breaking a host's `switch`), read
/// ``message`` for people and ``underlyingError`` for the cause (an I/O or network error),
/// when there is one. The static functions named like the codes build each kind.
public struct PackageError: CodedError, Sendable, Hashable {
    public static let domain = "package"

    /// The failure with its facts (internal: hosts match on ``code``).
    package let details: Details
    public let underlyingError: (any Error)?

    package init(_ details: Details, cause: (any Error)? = nil) {
        self.details = details
        self.underlyingError = cause
    }

    public var code: ErrorCode<PackageError> { ErrorCode(details.name) }
    public var message: String { details.description }

    /// Equal when code and facts are equal (causes are not compared).
    public static func == (lhs: PackageError, rhs: PackageError) -> Bool { lhs.details == rhs.details }

    public func hash(into hasher: inout Hasher) { hasher.combine(details) }

    /// A `package.invalidAppID` failure.
    public static func invalidAppID(_ value: String) -> PackageError {
        PackageError(.invalidAppID(value))
    }
    /// A `package.invalidVersion` failure.
    public static func invalidVersion(_ value: String) -> PackageError {
        PackageError(.invalidVersion(value))
    }
    /// A `package.unreadableFile` failure.
    public static func unreadableFile(path: String, reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.unreadableFile(path: path, reason: reason), cause: cause)
    }
    /// A `package.notAZipArchive` failure.
    public static func notAZipArchive(reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.notAZipArchive(reason: reason), cause: cause)
    }
    /// A `package.notARegularFile` failure.
    public static func notARegularFile(path: String, kind: String) -> PackageError {
        PackageError(.notARegularFile(path: path, kind: kind))
    }
    /// A `package.unsafeEntryPath` failure.
    public static func unsafeEntryPath(entry: String, problem: PackagePath.Problem) -> PackageError {
        PackageError(.unsafeEntryPath(entry: entry, problem: problem))
    }
    /// A `package.symlinkEntry` failure.
    public static func symlinkEntry(_ value: String) -> PackageError {
        PackageError(.symlinkEntry(value))
    }
    /// A `package.duplicateEntry` failure.
    public static func duplicateEntry(_ value: String) -> PackageError {
        PackageError(.duplicateEntry(value))
    }
    /// A `package.collidingEntries` failure.
    public static func collidingEntries(_ value0: String, _ value1: String) -> PackageError {
        PackageError(.collidingEntries(value0, value1))
    }
    /// A `package.tooManyEntries` failure.
    public static func tooManyEntries(count: Int, limit: Int) -> PackageError {
        PackageError(.tooManyEntries(count: count, limit: limit))
    }
    /// A `package.entryTooLarge` failure.
    public static func entryTooLarge(entry: String, bytes: Int64, limit: Int64) -> PackageError {
        PackageError(.entryTooLarge(entry: entry, bytes: bytes, limit: limit))
    }
    /// A `package.packageTooLarge` failure.
    public static func packageTooLarge(bytes: Int64, limit: Int64) -> PackageError {
        PackageError(.packageTooLarge(bytes: bytes, limit: limit))
    }
    /// A `package.suspiciousCompressionRatio` failure.
    public static func suspiciousCompressionRatio(entry: String, ratio: Int64, limit: Int64) -> PackageError {
        PackageError(.suspiciousCompressionRatio(entry: entry, ratio: ratio, limit: limit))
    }
    /// A `package.corruptEntry` failure.
    public static func corruptEntry(entry: String, reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.corruptEntry(entry: entry, reason: reason), cause: cause)
    }
    /// A `package.missingManifest` failure.
    public static var missingManifest: PackageError { PackageError(.missingManifest) }
    /// A `package.manifestTooLarge` failure.
    public static func manifestTooLarge(bytes: Int, limit: Int) -> PackageError {
        PackageError(.manifestTooLarge(bytes: bytes, limit: limit))
    }
    /// A `package.invalidManifest` failure.
    public static func invalidManifest(_ value: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.invalidManifest(value), cause: cause)
    }
    /// A `package.missingSignature` failure.
    public static var missingSignature: PackageError { PackageError(.missingSignature) }
    /// A `package.invalidSignatureFile` failure.
    public static func invalidSignatureFile(_ value: String) -> PackageError {
        PackageError(.invalidSignatureFile(value))
    }
    /// A `package.unknownSigner` failure.
    public static func unknownSigner(keyID: String) -> PackageError {
        PackageError(.unknownSigner(keyID: keyID))
    }
    /// A `package.badSignature` failure.
    public static func badSignature(keyID: String) -> PackageError {
        PackageError(.badSignature(keyID: keyID))
    }
    /// A `package.unsignedPackageRefused` failure.
    public static var unsignedPackageRefused: PackageError { PackageError(.unsignedPackageRefused) }
    /// A `package.hashMismatch` failure.
    public static func hashMismatch(path: String, expected: String, actual: String) -> PackageError {
        PackageError(.hashMismatch(path: path, expected: expected, actual: actual))
    }
    /// A `package.unlistedFile` failure.
    public static func unlistedFile(_ value: String) -> PackageError {
        PackageError(.unlistedFile(value))
    }
    /// A `package.missingFile` failure.
    public static func missingFile(_ value: String) -> PackageError {
        PackageError(.missingFile(value))
    }
    /// A `package.appIDMismatch` failure.
    public static func appIDMismatch(expected: AppID, found: AppID) -> PackageError {
        PackageError(.appIDMismatch(expected: expected, found: found))
    }
    /// A `package.versionMismatch` failure.
    public static func versionMismatch(expected: PackageVersion, found: PackageVersion) -> PackageError {
        PackageError(.versionMismatch(expected: expected, found: found))
    }
    /// A `package.downgradeRefused` failure.
    public static func downgradeRefused(appID: AppID, installed: PackageVersion, offered: PackageVersion) -> PackageError {
        PackageError(.downgradeRefused(appID: appID, installed: installed, offered: offered))
    }
    /// A `package.versionAlreadyInstalled` failure.
    public static func versionAlreadyInstalled(appID: AppID, version: PackageVersion) -> PackageError {
        PackageError(.versionAlreadyInstalled(appID: appID, version: version))
    }
    /// A `package.notInstalled` failure.
    public static func notInstalled(_ value: AppID) -> PackageError {
        PackageError(.notInstalled(value))
    }
    /// A `package.versionNotInstalled` failure.
    public static func versionNotInstalled(appID: AppID, version: PackageVersion) -> PackageError {
        PackageError(.versionNotInstalled(appID: appID, version: version))
    }
    /// A `package.nothingToRollBackTo` failure.
    public static func nothingToRollBackTo(_ value: AppID) -> PackageError {
        PackageError(.nothingToRollBackTo(value))
    }
    /// A `package.storeIO` failure.
    public static func storeIO(operation: String, path: String, reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.storeIO(operation: operation, path: path, reason: reason), cause: cause)
    }
}

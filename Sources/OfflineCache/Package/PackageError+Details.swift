// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension PackageError {
    package enum Details: Sendable, Hashable, CustomStringConvertible {
        // Identity
        case invalidAppID(String)
        case invalidVersion(String)

        // The zip container
        case unreadableFile(path: String, reason: String)
        case notAZipArchive(reason: String)
        /// Something other than a regular file where a package file is expected (`kind`: "a
        /// directory", "a FIFO", "a character device", …).
        case notARegularFile(path: String, kind: String)
        case unsafeEntryPath(entry: String, problem: PackagePath.Problem)
        case symlinkEntry(String)
        case duplicateEntry(String)
        case collidingEntries(String, String)
        case tooManyEntries(count: Int, limit: Int)
        case entryTooLarge(entry: String, bytes: Int64, limit: Int64)
        case packageTooLarge(bytes: Int64, limit: Int64)
        case suspiciousCompressionRatio(entry: String, ratio: Int64, limit: Int64)
        case corruptEntry(entry: String, reason: String)

        // Manifest and signature
        case missingManifest
        case manifestTooLarge(bytes: Int, limit: Int)
        case invalidManifest(String)
        case missingSignature
        case invalidSignatureFile(String)
        case unknownSigner(keyID: String)
        case badSignature(keyID: String)
        case unsignedPackageRefused

        // Contents against the manifest
        case hashMismatch(path: String, expected: String, actual: String)
        case unlistedFile(String)
        case missingFile(String)

        // Store rules
        case appIDMismatch(expected: AppID, found: AppID)
        case versionMismatch(expected: PackageVersion, found: PackageVersion)
        case downgradeRefused(appID: AppID, installed: PackageVersion, offered: PackageVersion)
        case versionAlreadyInstalled(appID: AppID, version: PackageVersion)
        case notInstalled(AppID)
        case versionNotInstalled(appID: AppID, version: PackageVersion)
        case nothingToRollBackTo(AppID)
        case storeIO(operation: String, path: String, reason: String)

        package var description: String {
            switch self {
            case .invalidAppID(let value): return "invalid appId \"\(value)\" (allowed: [A-Za-z0-9._-]{1,64}, not starting with '.')"
            case .invalidVersion(let value): return "invalid version \"\(value)\" (1 to 4 dot-separated numbers, no leading zeros)"
            case .unreadableFile(let path, let reason): return "cannot read \(path): \(reason)"
            case .notAZipArchive(let reason): return "not a valid zip archive: \(reason)"
            case .notARegularFile(let path, let kind): return "\(path) is \(kind), not a package file"
            case .unsafeEntryPath(let entry, let problem): return "entry path \"\(entry)\" \(problem.rawValue)"
            case .symlinkEntry(let entry): return "entry \"\(entry)\" is a symbolic link; packages may hold regular files only"
            case .duplicateEntry(let entry): return "entry \"\(entry)\" appears more than once"
            case .collidingEntries(let first, let second):
                return "entries \"\(first)\" and \"\(second)\" collide (same name ignoring case or Unicode normalization)"
            case .tooManyEntries(let count, let limit): return "package has \(count) entries; the limit is \(limit)"
            case .entryTooLarge(let entry, let bytes, let limit):
                return "entry \"\(entry)\" is \(bytes) bytes uncompressed; the limit is \(limit)"
            case .packageTooLarge(let bytes, let limit): return "package expands to \(bytes) bytes; the limit is \(limit)"
            case .suspiciousCompressionRatio(let entry, let ratio, let limit):
                return "entry \"\(entry)\" compresses \(ratio):1 (limit \(limit):1); refusing a possible zip bomb"
            case .corruptEntry(let entry, let reason): return "entry \"\(entry)\" cannot be read: \(reason)"
            case .missingManifest: return "package has no manifest.json"
            case .manifestTooLarge(let bytes, let limit): return "manifest.json is \(bytes) bytes; the limit is \(limit)"
            case .invalidManifest(let reason): return "invalid manifest.json: \(reason)"
            case .missingSignature: return "package has no manifest.sig"
            case .invalidSignatureFile(let reason): return "invalid manifest.sig: \(reason)"
            case .unknownSigner(let keyID): return "package is signed by key \(keyID), which is not trusted"
            case .badSignature(let keyID):
                return "manifest.sig does not verify with key \(keyID): the manifest was altered or the signature forged"
            case .unsignedPackageRefused: return "package is unsigned; unsigned packages load only in developer mode"
            case .hashMismatch(let path, let expected, let actual): return "\(path) has SHA-256 \(actual), the manifest says \(expected)"
            case .unlistedFile(let path): return "\(path) is in the package but not listed in manifest.files"
            case .missingFile(let path): return "\(path) is listed in manifest.files but missing from the package"
            case .appIDMismatch(let expected, let found): return "expected a package of \(expected), got one of \(found)"
            case .versionMismatch(let expected, let found): return "expected version \(expected), got \(found)"
            case .downgradeRefused(let appID, let installed, let offered):
                return "\(appID) \(installed) is installed; refusing to downgrade to \(offered)"
            case .versionAlreadyInstalled(let appID, let version): return "\(appID) \(version) is already installed"
            case .notInstalled(let appID): return "\(appID) is not installed"
            case .versionNotInstalled(let appID, let version): return "\(appID) \(version) is not installed"
            case .nothingToRollBackTo(let appID): return "\(appID) has no earlier version to roll back to"
            case .storeIO(let operation, let path, let reason): return "package store could not \(operation) \(path): \(reason)"
            }
        }
    }
}

extension PackageError.Details {
    /// The case name, the last part of the code.
    package var name: String {
        switch self {
        case .invalidAppID: return "invalidAppID"
        case .invalidVersion: return "invalidVersion"
        case .unreadableFile: return "unreadableFile"
        case .notAZipArchive: return "notAZipArchive"
        case .notARegularFile: return "notARegularFile"
        case .unsafeEntryPath: return "unsafeEntryPath"
        case .symlinkEntry: return "symlinkEntry"
        case .duplicateEntry: return "duplicateEntry"
        case .collidingEntries: return "collidingEntries"
        case .tooManyEntries: return "tooManyEntries"
        case .entryTooLarge: return "entryTooLarge"
        case .packageTooLarge: return "packageTooLarge"
        case .suspiciousCompressionRatio: return "suspiciousCompressionRatio"
        case .corruptEntry: return "corruptEntry"
        case .missingManifest: return "missingManifest"
        case .manifestTooLarge: return "manifestTooLarge"
        case .invalidManifest: return "invalidManifest"
        case .missingSignature: return "missingSignature"
        case .invalidSignatureFile: return "invalidSignatureFile"
        case .unknownSigner: return "unknownSigner"
        case .badSignature: return "badSignature"
        case .unsignedPackageRefused: return "unsignedPackageRefused"
        case .hashMismatch: return "hashMismatch"
        case .unlistedFile: return "unlistedFile"
        case .missingFile: return "missingFile"
        case .appIDMismatch: return "appIDMismatch"
        case .versionMismatch: return "versionMismatch"
        case .downgradeRefused: return "downgradeRefused"
        case .versionAlreadyInstalled: return "versionAlreadyInstalled"
        case .notInstalled: return "notInstalled"
        case .versionNotInstalled: return "versionNotInstalled"
        case .nothingToRollBackTo: return "nothingToRollBackTo"
        case .storeIO: return "storeIO"
        }
    }
}

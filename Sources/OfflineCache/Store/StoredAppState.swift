// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// What the store records about one app (`apps/<appId>/state.json`), replaced atomically.
/// A version folder not listed here was never committed and is removed on recovery.
struct StoredAppState: Codable, Sendable, Hashable {
    struct VersionRecord: Codable, Sendable, Hashable {
        var installedAt: Date
        var bytes: Int64
        var signer: String?
        /// Set when the version was rolled back from, with the reason.
        var rolledBack: String?
        /// True once the version launched successfully (its probation passed).
        var confirmed: Bool?
        /// Launches started but not confirmed (a process killed mid-launch counts here).
        var unconfirmedLaunches: Int?
    }

    var active: PackageVersion?
    /// Installed, to be activated at the next launch.
    var pending: PackageVersion?
    /// Versions that were active before, oldest first; `rollback` returns to the last one.
    var history: [PackageVersion] = []
    var versions: [String: VersionRecord] = [:]
    var lastRollback: RollbackRecord?

    func record(_ version: PackageVersion) -> VersionRecord? { versions[version.description] }

    var installedVersions: [PackageVersion] {
        versions.keys.compactMap(PackageVersion.init).sorted()
    }
}

/// A rollback that happened, kept for diagnostics.
public struct RollbackRecord: Codable, Sendable, Hashable {
    /// The version that was active.
    public var from: PackageVersion
    /// The version made active.
    public var to: PackageVersion
    /// Why (given by the caller, e.g. "onLaunch threw TypeError").
    public var reason: String
    /// When.
    public var at: Date
}

/// An installed app as the store lists it.
public struct InstalledApp: Sendable, Hashable {
    public let appId: AppID
    /// The version apps launch, if any.
    public let activeVersion: PackageVersion?
    /// Every version on disk, oldest first.
    public let versions: [InstalledVersion]
    /// The last rollback, if any.
    public let lastRollback: RollbackRecord?
    /// A version installed to be activated at the next launch.
    public let pendingVersion: PackageVersion?
}

/// One installed version.
public struct InstalledVersion: Sendable, Hashable {
    public let version: PackageVersion
    public let installedAt: Date
    public let bytes: Int64
    /// The key ID of the signer, `nil` for an unsigned (developer-mode) package.
    public let signerKeyID: String?
    /// Why this version was rolled back from, if it was.
    public let rolledBackReason: String?
    /// True once it launched successfully.
    public let confirmed: Bool
}

/// The version of an app that launches, with its verified manifest and files.
public struct ActivePackage: Sendable, Hashable {
    public let appId: AppID
    public let version: PackageVersion
    public let manifest: PackageManifest
    /// The folder holding the app's files (`manifest.files` paths are relative to it).
    public let filesDirectory: URL
    /// `filesDirectory.path`, computed once (URL path work is slow on the hot path).
    public let filesPath: String

    /// Creates a description of an active package.
    public init(appId: AppID, version: PackageVersion, manifest: PackageManifest, filesDirectory: URL) {
        self.appId = appId
        self.version = version
        self.manifest = manifest
        self.filesDirectory = filesDirectory
        self.filesPath = filesDirectory.path
    }
}

/// What an install did.
public struct InstallReceipt: Sendable, Hashable {
    public let appId: AppID
    public let version: PackageVersion
    /// The version that was active before, if any.
    public let previousVersion: PackageVersion?
    /// True if the new version is now the active one.
    public let activated: Bool
    /// Bytes of app files written.
    public let bytes: Int64
    /// Old versions removed to respect the retention policy.
    public let evicted: [PackageVersion]
}

/// Where an install is, for progress displays (and crash tests).
public enum InstallPhase: Sendable, Hashable, CustomStringConvertible {
    /// Checking entries, signature and manifest.
    case verifying
    /// Writing files into staging, each hash checked; bytes so far of the total.
    case extracting(written: Int64, total: Int64)
    /// Flushing staging to disk.
    case flushing
    /// Moving the version into place and switching the active pointer.
    case activating
    /// The new state is on disk: the install happened.
    case committed

    public var description: String {
        switch self {
        case .verifying: return "verifying"
        case .extracting(let written, let total): return "extracting \(written)/\(total)"
        case .flushing: return "flushing"
        case .activating: return "activating"
        case .committed: return "committed"
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension PackageStore {
    /// Installs a package file: signature and manifest checked against the trusted keys,
    /// every file's hash checked while extracting into staging, then activated atomically.
    ///
    /// On any error nothing changes: the previously active version stays active and launchable.
    /// - Parameter progress: told each phase, and each file written while extracting.
    @discardableResult
    public func install(
        packageAt url: URL, options: InstallOptions = InstallOptions(),
        progress: (@Sendable (InstallPhase) -> Void)? = nil
    ) throws -> InstallReceipt {
        progress?(.verifying)
        let archive = try PackageArchive(url: url, limits: configuration.limits)
        let header = try PackageVerifier.verifyHeader(
            archive, trusting: configuration.trustedKeys, allowUnsigned: configuration.allowsUnsigned)
        let manifest = header.manifest
        let appId = manifest.appId
        let version = manifest.version
        if let expected = options.expectedAppID, expected != appId {
            throw PackageError.appIDMismatch(expected: expected, found: appId)
        }
        if let expected = options.expectedVersion, expected != version {
            throw PackageError.versionMismatch(expected: expected, found: version)
        }
        return try withAppLock(appId) {
            let state = try loadState(appId)
            try precheck(state, appId: appId, version: version, options: options)
            let staging = try makeStaging(appId)
            defer { StoreIO.removeTree(staging) }
            let bytes = try PackageExtractor(archive: archive, manifest: manifest)
                .extract(into: staging.appendingPathComponent("files")) { written, total in
                    progress?(.extracting(written: written, total: total))
                }
            let signature = try archive.signatureEntry.map {
                try archive.read($0, limit: configuration.limits.maximumSignatureBytes)
            }
            return try commit(
                staging: staging, manifest: manifest, manifestBytes: header.bytes, signature: signature,
                signer: header.signer, bytes: bytes, state: state, options: options, progress: progress)
        }
    }

    /// Refuses a version already installed, or a downgrade not allowed.
    func precheck(_ state: StoredAppState, appId: AppID, version: PackageVersion, options: InstallOptions) throws {
        if state.record(version) != nil {
            throw PackageError.versionAlreadyInstalled(appID: appId, version: version)
        }
        if let active = state.active, version < active, !options.allowDowngrade {
            throw PackageError.downgradeRefused(appID: appId, installed: active, offered: version)
        }
    }

    /// A fresh staging folder (with its `files` subfolder) for an install of `appId`.
    func makeStaging(_ appId: AppID) throws -> URL {
        let staging = stagingDirectory.appendingPathComponent("\(appId.rawValue)-\(UUID().uuidString)")
        let files = staging.appendingPathComponent("files")
        do {
            try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        } catch {
            throw PackageError.storeIO(operation: "create folder", path: files.path, reason: error.localizedDescription, cause: error)
        }
        return staging
    }

    /// Makes a fully written and verified staging folder a committed version: manifest and
    /// signature written, everything flushed, folder renamed into place, state replaced.
    /// Call holding the app lock.
    func commit(
        staging: URL, manifest: PackageManifest, manifestBytes: Data, signature: Data?, signer: PackagePublicKey?,
        bytes: Int64, state: StoredAppState, options: InstallOptions, progress: (@Sendable (InstallPhase) -> Void)?
    ) throws -> InstallReceipt {
        let appId = manifest.appId
        let version = manifest.version
        var state = state
        try StoreIO.atomicWrite(manifestBytes, to: staging.appendingPathComponent(PackageArchive.manifestName))
        if let signature {
            try StoreIO.atomicWrite(signature, to: staging.appendingPathComponent(PackageArchive.signatureName))
        }
        // Everything written so far reaches the disk before the version becomes visible.
        progress?(.flushing)
        try StoreIO.syncFileSystem(containing: staging)
        let destination = versionDirectory(appId, version)
        try FileManager.default.createDirectory(at: versionsDirectory(appId), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: destination.path) {
            // Never committed (not in state.json): a leftover of an interrupted install.
            StoreIO.removeTree(destination)
        }
        progress?(.activating)
        try StoreIO.atomicRename(staging, to: destination)

        let previous = state.active
        state.versions[version.description] = StoredAppState.VersionRecord(
            installedAt: Date(), bytes: bytes, signer: signer?.keyID)
        if options.activate {
            if let previous { state.history.append(previous) }
            state.active = version
            state.pending = nil
        } else if options.markPending {
            state.pending = version
        }
        let evicted = evictionCandidates(in: state)
        for old in evicted {
            state.versions[old.description] = nil
            state.history.removeAll { $0 == old }
        }
        try saveState(state, for: appId)
        progress?(.committed)
        for old in evicted { deleteEvicted(appId, old) }
        configuration.logger.info(
            "installed \(appId) \(version)\(options.activate ? " (active)" : options.markPending ? " (pending)" : "")",
            metadata: ["bytes": "\(bytes)", "previous": "\(previous?.description ?? "none")"])
        return InstallReceipt(
            appId: appId, version: version, previousVersion: previous, activated: options.activate, bytes: bytes,
            evicted: evicted)
    }

    /// Versions beyond the retention count, oldest first; the active version and the
    /// rollback target (the last history entry) are never chosen.
    func evictionCandidates(in state: StoredAppState) -> [PackageVersion] {
        let protected = Set([state.active, state.history.last, state.pending].compactMap { $0 })
        let installed = state.installedVersions
        let excess = installed.count - configuration.retainedVersions
        guard excess > 0 else { return [] }
        return Array(installed.filter { !protected.contains($0) }.prefix(excess))
    }

    /// Makes an installed version the active one (e.g. a pending update).
    public func activate(_ appId: AppID, version: PackageVersion) throws {
        try withAppLock(appId) {
            var state = try loadState(appId)
            guard state.record(version) != nil else {
                throw PackageError.versionNotInstalled(appID: appId, version: version)
            }
            guard state.active != version else { return }
            if let previous = state.active { state.history.append(previous) }
            state.active = version
            try saveState(state, for: appId)
        }
    }

    /// Returns to the previously active version, recording why. The version rolled back from
    /// stays installed, marked with the reason.
    @discardableResult
    public func rollback(_ appId: AppID, reason: String) throws -> RollbackRecord {
        try withAppLock(appId) {
            var state = try loadState(appId)
            guard let current = state.active else { throw PackageError.notInstalled(appId) }
            while let candidate = state.history.popLast() {
                guard state.record(candidate) != nil, candidate != current else { continue }
                let record = RollbackRecord(from: current, to: candidate, reason: reason, at: Date())
                state.active = candidate
                state.lastRollback = record
                state.versions[current.description]?.rolledBack = reason
                try saveState(state, for: appId)
                configuration.logger.warning("rolled back \(appId) \(current) → \(candidate): \(reason)")
                return record
            }
            throw PackageError.nothingToRollBackTo(appId)
        }
    }

    /// Removes an app and all its versions.
    public func remove(_ appId: AppID) throws {
        try withAppLock(appId) {
            let directory = appDirectory(appId)
            guard FileManager.default.fileExists(atPath: stateURL(appId).path) else { throw PackageError.notInstalled(appId) }
            // One rename makes the app disappear atomically; the tree is deleted afterwards.
            let doomed = stagingDirectory.appendingPathComponent("\(appId.rawValue)-removed-\(UUID().uuidString)")
            try StoreIO.atomicRename(directory, to: doomed)
            StoreIO.removeTree(doomed)
            activeCacheReset(appId)
        }
    }

    /// Removes one non-active version.
    public func removeVersion(_ appId: AppID, version: PackageVersion) throws {
        try withAppLock(appId) {
            var state = try loadState(appId)
            guard state.record(version) != nil else { throw PackageError.versionNotInstalled(appID: appId, version: version) }
            guard state.active != version else {
                throw PackageError.storeIO(operation: "remove", path: version.description, reason: "it is the active version")
            }
            state.versions[version.description] = nil
            state.history.removeAll { $0 == version }
            try saveState(state, for: appId)
            deleteEvicted(appId, version)
        }
    }
}

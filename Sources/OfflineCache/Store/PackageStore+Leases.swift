// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Keeps one installed version on disk while it is in use (a running app instance, a reader
/// walking its files). Eviction never deletes a leased version's folder: it is deleted when
/// the last lease ends. Dropping the lease releases it.
public final class PackageLease: Sendable {
    public let appId: AppID
    public let version: PackageVersion
    private let store: PackageStore

    init(store: PackageStore, appId: AppID, version: PackageVersion) {
        self.store = store
        self.appId = appId
        self.version = version
    }

    deinit {
        store.releaseLease(appId, version)
    }
}

extension PackageStore {
    static func leaseKey(_ appId: AppID, _ version: PackageVersion) -> String { "\(appId.rawValue)/\(version)" }

    /// The active version with a lease that keeps its files on disk until released.
    public func leaseActive(_ appId: AppID) throws -> (package: ActivePackage, lease: PackageLease)? {
        for _ in 0..<8 {
            guard let active = try activePackage(appId) else { return nil }
            let key = Self.leaseKey(appId, active.version)
            leaseCounts.withLock { $0[key, default: 0] += 1 }
            let lease = PackageLease(store: self, appId: appId, version: active.version)
            // Still installed after registering? Then eviction will spare it from now on.
            if try loadState(appId).record(active.version) != nil,
                FileManager.default.fileExists(atPath: active.filesPath)
            {
                return (active, lease)
            }
        }
        return nil
    }

    func releaseLease(_ appId: AppID, _ version: PackageVersion) {
        let key = Self.leaseKey(appId, version)
        let deleteNow = leaseCounts.withLock { counts -> Bool in
            let remaining = (counts[key] ?? 1) - 1
            counts[key] = remaining > 0 ? remaining : nil
            return remaining <= 0 && evictedWhileLeased.withLock { $0.remove(key) != nil }
        }
        if deleteNow { StoreIO.removeTree(versionDirectory(appId, version)) }
    }

    /// Deletes an evicted version's folder, or defers it to the release of its last lease.
    func deleteEvicted(_ appId: AppID, _ version: PackageVersion) {
        let key = Self.leaseKey(appId, version)
        let leased = leaseCounts.withLock { counts -> Bool in
            guard (counts[key] ?? 0) > 0 else { return false }
            evictedWhileLeased.withLock { _ = $0.insert(key) }
            return true
        }
        if !leased { StoreIO.removeTree(versionDirectory(appId, version)) }
    }
}

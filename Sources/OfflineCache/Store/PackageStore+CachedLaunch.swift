// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

extension PackageStore {
    /// A launch of a confirmed version with nothing pending, begun from what the store has
    /// cached: the ticket, the active package and a lease, or nil when any of it would need a
    /// read, a write or the app's lock (then use ``activatePendingAndBeginLaunch(_:)`` and
    /// ``leaseActive(_:)`` on the blocking pool).
    ///
    /// Costs a few `stat` calls and never blocks on a lock or reads a file, so a caller may run
    /// it on its own thread and save the trip to the blocking pool. The answer is the one the
    /// slow path would give: the cached state is used only while its file is unchanged, and the
    /// lease is checked after it is registered exactly like ``leaseActive(_:)`` checks it.
    public func beginCachedLaunch(_ appId: AppID) -> (ticket: LaunchTicket, package: ActivePackage, lease: PackageLease)? {
        guard let (state, package) = cachedStateAndActive(appId), state.pending == nil,
            let package, let activeVersion = state.active, activeVersion == package.version,
            let record = state.record(activeVersion), record.confirmed == true
        else { return nil }
        let key = Self.leaseKey(appId, package.version)
        leaseCounts.withLock { $0[key, default: 0] += 1 }
        let lease = PackageLease(store: self, appId: appId, version: package.version)
        // Still installed after registering (eviction spares leased versions from then on)? The
        // files are there: the caller then finds the entry file unchanged, or reads it the usual way.
        guard let (after, _) = cachedStateAndActive(appId), after.record(package.version) != nil else { return nil }
        let ticket = LaunchTicket(
            appId: appId, version: activeVersion, onProbation: false, unconfirmedLaunches: record.unconfirmedLaunches ?? 0,
            confirmed: true)
        return (ticket, package, lease)
    }
}

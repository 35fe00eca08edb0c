// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// What the store knows about the version an app is about to launch.
public struct LaunchTicket: Sendable, Hashable {
    public let appId: AppID
    public let version: PackageVersion
    /// The version has not yet launched successfully: a failure now rolls it back.
    public let onProbation: Bool
    /// Launches of this version begun and not confirmed, this one included.
    public let unconfirmedLaunches: Int
    /// The version has launched successfully before: confirming this launch changes nothing.
    public let confirmed: Bool
}

extension PackageStore {
    /// Activates the app's pending version, if any (the "install on next launch" policy).
    @discardableResult
    public func activatePending(_ appId: AppID) throws -> PackageVersion? {
        try withAppLock(appId) { try activatePendingLocked(appId) }
    }

    /// `activatePending` for a caller holding the app's lock.
    private func activatePendingLocked(_ appId: AppID) throws -> PackageVersion? {
        var state = try loadState(appId)
        guard let pending = state.pending else { return nil }
        state.pending = nil
        if state.record(pending) != nil, state.active != pending {
            if let previous = state.active { state.history.append(previous) }
            state.active = pending
        }
        try saveState(state, for: appId)
        return pending
    }

    /// Records that a launch of the active version begins. Durable, so a process killed
    /// mid-launch is remembered: `unconfirmedLaunches` counts launches never confirmed.
    public func beginLaunch(_ appId: AppID) throws -> LaunchTicket? {
        try withAppLock(appId) { try beginLaunchLocked(appId) }
    }

    /// Activates a pending version, if any (a failure to do so is left for the next launch),
    /// then begins the launch: both under one hold of the app's lock.
    ///
    /// The common case takes no lock: nothing pending and the active version confirmed (or no
    /// app at all) means nothing is written, and the state file is only ever replaced whole, so
    /// a read without the lock sees one consistent state.
    public func activatePendingAndBeginLaunch(_ appId: AppID) throws -> LaunchTicket? {
        let state = try loadState(appId)
        if state.pending == nil {
            guard let active = state.active, let record = state.record(active) else { return nil }
            if record.confirmed == true {
                return LaunchTicket(
                    appId: appId, version: active, onProbation: false, unconfirmedLaunches: record.unconfirmedLaunches ?? 0,
                    confirmed: true)
            }
        }
        return try withAppLock(appId) {
            _ = try? activatePendingLocked(appId)
            return try beginLaunchLocked(appId)
        }
    }

    /// `beginLaunch` for a caller holding the app's lock.
    private func beginLaunchLocked(_ appId: AppID) throws -> LaunchTicket? {
        var state = try loadState(appId)
        guard let active = state.active, var record = state.record(active) else { return nil }
        let confirmed = record.confirmed ?? false
        if !confirmed {
            record.unconfirmedLaunches = (record.unconfirmedLaunches ?? 0) + 1
            state.versions[active.description] = record
            try saveState(state, for: appId)
        }
        return LaunchTicket(
            appId: appId, version: active, onProbation: !confirmed && !state.history.isEmpty,
            unconfirmedLaunches: record.unconfirmedLaunches ?? 0, confirmed: confirmed)
    }

    /// Marks a version as launched successfully: it is no longer on probation.
    public func confirmLaunch(_ appId: AppID, version: PackageVersion) throws {
        try withAppLock(appId) {
            var state = try loadState(appId)
            guard var record = state.record(version), record.confirmed != true else { return }
            record.confirmed = true
            record.unconfirmedLaunches = 0
            state.versions[version.description] = record
            try saveState(state, for: appId)
        }
    }

    /// Versions rolled back from: an update client does not offer them again.
    public func rolledBackVersions(_ appId: AppID) throws -> Set<PackageVersion> {
        let state = try loadState(appId)
        return Set(
            state.versions.compactMap { key, record in
                record.rolledBack != nil ? PackageVersion(key) : nil
            })
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

extension PackageStore {
    /// Removes what interrupted installs left behind: staging folders and version folders
    /// never recorded in `state.json`. Each app is recovered under its lock, so an install
    /// running in another process is never disturbed.
    func recover() throws {
        let fileManager = FileManager.default
        let staged = (try? fileManager.contentsOfDirectory(atPath: stagingDirectory.path)) ?? []
        var appsWithLeftovers = Set<String>()
        for name in staged {
            let appName = name.split(separator: "-", maxSplits: 1).first.map(String.init) ?? name
            appsWithLeftovers.insert(appName)
        }
        let apps = (try? fileManager.contentsOfDirectory(atPath: appsDirectory.path)) ?? []
        for name in Set(apps).union(appsWithLeftovers) {
            guard let appId = AppID(rawValue: name) else { continue }
            try withAppLock(appId) {
                for leftover in staged where leftover.hasPrefix("\(appId.rawValue)-") {
                    configuration.logger.notice("removing leftover staging folder \(leftover)")
                    StoreIO.removeTree(stagingDirectory.appendingPathComponent(leftover))
                }
                try recoverVersions(of: appId)
            }
        }
        // Names that are not app IDs cannot come from this store; remove them too.
        for leftover in staged where AppID(rawValue: String(leftover.split(separator: "-").first ?? "")) == nil {
            StoreIO.removeTree(stagingDirectory.appendingPathComponent(leftover))
        }
    }

    private func recoverVersions(of appId: AppID) throws {
        let fileManager = FileManager.default
        var state = try loadState(appId)
        let onDisk = (try? fileManager.contentsOfDirectory(atPath: versionsDirectory(appId).path)) ?? []
        for name in onDisk where state.versions[name] == nil {
            configuration.logger.notice("removing uncommitted version \(appId) \(name)")
            StoreIO.removeTree(versionsDirectory(appId).appendingPathComponent(name))
        }
        // A recorded version whose folder vanished (deleted by hand) is forgotten.
        var changed = false
        for name in state.versions.keys where !onDisk.contains(name) {
            state.versions[name] = nil
            changed = true
        }
        if changed {
            let recorded = state.versions
            state.history.removeAll { recorded[$0.description] == nil }
            if let active = state.active, state.record(active) == nil {
                state.active = state.history.popLast()
            }
            try saveState(state, for: appId)
        }
        // Temporary state files from an interrupted atomic write.
        let appFiles = (try? fileManager.contentsOfDirectory(atPath: appDirectory(appId).path)) ?? []
        for name in appFiles where name.hasPrefix(".state.json.tmp-") {
            StoreIO.removeTree(appDirectory(appId).appendingPathComponent(name))
        }
    }

    func activeCacheReset(_ appId: AppID) {
        _ = try? activePackage(appId)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Probation of newly activated versions: rollback with a reason, or confirmation.
extension MicroAppContainer {
    static func isVersionFault(_ error: any Error) -> Bool {
        guard let error = error as? ContainerError else { return false }
        return [.loadFailed, .scriptFailed, .scriptTimedOut].contains(error.code)
    }

    func rollBack(_ appId: AppID, from version: PackageVersion, reason: String) async {
        guard let record = try? await store.perform({ try $0.rollback(appId, reason: reason) }) else { return }
        logger.warning("rolled back \(appId) \(version) → \(record.to): \(reason)")
        emit(.rolledBack(appId: appId.rawValue, from: record.from.description, to: record.to.description, reason: reason))
    }

    /// Confirms the version after `probationPeriod` unless the instance failed meanwhile.
    func beginProbation(_ appId: AppID, version: PackageVersion, instanceID: UInt64) async {
        probations[instanceID] = (appId, version)
        if configuration.probationPeriod == .zero {
            await endProbation(appId, version: version, instanceID: instanceID)
            return
        }
        let period = configuration.probationPeriod
        background.spawn { [weak self] in
            // Cancelled at shutdown: the instances are destroyed first, which ends their probations.
            try? await Task.sleep(for: period)
            await self?.endProbation(appId, version: version, instanceID: instanceID)
        }
    }

    /// Ends a probation: rollback if the instance failed meanwhile, else confirmation. Also
    /// runs when the host destroys the instance early (a clean exit confirms the version).
    func endProbation(_ appId: AppID, version: PackageVersion, instanceID: UInt64) async {
        guard probations.removeValue(forKey: instanceID) != nil else { return }
        if let app = apps[instanceID], let failure = await app.failures.first {
            await rollBack(appId, from: version, reason: "failed during its first \(configuration.probationPeriod): \(failure)")
            return
        }
        _ = try? await store.perform { try $0.confirmLaunch(appId, version: version) }
        emit(.confirmed(appId: appId.rawValue, version: version.description))
    }
}

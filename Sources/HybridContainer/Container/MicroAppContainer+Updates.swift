// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

extension MicroAppContainer {
    /// Checks the update channel now and installs what is offered, activated at each app's
    /// next launch. Call it on a push notice from the host's own channel, or on a schedule.
    /// Concurrent calls share one check.
    @discardableResult
    public func checkForUpdates() async throws -> [UpdateReceipt] {
        guard let updater, let channel = configuration.updateChannel else { return [] }
        if let running = updateInFlight { return try await running.value }
        let task = Task { try await updater.updateAll(channel, activation: .nextLaunch) }
        updateInFlight = task
        defer { updateInFlight = nil }
        let receipts = try await task.value
        for receipt in receipts {
            emit(.updateInstalled(appId: receipt.appId.rawValue, version: receipt.version.description, method: receipt.method))
        }
        return receipts
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// The fuse's decisions at launch time.
extension MicroAppContainer {
    /// Fused apps go to their online copy when there is one; otherwise the launch is refused.
    func fuseRedirect(_ source: LaunchSource) async throws -> LaunchSource {
        let appId = Self.appIdHint(source)
        guard let open = fuse.openState(appId) else { return source }
        if case .online = source { return source }
        var base = configuration.onlineApps.first { $0.appId.rawValue == appId }?.fallbackBaseURL
        if base == nil, let id = AppID(rawValue: appId) {
            base = (try? await store.perform { try $0.activePackage(id)?.manifest.fallbackBase }) ?? nil
        }
        if let base {
            emit(.servedOnline(appId: appId, reason: "fused after \(open.failures) failures: \(open.reason)"))
            return .online(appId: appId, fallbackBaseURL: base)
        }
        throw ContainerError.fused(appId: appId, failures: open.failures, reason: open.reason)
    }

    func fail(_ appId: String, reason: String) {
        emit(.launchFailed(appId: appId, error: reason))
        if fuse.recordFailure(appId, reason: reason) {
            emit(.fuseOpened(appId: appId, failures: fuse.threshold, reason: reason))
        }
    }

    static func appIdHint(_ source: LaunchSource) -> String {
        switch source {
        case .installed(let appId), .online(let appId, _): return appId
        case .packageFile(let url): return url.deletingPathExtension().lastPathComponent
        case .directory(let url): return url.lastPathComponent
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The host's rules on top of each app's manifest `permissions` (deny-first, like Tauri's
/// capabilities): an API is callable only if the app declares its permission (or the API's
/// name) and the host does not deny it.
public struct PermissionPolicy: Sendable, Hashable {
    /// APIs (or permission groups) no app may call.
    public var deniedEverywhere: Set<String>
    /// Per appId: APIs (or groups) denied to that app.
    public var deniedPerApp: [String: Set<String>]
    /// Per appId: permissions granted by the host even if the manifest omits them.
    public var grantedPerApp: [String: Set<String>]

    /// Creates a policy.
    public init(
        deniedEverywhere: Set<String> = [], deniedPerApp: [String: Set<String>] = [:],
        grantedPerApp: [String: Set<String>] = [:]
    ) {
        self.deniedEverywhere = deniedEverywhere
        self.deniedPerApp = deniedPerApp
        self.grantedPerApp = grantedPerApp
    }

    /// `nil` if the app may call `api` (which requires `permission`), else why not.
    public func refusal(api: String, permission: String?, app: AppDescriptor) -> String? {
        let denied = deniedEverywhere.union(deniedPerApp[app.appId.rawValue] ?? [])
        if denied.contains(api) || permission.map(denied.contains) == true {
            return "the host denies \(api) to \(app.appId)"
        }
        guard let permission else { return nil }
        let granted = app.permissions.union(grantedPerApp[app.appId.rawValue] ?? [])
        if granted.contains(permission) || granted.contains(api) { return nil }
        return "\(app.appId) does not declare the \"\(permission)\" permission in its manifest"
    }
}

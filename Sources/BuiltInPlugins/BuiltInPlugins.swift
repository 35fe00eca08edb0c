// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Plugins

/// The built-in plugins, registered together.
public enum BuiltInPlugins {
    /// Registers storage (SQLite at `storageDatabase`), files (per-app folders under
    /// `filesDirectory`, by default `files` next to the database), request, info, notification,
    /// config, report, navigation and WebSockets (within `sockets`).
    public static func register(
        into registry: inout PluginRegistry, storageDatabase: URL, filesDirectory: URL? = nil, deviceID: String,
        configSwitches: [ConfigSwitch] = [], request: RequestPlugin.Settings = .init(), sockets: SocketLimits = .init(),
        hostName: String = "HybridContainer", hostVersion: String = "1.0"
    ) throws {
        try registry.register(StoragePlugin(databaseURL: storageDatabase))
        try registry.register(
            FileSystemPlugin(root: filesDirectory ?? storageDatabase.deletingLastPathComponent().appendingPathComponent("files")))
        try registry.register(RequestPlugin(settings: request))
        try registry.register(SocketPlugin(limits: sockets))
        try registry.register(InfoPlugin(hostName: hostName, hostVersion: hostVersion))
        try registry.register(NotificationPlugin())
        try registry.register(ConfigPlugin(deviceID: deviceID, switches: configSwitches))
        try registry.register(ReportPlugin())
        try registry.register(NavigationPlugin())
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins

/// `getSystemInfo` and `getAppInfo`: facts about the host and the calling app (no permission).
public struct InfoPlugin: Plugin {
    public let name = "info"
    /// The host's name and version, reported to apps.
    public let hostName: String
    public let hostVersion: String

    /// Creates the plugin.
    public init(hostName: String = "HybridContainer", hostVersion: String = "1.0") {
        self.hostName = hostName
        self.hostVersion = hostVersion
    }

    public var methods: [PluginMethod] {
        let hostName = hostName
        let hostVersion = hostVersion
        return [
            .sync("getSystemInfo", permission: nil) { _ in
                let info = ProcessInfo.processInfo
                return [
                    "platform": "linux", "system": .string(info.operatingSystemVersionString),
                    "hostName": .string(hostName), "hostVersion": .string(hostVersion),
                    "processorCount": .number(Double(info.processorCount)),
                    "physicalMemory": .number(Double(info.physicalMemory)),
                    "language": .string(Locale.current.identifier),
                ]
            },
            // `connected` and `type` (`unknown` when connected: the kind is not knowable headless).
            .sync("getNetworkType", permission: nil) { _ in
                let connected = NetworkStatus.isConnected
                return ["connected": .bool(connected), "type": .string(connected ? "unknown" : "none")]
            },
            .sync("getAppInfo", permission: nil) { call in
                let app = call.app.descriptor
                return [
                    "appId": .string(app.appId.rawValue), "name": .string(app.name), "version": .string(app.version.description),
                    "source": .string(app.source.rawValue), "offline": .bool(app.source != .online),
                    "instanceId": .number(Double(app.instanceID)),
                ]
            },
        ]
    }
}

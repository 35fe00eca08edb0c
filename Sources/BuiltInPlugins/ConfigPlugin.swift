// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import Plugins

/// One switch a host hands to apps through `getConfig`, with gray-release rules.
public struct ConfigSwitch: Sendable, Hashable {
    public var key: String
    /// The value when the rules match.
    public var value: JSONValue
    /// The value otherwise (default `null`).
    public var defaultValue: JSONValue
    /// 0–100: the share of devices that get `value`, by a stable hash of device ID and key.
    public var percentage: Double
    /// Only these apps (empty: every app).
    public var appIds: Set<String>
    /// Inclusive bounds on the calling app's version.
    public var minimumAppVersion: PackageVersion?
    public var maximumAppVersion: PackageVersion?

    /// Creates a switch.
    public init(
        key: String, value: JSONValue, defaultValue: JSONValue = .null, percentage: Double = 100,
        appIds: Set<String> = [], minimumAppVersion: PackageVersion? = nil, maximumAppVersion: PackageVersion? = nil
    ) {
        self.key = key
        self.value = value
        self.defaultValue = defaultValue
        self.percentage = percentage
        self.appIds = appIds
        self.minimumAppVersion = minimumAppVersion
        self.maximumAppVersion = maximumAppVersion
    }

    /// Where this device falls in 0..<100 for this key (stable across runs and hosts).
    static func bucket(deviceID: String, key: String) -> Double {
        let digest = SHA256.hash(data: Data("\(deviceID)|\(key)".utf8))
        let value = digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Double(value % 10_000) / 100
    }

    func applies(deviceID: String, appId: AppID, appVersion: PackageVersion) -> Bool {
        if !appIds.isEmpty, !appIds.contains(appId.rawValue) { return false }
        if let minimum = minimumAppVersion, appVersion < minimum { return false }
        if let maximum = maximumAppVersion, appVersion > maximum { return false }
        return Self.bucket(deviceID: deviceID, key: key) < percentage
    }
}

/// `getConfig({key})` → `{value}`: host switches with gray rules (no permission needed).
public struct ConfigPlugin: Plugin {
    public let name = "config"
    public let deviceID: String
    public let switches: [String: [ConfigSwitch]]

    /// Creates the plugin. Several switches may share a key: the first that applies wins.
    public init(deviceID: String, switches: [ConfigSwitch]) {
        self.deviceID = deviceID
        self.switches = Dictionary(grouping: switches, by: \.key)
    }

    struct Params: Decodable { var key: String }

    public var methods: [PluginMethod] {
        let deviceID = deviceID
        let switches = switches
        return [
            .sync("getConfig", permission: nil) { call in
                let key = try call.decode(Params.self).key
                let app = call.app.descriptor
                guard let candidates = switches[key] else { return ["value": .null] }
                for candidate in candidates where candidate.applies(deviceID: deviceID, appId: app.appId, appVersion: app.version) {
                    return ["value": candidate.value]
                }
                return ["value": candidates.first?.defaultValue ?? .null]
            }
        ]
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation

/// A file a release points at (package or delta), relative to `releases.json`.
public struct ReleaseFile: Sendable, Hashable, Codable {
    public var url: String
    public var size: Int64
    public var sha256: String

    /// Creates an entry.
    public init(url: String, size: Int64, sha256: String) {
        self.url = url
        self.size = size
        self.sha256 = sha256
    }
}

/// A delta from an earlier version.
public struct ReleaseDelta: Sendable, Hashable, Codable {
    public var from: PackageVersion
    public var file: ReleaseFile
}

/// Who gets a release (every condition must hold; `deviceIds` always get it).
public struct RolloutRules: Sendable, Hashable, Codable {
    /// 0–100: share of devices, by a stable hash of device ID, app and version.
    public var percentage: Double
    /// Devices that always get the release (an allow-list for testers).
    public var deviceIds: [String]?
    /// Operating systems (e.g. `linux`); empty or missing means any.
    public var os: [String]?
    /// The lowest host version that may install it.
    public var minimumHostVersion: String?

    /// Everyone.
    public static let everyone = RolloutRules(percentage: 100)

    /// Creates rules.
    public init(percentage: Double, deviceIds: [String]? = nil, os: [String]? = nil, minimumHostVersion: String? = nil) {
        self.percentage = percentage
        self.deviceIds = deviceIds
        self.os = os
        self.minimumHostVersion = minimumHostVersion
    }

    /// Where a device falls in 0..<100 for a release: stable, independent across releases.
    public static func bucket(deviceID: String, appId: AppID, version: PackageVersion) -> Double {
        let digest = SHA256.hash(data: Data("\(deviceID)|\(appId)|\(version)".utf8))
        let value = digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Double(value % 10_000) / 100
    }

    /// True if the release goes to this device.
    public func admits(_ device: DeviceProfile, appId: AppID, version: PackageVersion) -> Bool {
        if deviceIds?.contains(device.deviceID) == true { return true }
        if let os, !os.isEmpty, !os.contains(device.os) { return false }
        if let minimum = minimumHostVersion, let host = PackageVersion(device.hostVersion), let floor = PackageVersion(minimum),
            host < floor
        {
            return false
        }
        return Self.bucket(deviceID: device.deviceID, appId: appId, version: version) < percentage
    }
}

/// One published version of an app.
public struct Release: Sendable, Hashable, Codable {
    public var appId: AppID
    public var version: PackageVersion
    public var package: ReleaseFile
    public var deltas: [ReleaseDelta]
    public var rollout: RolloutRules
    public var publishedAt: Date
}

/// `releases.json` of a channel: static, cacheable, servable by any HTTP server or CDN.
public struct ReleaseChannel: Sendable, Hashable, Codable {
    public var channel: String
    public var releases: [Release]

    /// The newest release of each app.
    public var latest: [AppID: Release] {
        var result: [AppID: Release] = [:]
        for release in releases where (result[release.appId]?.version ?? PackageVersion("0")!) < release.version {
            result[release.appId] = release
        }
        return result
    }
}

/// The device facts rollout rules look at.
public struct DeviceProfile: Sendable, Hashable {
    public var deviceID: String
    public var os: String
    public var hostVersion: String

    /// The machine's host name from `gethostname` (no DNS lookup, unlike `ProcessInfo.hostName`).
    public static var localHostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "device" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates a profile (`os` defaults to `linux`).
    public init(deviceID: String, os: String = "linux", hostVersion: String = "1.0") {
        self.deviceID = deviceID
        self.os = os
        self.hostVersion = hostVersion
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Why a custom device profile was refused.
public struct VirtualDeviceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the key.
    public let message: String
    public var description: String { "device profile: \(message)" }
}

extension VirtualDevice {
    /// The keys a custom profile may hold: `getSystemInfoSync`'s field names, and a few of the
    /// other info APIs (`navigationBarHeight` — Alipay's `titleBarHeight` —, `tabBarHeight`,
    /// `menuButton` as `getMenuButtonBoundingClientRect` gives it, `batteryLevel`/`level`, `isCharging`).
    public static let profileKeys: Set<String> = [
        "name", "brand", "model", "system", "platform", "version", "language", "pixelRatio", "screenWidth", "screenHeight",
        "windowWidth", "windowHeight", "statusBarHeight", "safeArea", "fontSizeSetting", "benchmarkLevel", "theme",
        "deviceOrientation", "wifiEnabled", "bluetoothEnabled", "locationEnabled", "navigationBarHeight", "titleBarHeight",
        "tabBarHeight", "menuButton", "batteryLevel", "level", "isCharging", "SDKVersion", "currentBattery",
    ]

    /// Fields the info APIs answer that a profile may carry (a saved `getSystemInfoSync()` of a
    /// real phone is a valid profile) but that come from elsewhere: authorisations from the
    /// host's grants, the rest from the host itself. Accepted and not used.
    public static let answeredElsewhere: Set<String> = [
        "albumAuthorized", "cameraAuthorized", "locationAuthorized", "microphoneAuthorized", "notificationAuthorized",
        "notificationAlertAuthorized", "notificationBadgeAuthorized", "notificationSoundAuthorized", "phoneCalendarAuthorized",
        "bluetoothAuthorized", "locationReducedAccuracy", "host", "enableDebug", "screenTop", "mode", "abi", "deviceAbi",
        "cpuType", "memorySize", "storage", "app", "isIphoneXSeries", "transparentTitle", "hostName", "errMsg",
    ]

    /// A custom profile: a JSON object whose keys are `getSystemInfoSync`'s field names
    /// (``profileKeys``; the fields of ``answeredElsewhere`` are accepted too, so a saved
    /// `getSystemInfoSync()` answer of a real phone is a profile); what it leaves out comes from `base`, and what follows from other
    /// numbers is derived (the navigation bar from `windowHeight`, the safe area's top from the
    /// status bar). Unknown keys, wrong types and numbers that do not fit a screen are refused.
    public init(json data: Data, base: VirtualDevice = .iPhoneSE) throws(VirtualDeviceError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: data) } catch { throw VirtualDeviceError(message: "not JSON: \(error)") }
        guard case .object(let object) = value else { throw VirtualDeviceError(message: "the profile must be a JSON object") }
        self = try Self.merged(object, over: base)
    }

    private static func merged(_ object: JSONObject, over base: VirtualDevice) throws(VirtualDeviceError) -> VirtualDevice {
        if let unknown = object.keys.first(where: { !profileKeys.contains($0) && !answeredElsewhere.contains($0) }) {
            throw VirtualDeviceError(message: "unknown key \"\(unknown)\" (known: \(profileKeys.sorted().joined(separator: ", ")))")
        }
        let reader = Reader(object: object)
        var profile = base
        profile.name = try reader.string("name") ?? "custom"
        profile.brand = try reader.string("brand") ?? base.brand
        profile.model = try reader.string("model") ?? base.model
        profile.system = try reader.string("system") ?? base.system
        profile.platform = try reader.string("platform") ?? base.platform
        profile.version = try reader.string("version") ?? base.version
        profile.language = try reader.string("language") ?? base.language
        profile.deviceOrientation = try reader.string("deviceOrientation") ?? base.deviceOrientation
        if let theme = try reader.string("theme") {
            guard let parsed = Theme(rawValue: theme) else { throw VirtualDeviceError(message: "theme must be \"light\" or \"dark\"") }
            profile.theme = parsed
        }
        profile.pixelRatio = try reader.number("pixelRatio", in: 0.5...10) ?? base.pixelRatio
        profile.screenWidth = try reader.number("screenWidth", in: 100...10_000) ?? base.screenWidth
        profile.screenHeight = try reader.number("screenHeight", in: 100...10_000) ?? base.screenHeight
        profile.statusBarHeight = try reader.number("statusBarHeight", in: 0...(profile.screenHeight / 2)) ?? base.statusBarHeight
        profile.fontSizeSetting = try reader.number("fontSizeSetting", in: 1...100) ?? base.fontSizeSetting
        profile.benchmarkLevel = try reader.number("benchmarkLevel", in: -2...100) ?? base.benchmarkLevel
        profile.sdkVersion = try reader.string("SDKVersion") ?? base.sdkVersion
        if let version = profile.sdkVersion, !version.allSatisfy({ $0.isNumber || $0 == "." }) {
            throw VirtualDeviceError(message: "SDKVersion must be a version like 3.4.1")
        }
        var level = try reader.number("level", in: 0...100)
        if let battery = try reader.string("currentBattery") {
            guard battery.hasSuffix("%"), let percent = Double(battery.dropLast()), (0...100).contains(percent) else {
                throw VirtualDeviceError(message: "currentBattery must be a percentage like \"80%\"")
            }
            level = level ?? percent
        }
        profile.batteryLevel = try reader.number("batteryLevel", in: 0...100) ?? level ?? base.batteryLevel
        profile.isCharging = try reader.bool("isCharging") ?? base.isCharging
        profile.wifiEnabled = try reader.bool("wifiEnabled") ?? base.wifiEnabled
        profile.bluetoothEnabled = try reader.bool("bluetoothEnabled") ?? base.bluetoothEnabled
        profile.locationEnabled = try reader.bool("locationEnabled") ?? base.locationEnabled
        if let width = try reader.number("windowWidth", in: 1...10_000), width != profile.screenWidth {
            throw VirtualDeviceError(message: "windowWidth (\(width)) must equal screenWidth (\(profile.screenWidth))")
        }
        let barLimit = profile.screenHeight - profile.statusBarHeight
        let titleBar = try reader.number("titleBarHeight", in: 0...barLimit)
        let bar = try reader.number("navigationBarHeight", in: 0...barLimit) ?? titleBar
        if let windowHeight = try reader.number("windowHeight", in: 1...barLimit) {
            let derived = barLimit - windowHeight
            if let bar, bar != derived {
                throw VirtualDeviceError(message: "windowHeight + statusBarHeight + navigationBarHeight must equal screenHeight")
            }
            profile.navigationBarHeight = derived
        } else {
            profile.navigationBarHeight =
                bar ?? (profile.platform == base.platform ? base.navigationBarHeight : (profile.platform == "android" ? 48 : 44))
        }
        profile.tabBarHeight = try reader.number("tabBarHeight", in: 0...barLimit) ?? base.tabBarHeight
        profile.safeAreaInsets = try safeArea(reader, profile: profile, base: base)
        if case .object(let button)? = object["menuButton"] {
            let inner = Reader(object: button, prefix: "menuButton.")
            profile.menuButtonWidth = try inner.number("width", in: 1...profile.screenWidth) ?? base.menuButtonWidth
            profile.menuButtonHeight = try inner.number("height", in: 1...profile.screenHeight) ?? base.menuButtonHeight
            if let right = try inner.number("right", in: profile.menuButtonWidth...profile.screenWidth) {
                profile.menuButtonRightMargin = profile.screenWidth - right
            }
        } else if object["menuButton"] != nil {
            throw VirtualDeviceError(message: "menuButton must be an object {width, height, right}")
        }
        return profile
    }

    private static func safeArea(_ reader: Reader, profile: VirtualDevice, base: VirtualDevice) throws(VirtualDeviceError) -> Insets {
        guard let area = reader.object["safeArea"] else {
            // The status bar is never safe; a home indicator's inset carries over from the base.
            return Insets(top: max(profile.statusBarHeight, 0), left: 0, bottom: base.safeAreaInsets.bottom, right: 0)
        }
        guard case .object(let fields) = area else { throw VirtualDeviceError(message: "safeArea must be an object") }
        let inner = Reader(object: fields, prefix: "safeArea.")
        let top = try inner.number("top", in: 0...profile.screenHeight) ?? profile.statusBarHeight
        let left = try inner.number("left", in: 0...profile.screenWidth) ?? 0
        let right = try inner.number("right", in: left...profile.screenWidth) ?? profile.screenWidth
        let bottom = try inner.number("bottom", in: top...profile.screenHeight) ?? profile.screenHeight
        return Insets(top: top, left: left, bottom: profile.screenHeight - bottom, right: profile.screenWidth - right)
    }

    /// Typed reads of one JSON object's members.
    private struct Reader {
        let object: JSONObject
        var prefix = ""

        func string(_ key: String) throws(VirtualDeviceError) -> String? {
            guard let value = object[key] else { return nil }
            guard case .string(let text) = value, !text.isEmpty, text.count <= 200 else {
                throw VirtualDeviceError(message: "\(prefix)\(key) must be a non-empty string of at most 200 characters")
            }
            return text
        }

        func number(_ key: String, in range: ClosedRange<Double>) throws(VirtualDeviceError) -> Double? {
            guard let value = object[key] else { return nil }
            guard case .number(let number) = value, number.isFinite else {
                throw VirtualDeviceError(message: "\(prefix)\(key) must be a number")
            }
            guard range.contains(number) else {
                throw VirtualDeviceError(message: "\(prefix)\(key) (\(number)) must lie in \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }

        func bool(_ key: String) throws(VirtualDeviceError) -> Bool? {
            guard let value = object[key] else { return nil }
            guard case .bool(let flag) = value else { throw VirtualDeviceError(message: "\(prefix)\(key) must be true or false") }
            return flag
        }
    }
}

extension VirtualDevice {
    /// What the framework's device module reads (`device.js`): every number the info APIs answer from.
    var configuration: JSONValue {
        let button = menuButtonRect
        let insets = safeAreaInsets
        return [
            "name": .string(name), "brand": .string(brand), "model": .string(model), "system": .string(system),
            "platform": .string(platform), "version": .string(version), "language": .string(language),
            "pixelRatio": .number(pixelRatio), "screenWidth": .number(screenWidth), "screenHeight": .number(screenHeight),
            "statusBarHeight": .number(statusBarHeight), "navigationBarHeight": .number(navigationBarHeight),
            "tabBarHeight": .number(tabBarHeight),
            "safeArea": [
                "top": .number(insets.top), "left": .number(insets.left), "right": .number(screenWidth - insets.right),
                "bottom": .number(screenHeight - insets.bottom), "width": .number(screenWidth - insets.left - insets.right),
                "height": .number(screenHeight - insets.top - insets.bottom),
            ],
            "menuButton": [
                "top": .number(button.top), "left": .number(button.left), "right": .number(button.left + button.width),
                "bottom": .number(button.top + button.height), "width": .number(button.width), "height": .number(button.height),
            ],
            "fontSizeSetting": .number(fontSizeSetting), "benchmarkLevel": .number(benchmarkLevel), "theme": .string(theme.rawValue),
            "batteryLevel": .number(batteryLevel), "isCharging": .bool(isCharging), "wifiEnabled": .bool(wifiEnabled),
            "bluetoothEnabled": .bool(bluetoothEnabled), "locationEnabled": .bool(locationEnabled),
            "deviceOrientation": .string(deviceOrientation),
        ]
    }
}

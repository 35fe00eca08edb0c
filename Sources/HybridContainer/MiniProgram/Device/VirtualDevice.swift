// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The virtual device a headless host presents to mini-programs: one profile is the source of
/// every info API of both platforms (`getSystemInfoSync`, `getWindowInfo`, `getDeviceInfo`,
/// `getMenuButtonBoundingClientRect`, `my.getSystemInfoSync` …), and of `rpx`
/// (750 rpx = ``screenWidth``).
///
/// Lengths are CSS pixels (the platforms' `px`). The numbers agree with each other the way they do
/// on a phone: the window is the screen minus the status and navigation bars (unless a page uses
/// `navigationStyle: custom`), the safe area lies inside the screen, the menu button sits below
/// the status bar inside the navigation bar.
///
/// Built-in profiles: ``iPhoneSE`` (the default: 375 px wide, so 1 rpx = 0.5 px, the platforms'
/// design width), ``iPhone15``, ``pixel7`` and ``iPadAir``; ``named(_:)`` finds them by name. A
/// custom profile is a JSON file whose keys are `getSystemInfoSync`'s field names
/// (``init(json:base:)``).
public struct VirtualDevice: Sendable, Hashable {
    /// The appearance the device is in (`theme` of `getSystemInfoSync`, `onThemeChange`).
    public enum Theme: String, Sendable, Hashable, CaseIterable {
        case light, dark
    }

    /// Distances from the screen's edges (the safe area's insets).
    public struct Insets: Sendable, Hashable {
        public var top: Double, left: Double, bottom: Double, right: Double
        /// Creates insets.
        public init(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) {
            self.top = top
            self.left = left
            self.bottom = bottom
            self.right = right
        }
    }

    /// The profile's name (`iphone-se`, or the custom file's `name`).
    public var name: String
    public var brand: String
    public var model: String
    /// `iOS 17.0`, `Android 14`.
    public var system: String
    /// `ios`, `android`.
    public var platform: String
    /// The host app's version the platforms report as `version` (WeChat: `8.0.x`).
    public var version: String
    public var language: String
    public var pixelRatio: Double
    public var screenWidth: Double
    public var screenHeight: Double
    public var statusBarHeight: Double
    /// The navigation (title) bar below the status bar: 44 on iOS, 48 on Android.
    public var navigationBarHeight: Double
    /// The tab bar of `tabBar` pages.
    public var tabBarHeight: Double
    public var safeAreaInsets: Insets
    /// The capsule menu button's size and its distance from the screen's right edge.
    public var menuButtonWidth: Double = 87
    public var menuButtonHeight: Double = 32
    public var menuButtonRightMargin: Double = 7
    public var fontSizeSetting: Double = 16
    public var benchmarkLevel: Double = 30
    public var theme: Theme = .light
    /// 0…100.
    public var batteryLevel: Double = 100
    public var isCharging: Bool = true
    public var wifiEnabled = true
    public var bluetoothEnabled = false
    public var locationEnabled = false
    /// `portrait` or `landscape`.
    public var deviceOrientation = "portrait"
    /// The base-library version this device reports as `SDKVersion` (nil: the one the API
    /// surface was built from; ``MiniProgramOptions/sdkVersion`` overrides both).
    public var sdkVersion: String?

    /// Creates a profile from its parts.
    public init(
        name: String, brand: String, model: String, system: String, platform: String, version: String = "8.0.50",
        language: String = "zh_CN", pixelRatio: Double, screenWidth: Double, screenHeight: Double, statusBarHeight: Double,
        navigationBarHeight: Double? = nil, tabBarHeight: Double? = nil, safeAreaInsets: Insets? = nil
    ) {
        self.name = name
        self.brand = brand
        self.model = model
        self.system = system
        self.platform = platform
        self.version = version
        self.language = language
        self.pixelRatio = pixelRatio
        self.screenWidth = screenWidth
        self.screenHeight = screenHeight
        self.statusBarHeight = statusBarHeight
        self.navigationBarHeight = navigationBarHeight ?? (platform == "android" ? 48 : 44)
        self.tabBarHeight = tabBarHeight ?? (platform == "android" ? 50 : 49)
        self.safeAreaInsets = safeAreaInsets ?? Insets(top: statusBarHeight)
    }

    /// The menu button's rectangle in the window's coordinates (`getMenuButtonBoundingClientRect`):
    /// below the status bar, centred in the navigation bar, `menuButtonRightMargin` from the right.
    public var menuButtonRect: (top: Double, left: Double, width: Double, height: Double) {
        let top = statusBarHeight + max(0, (navigationBarHeight - menuButtonHeight) / 2 - 2)
        let right = screenWidth - menuButtonRightMargin
        return (top, right - menuButtonWidth, menuButtonWidth, menuButtonHeight)
    }

    /// What 1 rpx is in px on this device: `screenWidth / 750`.
    public var pixelsPerRpx: Double { screenWidth / 750 }
}

extension VirtualDevice {
    /// An iPhone SE (3rd generation): 375 × 667 at 2×, the platforms' design width. The default.
    public static let iPhoneSE = VirtualDevice(
        name: "iphone-se", brand: "iPhone", model: "iPhone SE (3rd generation)", system: "iOS 17.0", platform: "ios",
        pixelRatio: 2, screenWidth: 375, screenHeight: 667, statusBarHeight: 20)
    /// An iPhone 15: 393 × 852 at 3×, a Dynamic Island status bar and a home indicator.
    public static let iPhone15 = VirtualDevice(
        name: "iphone-15", brand: "iPhone", model: "iPhone 15", system: "iOS 17.0", platform: "ios",
        pixelRatio: 3, screenWidth: 393, screenHeight: 852, statusBarHeight: 54,
        safeAreaInsets: Insets(top: 54, bottom: 34))
    /// A Google Pixel 7: 412 × 915 at 2.625.
    public static let pixel7 = VirtualDevice(
        name: "pixel-7", brand: "google", model: "Pixel 7", system: "Android 14", platform: "android",
        pixelRatio: 2.625, screenWidth: 412, screenHeight: 915, statusBarHeight: 24)
    /// An iPad Air (5th generation): 820 × 1180 at 2×.
    public static let iPadAir = VirtualDevice(
        name: "ipad-air", brand: "iPad", model: "iPad Air (5th generation)", system: "iOS 17.0", platform: "ios",
        pixelRatio: 2, screenWidth: 820, screenHeight: 1180, statusBarHeight: 24, navigationBarHeight: 50,
        safeAreaInsets: Insets(top: 24, bottom: 20))

    /// Every built-in profile, the default first.
    public static let builtIns: [VirtualDevice] = [.iPhoneSE, .iPhone15, .pixel7, .iPadAir]

    /// The built-in profile called `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> VirtualDevice? {
        builtIns.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// How the container runs mini-programs (apps whose manifest `entry` is `app.json`).
public struct MiniProgramOptions: Sendable {
    /// The flavour of a JavaScript API namespace: the result and error shapes it follows.
    public enum Flavor: String, Sendable, Hashable {
        /// Alipay (`my`): `{error, errorMessage}` failures, `getStorageSync({key}).data`, `status`/`headers`.
        case alipay
        /// WeChat (`wx`): `{errMsg: 'api:fail …'}` failures, `getStorageSync(key)`, `statusCode`/`header`.
        case wechat
    }

    /// Global namespaces and their flavour; add aliases (e.g. `"dd": .alipay`) for code written for other hosts.
    public var namespaces: [String: Flavor]
    /// What `SDKVersion` reports; nil (the default) reports the base-library version the API
    /// surface was built from (WeChat: `baseLibrary` of the platform list; Alipay, whose typings
    /// carry no versions: ``alipayBaseLibrary``), so apps that guard features on the version
    /// keep them on. `canIUse` tells what actually works.
    public var sdkVersion: String?
    /// The virtual device every info API answers from (and `rpx` is computed on).
    public var device: VirtualDevice = .iPhoneSE
    /// The scopes the (headless) user has granted (`scope.userLocation`, `scope.camera` …):
    /// `authorize` succeeds for them and fails with "auth deny" for the rest; `getSetting`,
    /// `openSetting` and `getAppAuthorizeSetting` report them. Default: nothing granted.
    public var grantedScopes: Set<String> = []
    /// The Alipay base-library version reported by default.
    public static let alipayBaseLibrary = "2.9.0"
    /// Pages the stack may hold before `navigateTo` fails.
    public var maximumPageStack: Int
    /// Receives every page load, show, hide, unload and `setData` diff.
    public var renderSink: any RenderSink
    /// A real layout of the pages (PageRenderer's `LivePages`): it hears every render update too,
    /// and `SelectorQuery` / `createIntersectionObserver` answer from it. Nil (the default):
    /// zero-sized boxes, and nothing but JavaScriptCore runs.
    public var layoutEngine: (any PageLayoutEngine)?
    /// Answers toasts, modals, action sheets and the other UI calls.
    public var uiDelegate: any MiniProgramUIDelegate
    /// Documented APIs the host implements with a JSAPI of its own (a plugin method):
    /// `["getBatteryInfo": "battery.info"]` makes `wx.getBatteryInfo(options)` and
    /// `my.getBatteryInfo(options)` call `battery.info` with the options (callbacks removed) and
    /// answer in each platform's shape; `…Sync` names (and names the lists call `sync`) use a
    /// sync call. `canIUse` turns true for them. The app still needs the JSAPI's permission.
    /// Names the framework implements itself are not replaced, except the virtual device's info
    /// APIs (a host with a real battery answers `getBatteryInfo` itself).
    public var hostAPIs: [String: String] = [:]

    /// Creates options: `my` (Alipay) and `wx` (WeChat), a stack of 10, a recording sink and a
    /// delegate that logs and dismisses.
    public init(
        namespaces: [String: Flavor] = ["my": .alipay, "wx": .wechat], sdkVersion: String? = nil,
        maximumPageStack: Int = 10, renderSink: any RenderSink = RecordingRenderSink(),
        uiDelegate: any MiniProgramUIDelegate = DismissingUIDelegate()
    ) {
        self.namespaces = namespaces
        self.sdkVersion = sdkVersion
        self.maximumPageStack = maximumPageStack
        self.renderSink = renderSink
        self.uiDelegate = uiDelegate
    }
}

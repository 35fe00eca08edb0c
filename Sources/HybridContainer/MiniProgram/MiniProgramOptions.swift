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
    /// What `SDKVersion` reports. Code should test features with `canIUse`, not versions.
    public var sdkVersion: String
    /// Pages the stack may hold before `navigateTo` fails.
    public var maximumPageStack: Int
    /// Receives every page load, show, hide, unload and `setData` diff.
    public var renderSink: any RenderSink
    /// Answers toasts, modals, action sheets and the other UI calls.
    public var uiDelegate: any MiniProgramUIDelegate
    /// Documented APIs the host implements with a JSAPI of its own (a plugin method):
    /// `["getBatteryInfo": "battery.info"]` makes `wx.getBatteryInfo(options)` and
    /// `my.getBatteryInfo(options)` call `battery.info` with the options (callbacks removed) and
    /// answer in each platform's shape; `…Sync` names (and names the lists call `sync`) use a
    /// sync call. `canIUse` turns true for them. The app still needs the JSAPI's permission.
    /// Names the framework implements itself are not replaced.
    public var hostAPIs: [String: String] = [:]

    /// Creates options: `my` (Alipay) and `wx` (WeChat), a stack of 10, a recording sink and a
    /// delegate that logs and dismisses.
    public init(
        namespaces: [String: Flavor] = ["my": .alipay, "wx": .wechat], sdkVersion: String = "1.0.0",
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

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// The virtual device: one profile answers every info API of both platforms, the numbers agree
/// with each other, custom profiles are checked, the theme follows the host, and `authorize`
/// answers from the host's policy.
@Suite("Virtual device")
struct VirtualDeviceTests {
    static let reader = """
        (() => {
          const out = {};
          const s = wx.getSystemInfoSync(), w = wx.getWindowInfo(), d = wx.getDeviceInfo(), b = wx.getAppBaseInfo();
          out.system = s; out.window = w; out.device = d; out.base = b;
          out.setting = wx.getSystemSetting(); out.authorize = wx.getAppAuthorizeSetting();
          out.menu = wx.getMenuButtonBoundingClientRect(); out.battery = wx.getBatteryInfoSync(); out.expt = wx.getExptInfoSync(['a']);
          out.my = my.getSystemInfoSync();
          out.sdk = [wx.getSystemInfoSync().SDKVersion, my.SDKVersion];
          out.can = ['getWindowInfo', 'getMenuButtonBoundingClientRect', 'button.open-type.share', 'component2', 'login']
            .map((name) => [wx.canIUse(name), my.canIUse(name)]);
          return out;
        })()
        """

    @Test("every info API answers from one profile and the numbers agree (window, safe area, menu button, rpx base)")
    func numbersAgree() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/a.js": "Page({});", "pages/a.wxml": "<view/>"])
        let out = try await context.evaluate(Self.reader)
        let device = VirtualDevice.iPhoneSE
        let system = try #require(out["system"]?.objectValue)
        #expect(system["screenWidth"] == .number(device.screenWidth))
        #expect(system["screenHeight"] == .number(device.screenHeight))
        #expect(system["pixelRatio"] == .number(device.pixelRatio))
        #expect(system["statusBarHeight"] == .number(device.statusBarHeight))
        #expect(system["windowWidth"] == .number(device.screenWidth))
        #expect(system["windowHeight"] == .number(device.screenHeight - device.statusBarHeight - device.navigationBarHeight))
        #expect(out["window"]?["screenTop"] == .number(device.statusBarHeight + device.navigationBarHeight))
        #expect(system["brand"] == "iPhone")
        #expect(system["model"] == .string(device.model))
        #expect(system["theme"] == "light")
        for key in ["pixelRatio", "screenWidth", "screenHeight", "windowWidth", "windowHeight", "statusBarHeight", "safeArea"] {
            #expect(out["window"]?[key] == system[key], "getWindowInfo.\(key) agrees with getSystemInfoSync")
        }
        for key in ["brand", "model", "system", "platform", "benchmarkLevel"] {
            #expect(out["device"]?[key] == system[key], "getDeviceInfo.\(key)")
        }
        #expect(out["base"]?["SDKVersion"] == system["SDKVersion"])
        #expect(out["sdk"] == [.string(PlatformAPIs.baseLibrary(for: .wechat)), .string(MiniProgramOptions.alipayBaseLibrary)])
        #expect(out["sdk"]?[0] != "1.0.0")
        // The safe area lies inside the screen and below the status bar.
        let area = try #require(out["system"]?["safeArea"])
        let top = try #require(area["top"]?.numberValue), bottom = try #require(area["bottom"]?.numberValue)
        #expect(top >= device.statusBarHeight && bottom <= device.screenHeight && top < bottom)
        #expect(area["height"] == .number(bottom - top))
        // The menu button: below the status bar, inside the navigation bar and the screen.
        let menu = try #require(out["menu"])
        let menuTop = try #require(menu["top"]?.numberValue), menuBottom = try #require(menu["bottom"]?.numberValue)
        #expect(menuTop >= device.statusBarHeight && menuBottom <= device.statusBarHeight + device.navigationBarHeight)
        #expect(menu["right"]?.numberValue ?? .infinity <= device.screenWidth)
        #expect(menu["width"] == .number(device.menuButtonWidth))
        #expect(out["battery"] == ["level": 100, "isCharging": true])
        #expect(out["expt"] == [:])
        #expect(out["setting"]?["wifiEnabled"] == true)
        #expect(out["authorize"]?["locationAuthorized"] == "denied", "nothing is granted by default")
        // Alipay's names for the same numbers.
        let alipay = try #require(out["my"])
        #expect(alipay["titleBarHeight"] == .number(device.navigationBarHeight))
        #expect(alipay["windowWidth"] == system["windowWidth"])
        #expect(alipay["windowHeight"] == system["windowHeight"])
        #expect(alipay["platform"] == "iOS")
        #expect(alipay["currentBattery"] == "100%")
        #expect(alipay["app"] == "alipay")
        // canIUse agrees with what works: info APIs, built-in components, component2 on Alipay only.
        #expect(out["can"] == [[true, true], [true, true], [true, true], [false, true], [false, false]])
        await harness.container.shutdown()
    }

    @Test("the window follows the page: navigationStyle custom is the whole screen; a tab page loses the tab bar")
    func windowFollowsPage() async throws {
        let harness = try await MiniProgramHarness.make { $0.miniProgram.device = .pixel7 }
        let (session, context) = try await harness.launch(
            [
                "app.json": """
                {"pages": ["pages/tab", "pages/custom", "pages/plain"],
                 "tabBar": {"list": [{"pagePath": "pages/tab", "text": "t"}, {"pagePath": "pages/plain", "text": "p"}]}}
                """,
                "pages/tab.js": "Page({ onLoad() { globalThis.sizes = [wx.getWindowInfo().windowHeight]; } });",
                "pages/custom.js": "Page({ onLoad() { globalThis.sizes.push(wx.getSystemInfoSync().windowHeight); } });",
                "pages/custom.json": #"{"navigationStyle": "custom"}"#,
                "pages/plain.js": "Page({});",
            ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        try await session.navigate(.navigateTo("/pages/custom"))
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        let device = VirtualDevice.pixel7
        #expect(
            try await context.evaluate("sizes") == [
                .number(device.screenHeight - device.statusBarHeight - device.navigationBarHeight - device.tabBarHeight),
                .number(device.screenHeight),
            ])
        #expect(try await context.evaluate("wx.getSystemInfoSync().platform") == "android")
        await harness.container.shutdown()
    }

    @Test("theme: the host's themeChange reaches wx.onThemeChange and App.onThemeChange, and the info APIs follow")
    func themeChange() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "app.js": "App({ onThemeChange(e) { globalThis.heard = (globalThis.heard || []).concat(['app ' + e.theme]); } });",
            "pages/a.js": """
            wx.onThemeChange((e) => { globalThis.heard = (globalThis.heard || []).concat(['listener ' + e.theme]); });
            Page({});
            """,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.emit("themeChange", payload: ["theme": "dark"]) == 1)
        #expect(try await context.evaluate("heard") == ["app dark", "listener dark"])
        #expect(
            try await context.evaluate("[wx.getSystemInfoSync().theme, wx.getAppBaseInfo().theme, my.getSystemInfoSync().theme]")
                == ["dark", "dark", "dark"])
        await harness.container.shutdown()
    }

    @Test("authorize, getSetting and openSetting answer from the host's grants (default: auth deny)")
    func authorization() async throws {
        let script = """
            (async () => {
              const out = {};
              out.location = await wx.authorize({ scope: 'scope.userLocation' }).then((r) => r.errMsg, (e) => e.errMsg);
              out.camera = await wx.authorize({ scope: 'scope.camera' }).then((r) => r.errMsg, (e) => e.errMsg);
              out.setting = (await wx.getSetting({})).authSetting;
              out.open = (await wx.openSetting({})).authSetting;
              out.my = (await my.getSetting({})).authSetting;
              out.app = wx.getAppAuthorizeSetting().locationAuthorized;
              return out;
            })()
            """
        let granted = try await MiniProgramHarness.make { $0.miniProgram.grantedScopes = ["scope.userLocation"] }
        let (_, context) = try await granted.launch(["pages/a.js": "Page({});"])
        let out = try await context.evaluateAwaiting(script)
        #expect(out["location"] == "authorize:ok")
        #expect(out["camera"] == "authorize:fail auth deny")
        #expect(out["setting"] == ["scope.userLocation": true])
        #expect(out["open"] == ["scope.userLocation": true])
        #expect(out["my"] == ["location": true])
        #expect(out["app"] == "authorized")
        await granted.container.shutdown()
    }

    @Test("a custom profile: missing keys derived from the base, inconsistent numbers refused naming the key")
    func customProfiles() throws {
        let custom = try VirtualDevice(
            json: Data(#"{"model": "Kiosk", "screenWidth": 800, "screenHeight": 1280, "statusBarHeight": 0, "windowHeight": 1232}"#.utf8))
        #expect(custom.model == "Kiosk")
        #expect(custom.navigationBarHeight == 48)
        #expect(custom.pixelRatio == VirtualDevice.iPhoneSE.pixelRatio)
        #expect(custom.safeAreaInsets.top == 0)
        #expect(custom.pixelsPerRpx == 800.0 / 750)
        let android = try VirtualDevice(json: Data(#"{"platform": "android", "titleBarHeight": 56}"#.utf8))
        #expect(android.navigationBarHeight == 56)
        let refusals: [(String, String)] = [
            (#"{"screenWidth": "wide"}"#, "screenWidth must be a number"),
            (#"{"screenWidth": 20}"#, "screenWidth (20.0) must lie in"),
            (#"{"colour": "red"}"#, "unknown key \"colour\""),
            (#"{"windowWidth": 100}"#, "windowWidth (100.0) must equal screenWidth"),
            (#"{"theme": "sepia"}"#, "theme must be"),
            (#"{"windowHeight": 600, "navigationBarHeight": 10}"#, "must equal screenHeight"),
            (#"{"safeArea": {"top": 300, "bottom": 100}}"#, "safeArea.bottom (100.0) must lie in"),
            (#"{"menuButton": 3}"#, "menuButton must be an object"),
            ("[1]", "must be a JSON object"),
            ("{", "not JSON"),
            (#"{"currentBattery": "full"}"#, "currentBattery must be a percentage"),
            (#"{"SDKVersion": "latest"}"#, "SDKVersion must be a version"),
        ]
        for (json, message) in refusals {
            #expect(throws: VirtualDeviceError.self, "\(json)") { try VirtualDevice(json: Data(json.utf8)) }
            do {
                _ = try VirtualDevice(json: Data(json.utf8))
            } catch {
                #expect(error.message.contains(message), "\(json): \(error.message)")
            }
        }
        // A saved getSystemInfoSync() answer of a real phone is a profile.
        let saved = try VirtualDevice(
            json: Data(
                #"""
                {"brand": "HUAWEI", "model": "ELS-AN00", "pixelRatio": 3, "screenWidth": 360, "screenHeight": 780, "windowWidth": 360,
                 "windowHeight": 700, "statusBarHeight": 32, "language": "zh_CN", "version": "8.0.49", "system": "Android 12",
                 "platform": "android", "fontSizeSetting": 16, "SDKVersion": "3.3.4", "benchmarkLevel": 28, "albumAuthorized": true,
                 "cameraAuthorized": true, "locationAuthorized": true, "microphoneAuthorized": true, "notificationAuthorized": true,
                 "bluetoothEnabled": false, "locationEnabled": true, "wifiEnabled": true,
                 "safeArea": {"bottom": 780, "height": 748, "left": 0, "right": 360, "top": 32, "width": 360},
                 "theme": "dark", "host": {"env": "WeChat"}, "enableDebug": false, "deviceOrientation": "portrait", "errMsg": "getSystemInfoSync:ok"}
                """#.utf8))
        #expect(saved.navigationBarHeight == 48)
        #expect(saved.sdkVersion == "3.3.4")
        #expect(saved.theme == .dark)
        #expect(saved.safeAreaInsets == VirtualDevice.Insets(top: 32, left: 0, bottom: 0, right: 0))
        let alipay = try VirtualDevice(json: Data(#"{"titleBarHeight": 48, "currentBattery": "42%", "app": "alipay"}"#.utf8))
        #expect(alipay.batteryLevel == 42)
        #expect(VirtualDevice.named("PIXEL-7") == .pixel7)
        #expect(VirtualDevice.named("nokia") == nil)
    }
}

/// `container-demo run --device NAME|FILE --grant SCOPE`.
@Suite("Virtual device on the command line")
struct VirtualDeviceCLITests {
    @Test("run --device FILE and --grant reach the app; a bad profile is refused naming the key")
    func deviceOption() async throws {
        let harness = try await MiniProgramHarness.make()
        let folder = try harness.write([
            "pages/a.js": """
            const info = wx.getSystemInfoSync();
            console.log('device ' + info.model + ' ' + info.screenWidth + 'x' + info.screenHeight + ' window ' + info.windowHeight + ' sdk ' + info.SDKVersion);
            wx.authorize({ scope: 'scope.camera' }).then((r) => console.log('camera ' + r.errMsg));
            Page({});
            """
        ])
        let profile = harness.fixture.root.appendingPathComponent("kiosk.json")
        try Data(
            #"{"model": "Kiosk", "screenWidth": 800, "screenHeight": 1280, "statusBarHeight": 0, "windowHeight": 1232, "SDKVersion": "3.0.1"}"#
                .utf8
        ).write(to: profile)
        let run = try await ChildProcess.run(
            "container-demo",
            [
                "run", folder.path, "--device", profile.path, "--grant", "scope.camera", "--store",
                harness.fixture.root.appendingPathComponent("s").path,
            ],
            safetyLimit: .seconds(120))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("device Kiosk 800x1280 window 1232 sdk 3.0.1"), "\(run.stdout)")
        #expect(run.stdout.contains("camera authorize:ok"), "\(run.stdout)")
        let named = try await ChildProcess.run(
            "container-demo",
            ["run", folder.path, "--device", "pixel-7", "--store", harness.fixture.root.appendingPathComponent("s").path],
            safetyLimit: .seconds(120))
        #expect(named.stdout.contains("device Pixel 7 412x915"), "\(named.stdout)")
        try Data(#"{"screenWidth": "wide"}"#.utf8).write(to: profile)
        let refused = try await ChildProcess.run(
            "container-demo", ["run", folder.path, "--device", profile.path], safetyLimit: .seconds(60))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("screenWidth must be a number"), "\(refused.stderr)")
        await harness.container.shutdown()
    }
}

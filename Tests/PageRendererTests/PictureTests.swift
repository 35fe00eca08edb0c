// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import PageRenderer
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Pictures drawn by the real engine (Debian's Chromium, installed by `scripts/setup.sh`).
@Suite("Pages as pictures, drawn by headless Chromium", .serialized)
struct PictureTests {
    static let device = VirtualDevice(
        name: "custom", brand: "test", model: "375x667@2", system: "iOS 17.0", platform: "ios", pixelRatio: 2,
        screenWidth: 375, screenHeight: 667, statusBarHeight: 20)

    static let files: [String: String] = [
        "app.json": """
        {"pages": ["pages/index/index", "pages/other/other"],
         "window": {"navigationBarBackgroundColor": "#ff8800", "navigationBarTitleText": "Pictures"}}
        """,
        "app.js": "App({});",
        "app.wxss": ".cjk { font-size: 40rpx; color: #000000; }",
        "pages/index/index.json": #"{"usingComponents": {"card": "/components/card/card"}}"#,
        "pages/index/index.js": "Page({ data: { barColor: '#ff0000' }, paint() { this.setData({ barColor: '#00ffff' }); } });",
        "pages/index/index.wxml": """
        <view class="bar" style="background: {{barColor}}"></view>
        <view class="row"><view class="cell left"></view><view class="cell right"></view></view>
        <card></card>
        <image class="logo" src="/images/blue.svg"></image>
        <view><text class="cjk">你好世界</text></view>
        """,
        "pages/index/index.wxss": """
        .bar { width: 750rpx; height: 200rpx; }
        .row { display: flex; height: 100rpx; }
        .cell { flex: 1; }
        .left { background: #00ff00; }
        .right { background: #0000ff; }
        .logo { position: absolute; left: 600rpx; top: 600rpx; width: 100rpx; height: 100rpx; }
        .inner { background: #00ff00; }
        """,
        "components/card/card.json": #"{"component": true}"#,
        "components/card/card.js": "Component({});",
        "components/card/card.wxml": #"<view class="inner"></view>"#,
        "components/card/card.wxss": ".inner { width: 100rpx; height: 100rpx; background: #ff00ff; }",
        "images/blue.svg":
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0000ff"/></svg>"##,
        "pages/other/other.js": "Page({});",
        "pages/other/other.wxml": #"<view class="other">other</view>"#,
    ]

    static func withApp(_ body: (MicroAppContainer, MiniProgramSession) async throws -> Void) async throws {
        let folder = try TestAppFolder.write(files, prefix: "pictures")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("pictures-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        var configuration = ContainerConfiguration(storeDirectory: store, trustedKeys: TrustedKeys())
        configuration.developerMode = true
        configuration.miniProgram.device = device
        let container = try await MicroAppContainer(configuration: configuration)
        do {
            let app = try await container.launch(.directory(folder))
            try await body(container, try await container.miniProgram(app.instanceID))
            await container.shutdown()
        } catch {
            await container.shutdown()
            throw error
        }
    }

    static func isColor(_ pixel: (r: UInt8, g: UInt8, b: UInt8, a: UInt8), _ rgb: UInt32) -> Bool {
        let expected = (UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF))
        return abs(Int(pixel.r) - Int(expected.0)) <= 2 && abs(Int(pixel.g) - Int(expected.1)) <= 2
            && abs(Int(pixel.b) - Int(expected.2)) <= 2
    }

    @Test("a 375×667 @2 page is drawn at 750×1334: navigation bar colour, rpx bar, flex row, isolated component, image, CJK glyphs")
    func acceptancePage() async throws {
        let engine = PageEngine()
        try await Self.withApp { _, session in
            let png = try await session.screenshot(engine: engine)
            if let debug = ProcessInfo.processInfo.environment["HC_PICTURE_DEBUG"] {
                try png.write(to: URL(fileURLWithPath: debug + ".png"))
                try Data(try await session.pageDocument().html.utf8).write(to: URL(fileURLWithPath: debug + ".html"))
            }
            let image = try PNGImage(decoding: png)
            #expect(image.width == 750 && image.height == 1334)
            // Status bar 20 + navigation bar 44 CSS px = 128 device px of app.json's colour.
            #expect(Self.isColor(image.pixel(10, 10), 0xFF8800), "\(image.pixel(10, 10))")
            #expect(Self.isColor(image.pixel(740, 120), 0xFF8800))
            // 750rpx × 200rpx: the whole width, 100 CSS px = 200 device px below the bar.
            #expect(Self.isColor(image.pixel(1, 130), 0xFF0000), "\(image.pixel(1, 130))")
            #expect(Self.isColor(image.pixel(748, 326), 0xFF0000))
            #expect(!Self.isColor(image.pixel(748, 330), 0xFF0000))
            // The flex row's two cells: green then blue, each half the width.
            #expect(Self.isColor(image.pixel(100, 380), 0x00FF00), "\(image.pixel(100, 380))")
            #expect(Self.isColor(image.pixel(370, 380), 0x00FF00))
            #expect(Self.isColor(image.pixel(380, 380), 0x0000FF))
            // The component's own rule (magenta) wins inside it; the page's `.inner` (green) does not reach in.
            #expect(Self.isColor(image.pixel(50, 480), 0xFF00FF), "\(image.pixel(50, 480))")
            #expect(!Self.isColor(image.pixel(150, 480), 0xFF00FF))
            // The package image, placed absolutely at 300, 300 CSS px in the page.
            #expect(Self.isColor(image.pixel(650, 128 + 650), 0x0000FF), "\(image.pixel(650, 778))")
            // CJK text draws as glyphs, not boxes: the four 40-pixel cells of its line differ
            // from each other (missing glyphs would all be the same box), and each has ink.
            let cells = (0..<4).map { cell in
                (528..<590).map { y in (cell * 40..<cell * 40 + 40).filter { image.pixel($0, y).r < 128 }.count }
            }
            #expect(cells.allSatisfy { $0.reduce(0, +) > 40 }, "ink per glyph: \(cells.map { $0.reduce(0, +) })")
            #expect(Set(cells).count == 4, "the glyphs are all different")
            // Layout from the engine.
            let bar = try #require(try await engine.boundingClientRect(".bar"))
            #expect(bar.x == 0 && bar.y == 0 && bar.width == 375 && bar.height == 100)
            let right = try #require(try await engine.boundingClientRect(".right"))
            #expect(right.x == 187.5 && right.y == 100 && right.width == 187.5 && right.height == 50)
        }
        await engine.shutdown()
    }

    @Test("a setData that changes a colour changes the next picture; another page has its own")
    func setDataChangesThePicture() async throws {
        let engine = PageEngine()
        try await Self.withApp { _, session in
            #expect(Self.isColor(try PNGImage(decoding: try await session.screenshot(engine: engine)).pixel(10, 200), 0xFF0000))
            _ = try await session.firePageEvent("paint")
            #expect(Self.isColor(try PNGImage(decoding: try await session.screenshot(engine: engine)).pixel(10, 200), 0x00FFFF))
            try await session.navigate(.navigateTo("/pages/other/other"))
            let other = try PNGImage(decoding: try await session.screenshot(engine: engine))
            #expect(Self.isColor(other.pixel(10, 200), 0xFFFFFF))
            #expect(await engine.starts == 1, "one engine for every picture")
        }
        await engine.shutdown()
    }

    @Test("an engine killed is replaced by the next picture; one that never answers fails by its deadline; the app runs on")
    func engineFailures() async throws {
        let engine = PageEngine()
        try await Self.withApp { _, session in
            _ = try await session.screenshot(engine: engine)
            let pid = try #require(await engine.processID)
            kill(pid, SIGKILL)
            // The picture right after the kill either fails with the engine's typed error (the
            // death was seen mid-picture) or already runs on a new engine; the next one draws.
            do {
                _ = try await session.screenshot(engine: engine)
            } catch {
                #expect(error is PageEngineError, "\(error)")
            }
            _ = try PNGImage(decoding: try await session.screenshot(engine: engine))
            #expect(await engine.starts == 2)

            let script = FileManager.default.temporaryDirectory.appendingPathComponent("silent-engine-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: script) }
            try Data("#!/bin/sh\nexec sleep 600\n".utf8).write(to: script)
            chmod(script.path, 0o755)
            let silent = PageEngine(options: .init(deadline: .milliseconds(500), executable: script.path))
            await #expect(throws: PageEngineError.timedOut(method: "Target.createTarget", after: .milliseconds(500))) {
                _ = try await session.screenshot(engine: silent)
            }
            #expect(await silent.processID == nil, "the silent engine's process was stopped")
            let quitting = PageEngine(options: .init(executable: "/bin/true"))
            await #expect {
                _ = try await session.screenshot(engine: quitting)
            } throws: { error in
                if case .exited = error as? PageEngineError { return true }
                return false
            }
            #expect(try await session.data()["barColor"] == "#ff0000", "the app keeps serving")
        }
        await engine.shutdown()
    }
}

@Suite("Page chrome from app.json and the page's JSON")
struct PageChromeTests {
    static func session(
        _ files: [String: String], device: VirtualDevice = .iPhoneSE
    ) async throws -> (MicroAppContainer, MiniProgramSession, URL) {
        let folder = try TestAppFolder.write(files, prefix: "chrome")
        let container = try await TestAppFolder.container(storeIn: folder, device: device)
        let app = try await container.launch(.directory(folder))
        return (container, try await container.miniProgram(app.instanceID), folder)
    }

    @Test("a tab page gets the tab bar with its selected item; navigationStyle custom drops the bar; the page JSON wins")
    func wechatChrome() async throws {
        let (container, session, folder) = try await Self.session([
            "app.json": """
            {"pages": ["pages/home/home", "pages/me/me"],
             "window": {"navigationBarBackgroundColor": "#111111", "navigationBarTitleText": "App", "navigationBarTextStyle": "black"},
             "tabBar": {"color": "#999999", "selectedColor": "#ff0000", "backgroundColor": "#fafafa",
                        "list": [{"pagePath": "pages/home/home", "text": "首页"}, {"pagePath": "pages/me/me", "text": "我的"}]}}
            """,
            "app.js": "App({});",
            "pages/home/home.js": "Page({});", "pages/home/home.wxml": "<view>home</view>",
            "pages/me/me.js": "Page({});", "pages/me/me.wxml": "<view>me</view>",
            "pages/me/me.json": #"{"navigationStyle": "custom", "navigationBarTitleText": "Me"}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = try await session.pageDocument()
        #expect(home.chrome.title == "App" && home.chrome.navigationBarColor == "#111111")
        #expect(home.chrome.navigationBarTextColor == "#000000")
        #expect(home.chrome.tabs == ["首页", "我的"] && home.chrome.selectedTab == 0 && home.chrome.tabSelectedColor == "#ff0000")
        #expect(home.pageTop == 64 && home.pageBottom == 49)
        #expect(home.html.contains("hc-tab-bar") && home.html.contains("首页"))
        try await session.navigate(.switchTab("/pages/me/me"))
        let me = try await session.pageDocument()
        #expect(me.chrome.customNavigation && me.chrome.title == "Me" && me.chrome.selectedTab == 1)
        #expect(me.pageTop == 0 && !me.html.contains("hc-navigation-bar\""))
        await container.shutdown()
    }

    @Test("an Alipay app: ACSS sheets, defaultTitle and titleBarColor, tabBar items")
    func alipayChrome() async throws {
        let (container, session, folder) = try await Self.session([
            "app.json": """
            {"pages": ["pages/index/index"], "window": {"defaultTitle": "支付宝", "titleBarColor": "#1677ff"},
             "tabBar": {"textColor": "#333333", "selectedColor": "#1677ff", "items": [{"pagePath": "pages/index/index", "name": "首页"}]}}
            """,
            "app.js": "App({});",
            "app.acss": ".box { width: 375rpx; }",
            "pages/index/index.js": "Page({});", "pages/index/index.axml": #"<view class="box">a</view>"#,
            "pages/index/index.acss": "view { height: 10rpx; }",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try await session.pageDocument()
        #expect(document.chrome.title == "支付宝" && document.chrome.navigationBarColor == "#1677ff")
        #expect(document.chrome.tabs == ["首页"] && document.chrome.tabColor == "#333333")
        #expect(document.appCSS.contains("width: 187.5px"))
        #expect(document.pageCSS.contains("wx-view { height: 5px; }"))
        await container.shutdown()
    }
}

@Suite("The engine reaches nothing but the page's folder")
struct EngineNetworkTests {
    @Test("a sheet's url(http://127.0.0.1/…) and an image src on a loopback server are never requested")
    func noNetwork() async throws {
        let requests = RequestCounter()
        let server = try await LoopbackServer.start { _ in
            requests.increment()
            return .ok(Data("x".utf8))
        }
        let address = server.url("/probe.png").absoluteString
        let engine = PageEngine()
        let (container, session, folder) = try await PageChromeTests.session([
            "app.json": #"{"pages": ["pages/index/index"]}"#,
            "app.js": "App({});",
            "pages/index/index.js": "Page({});",
            "pages/index/index.wxml": #"<view class="remote">x</view><image src="\#(address)"></image>"#,
            "pages/index/index.wxss": ".remote { height: 100px; background: url(\(address)); }",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PNGImage(decoding: try await session.screenshot(engine: engine))
        let fetched = try await engine.evaluate("fetch('\(address)').then(() => 'fetched', () => 'blocked')")
        #expect(fetched == "blocked")
        #expect(requests.count == 0, "the loopback server saw \(requests.count) request(s)")
        await engine.shutdown()
        await container.shutdown()
        await server.shutdown()
    }
}

/// Requests a test server saw.
final class RequestCounter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

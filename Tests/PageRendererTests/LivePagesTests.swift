// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import PageRenderer
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Pages followed live by the real engine: queries answer from its layout, setData patches the
/// loaded document in place.
@Suite("Live pages: layout answers and in-place patches from headless Chromium", .serialized)
struct LivePagesTests {
    static let indexScript = """
        Page({
          data: { barColor: '#ff0000', items: [], layout: null, seen: null },
          onReady() {
            wx.createSelectorQuery()
              .select('.bar').boundingClientRect()
              .selectAll('.cell').boundingClientRect()
              .selectViewport().fields({ size: true, scrollOffset: true })
              .select('.right').fields({ computedStyle: ['backgroundColor', 'height'] })
              .select('#missing').boundingClientRect()
              .exec((answers) => this.setData({ layout: answers }));
            wx.createIntersectionObserver(this).relativeToViewport().observe('.logo', (entry) => {
              this.setData({ seen: { ratio: entry.intersectionRatio, top: entry.boundingClientRect.top } });
            });
          },
          paint() { this.setData({ barColor: '#00ffff' }); },
          grow() { this.setData({ items: [1, 2, 3] }); },
          measureItems() {
            wx.createSelectorQuery().selectAll('.item').boundingClientRect()
              .exec((answers) => this.setData({ itemBoxes: answers[0] }));
          },
        });
        """

    static var files: [String: String] {
        var files = PictureTests.files
        files["pages/index/index.js"] = indexScript
        files["pages/index/index.wxml"]! += #"<view class="item" wx:for="{{items}}" wx:key="*this">{{item}}</view>"#
        files["pages/index/index.wxss"]! += ".item { height: 10px; }"
        files["app.json"] = files["app.json"]!.replacingOccurrences(
            of: #""pages/other/other"]"#, with: #""pages/other/other", "pages/bare/bare"]"#)
        files["pages/bare/bare.js"] = "Page({});"
        return files
    }

    static func withLiveApp(_ body: (MicroAppContainer, MiniProgramSession, LivePages) async throws -> Void) async throws {
        try await TestAppFolder.withLiveApp(files, prefix: "live", body)
    }

    @Test("SelectorQuery and IntersectionObserver made in onReady answer from the engine's layout")
    func queriesAnswerFromLayout() async throws {
        try await Self.withLiveApp { _, session, _ in
            let layout = try await session.data()["layout"]
            let bar = try #require(layout?[0])
            #expect(bar["left"] == 0 && bar["top"] == 0 && bar["width"] == 375 && bar["height"] == 100, "\(bar)")
            let cells = try #require(layout?[1]?.arrayValue)
            #expect(cells.count == 2)
            #expect(cells.last?["left"] == 187.5 && cells.last?["top"] == 100 && cells.last?["width"] == 187.5, "\(cells)")
            #expect(cells.last?["right"] == 375 && cells.last?["bottom"] == 150)
            let viewport = try #require(layout?[2])
            // 667 − 20 status bar − 44 navigation bar.
            #expect(viewport["width"] == 375 && viewport["height"] == 603 && viewport["scrollTop"] == 0, "\(viewport)")
            #expect(layout?[3]?["backgroundColor"] == "rgb(0, 0, 255)" && layout?[3]?["height"] == "50px", "\(layout?[3] ?? .null)")
            #expect(layout?[4] == .null, "no node matches #missing")
            let seen = try #require(try await session.data()["seen"])
            #expect(seen["ratio"] == 1 && seen["top"] == 300, "the logo is inside the viewport: \(seen)")
        }
    }

    @Test("setData patches the loaded document in place: the next picture changes, nothing is loaded again")
    func setDataPatchesInPlace() async throws {
        try await Self.withLiveApp { container, session, live in
            let first = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(first.width == 750 && first.height == 1334)
            #expect(PictureTests.isColor(first.pixel(10, 200), 0xFF0000))
            let loads = await live.documentLoads
            _ = try await session.firePageEvent("paint")
            let second = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(PictureTests.isColor(second.pixel(10, 200), 0x00FFFF), "\(second.pixel(10, 200))")
            #expect(await live.documentLoads == loads, "patched, not loaded again")
            #expect(await live.patchesApplied >= 1)

            // New nodes are inserted in place, and queries find them where the engine put them.
            _ = try await session.firePageEvent("grow")
            _ = try await session.firePageEvent("measureItems")
            #expect(try await container.waitUntilSettled(session.app.instanceID, timeout: .seconds(60)))
            let boxes = try #require(try await session.data()["itemBoxes"]?.arrayValue)
            #expect(boxes.count == 3)
            #expect(boxes.map { $0["height"] } == [10, 10, 10], "\(boxes)")
            #expect(boxes[1]["top"]?.numberValue == (boxes[0]["top"]?.numberValue ?? 0) + 10)
            #expect(await live.documentLoads == loads)

            // Another page is loaded; coming back draws the first page as setData left it.
            try await session.navigate(.navigateTo("/pages/other/other"))
            let other = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(PictureTests.isColor(other.pixel(10, 200), 0xFFFFFF))
            try await session.navigate(.navigateBack(delta: 1))
            let back = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(PictureTests.isColor(back.pixel(10, 200), 0x00FFFF))
        }
    }

    @Test("a page without a template is drawn empty, with its bars")
    func pageWithoutTemplate() async throws {
        try await Self.withLiveApp { _, session, live in
            try await session.navigate(.navigateTo("/pages/bare/bare"))
            let picture = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(PictureTests.isColor(picture.pixel(10, 10), 0xFF8800) && PictureTests.isColor(picture.pixel(10, 400), 0xFFFFFF))
        }
    }

    @Test("the engine killed under live pages: the question fails or recovers, the next picture draws, the app runs on")
    func engineKilled() async throws {
        try await Self.withLiveApp { _, session, live in
            _ = try await session.screenshot(live: live)
            let pid = try #require(await live.engine.processID)
            kill(pid, SIGKILL)
            do {
                _ = try await session.screenshot(live: live)
            } catch {
                #expect(error is PageEngineError, "\(error)")
            }
            _ = try await session.firePageEvent("paint")
            let image = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(PictureTests.isColor(image.pixel(10, 200), 0x00FFFF))
            #expect(await live.engine.starts == 2)
        }
    }
}

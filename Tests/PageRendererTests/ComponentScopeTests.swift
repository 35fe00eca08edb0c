// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import PageRenderer
import Testing

/// Whose styles reach which nodes: slotted content keeps its owner's scope, a component's JS
/// `options` choose its isolation.
@Suite("Component style scopes in pictures: slots and JS options", .serialized)
struct ComponentScopeTests {
    static let files: [String: String] = [
        "app.json": ##"{"pages": ["pages/index/index"], "window": {"navigationBarBackgroundColor": "#000000"}}"##,
        "app.js": "App({});",
        "pages/index/index.json": #"{"usingComponents": {"box": "/components/box/box", "shared": "/components/shared/shared"}}"#,
        "pages/index/index.js": """
        Page({
          data: { tone: '#ff0000', box: null },
          onReady() {
            wx.createSelectorQuery().select('.mine').boundingClientRect().exec((answers) => this.setData({ box: answers[0] }));
          },
          darken() { this.setData({ tone: '#880000' }); },
        });
        """,
        "pages/index/index.wxml": """
        <box><view class="mine" style="color: {{tone}}"></view></box>
        <shared></shared>
        """,
        "pages/index/index.wxss": """
        .mine { height: 50px; background: #ff0000; }
        .page-blue { height: 50px; background: #0000ff; }
        """,
        "components/box/box.json": #"{"component": true}"#,
        "components/box/box.js": "Component({});",
        "components/box/box.wxml": #"<view class="frame"><slot></slot></view><view class="page-blue"></view>"#,
        "components/box/box.wxss": ".frame { padding-top: 10px; } .mine { background: #00ff00; } .page-blue { height: 50px; }",
        "components/shared/shared.json": #"{"component": true}"#,
        "components/shared/shared.js": "Component({ options: { addGlobalClass: true } });",
        "components/shared/shared.wxml": #"<view class="page-blue"></view>"#,
    ]

    @Test("slotted content is styled by its page, not the component; JS addGlobalClass lets page classes in; queries find slotted nodes")
    func scopes() async throws {
        try await TestAppFolder.withLiveApp(Self.files, prefix: "scopes") { _, session, live in
            let box = try await session.data()["box"]
            #expect(box?["top"] == 10 && box?["height"] == 50, "the slotted view, below the frame's padding: \(box ?? .null)")

            let picture = try PNGImage(decoding: try await session.screenshot(live: live))
            // Bars 128 device px; the frame's 10 px padding; then the slotted view: the page's red, not the component's green.
            #expect(PictureTests.isColor(picture.pixel(10, 128 + 40), 0xFF0000), "\(picture.pixel(10, 168))")
            // The component's own .page-blue: isolated, so the page's blue does not reach it (height from its own rule).
            #expect(PictureTests.isColor(picture.pixel(10, 128 + 120 + 50), 0xFFFFFF), "\(picture.pixel(10, 298))")
            // The shared component (JS options.addGlobalClass): the page's blue reaches in.
            #expect(PictureTests.isColor(picture.pixel(10, 128 + 220 + 50), 0x0000FF), "\(picture.pixel(10, 398))")

            let loads = await live.documentLoads
            _ = try await session.firePageEvent("darken")
            _ = try await session.screenshot(live: live)
            #expect(await live.documentLoads == loads, "a slotted node is patched in place")
            #expect(await live.patchesApplied >= 1)
        }
    }
}

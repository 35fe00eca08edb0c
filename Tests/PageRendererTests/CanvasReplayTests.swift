// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import PageRenderer
import Testing

/// What apps draw on canvases, replayed on real canvases by the engine.
@Suite("Canvas drawing replayed in pictures; canvasToTempFilePath makes a real PNG", .serialized)
struct CanvasReplayTests {
    static let files: [String: String] = [
        "app.json": ##"{"pages": ["pages/draw/draw"], "window": {"navigationBarBackgroundColor": "#000000"}}"##,
        "app.js": "App({});",
        "pages/draw/draw.wxml": """
        <canvas type="2d" id="chart" style="display: block; width: 100px; height: 100px"></canvas>
        <canvas canvas-id="old" style="display: block; width: 100px; height: 50px"></canvas>
        """,
        "pages/draw/draw.js": """
        Page({
          data: { file: null, fileError: null, png: null },
          onReady() {
            wx.createSelectorQuery().select('#chart').fields({ node: true, size: true }).exec((answers) => {
              const canvas = answers[0].node;
              const context = canvas.getContext('2d');
              const ratio = wx.getSystemInfoSync().pixelRatio;
              canvas.width = answers[0].width * ratio;
              canvas.height = answers[0].height * ratio;
              context.scale(ratio, ratio);
              context.fillStyle = '#ff0000';
              context.fillRect(0, 0, 50, 100);
              const gradient = context.createLinearGradient(50, 0, 100, 0);
              gradient.addColorStop(0, '#0000ff');
              gradient.addColorStop(1, '#0000ff');
              context.fillStyle = gradient;
              context.fillRect(50, 0, 50, 100);
              wx.canvasToTempFilePath({
                canvas,
                success: (result) => this.setData({
                  file: result.tempFilePath,
                  png: wx.getFileSystemManager().readFileSync(result.tempFilePath, 'base64'),
                }),
                fail: (failure) => this.setData({ fileError: failure.errMsg }),
              });
            });
            const old = wx.createCanvasContext('old', this);
            old.setFillStyle('#00ff00');
            old.fillRect(0, 0, 100, 50);
            old.draw();
          },
          repaint() {
            const old = wx.createCanvasContext('old', this);
            old.setFillStyle('#ffff00');
            old.fillRect(0, 0, 100, 50);
            old.draw();
          },
        });
        """,
    ]

    @Test("a type=2d canvas (scaled, a gradient) and an old-API canvas are drawn in the picture; the PNG file has the pixels")
    func canvasesAreReplayed() async throws {
        try await TestAppFolder.withLiveApp(Self.files, prefix: "canvas") { _, session, live in
            let fileError = try await session.data()["fileError"] ?? .null
            #expect(fileError == .null, "\(fileError)")
            #expect(try await session.data()["file"]?.stringValue?.hasPrefix("wxfile://tmp/canvas-") == true)

            let file = try PNGImage(decoding: try #require(Data(base64Encoded: try await session.data()["png"]?.stringValue ?? "")))
            #expect(file.width == 200 && file.height == 200, "100 CSS px × pixel ratio 2")
            #expect(PictureTests.isColor(file.pixel(10, 100), 0xFF0000) && PictureTests.isColor(file.pixel(190, 100), 0x0000FF))

            let picture = try PNGImage(decoding: try await session.screenshot(live: live))
            // Below the 128 device px of bars: the 2D canvas (red | blue), then the old one (green).
            #expect(PictureTests.isColor(picture.pixel(20, 200), 0xFF0000), "\(picture.pixel(20, 200))")
            #expect(PictureTests.isColor(picture.pixel(180, 200), 0x0000FF), "\(picture.pixel(180, 200))")
            #expect(PictureTests.isColor(picture.pixel(100, 360), 0x00FF00), "\(picture.pixel(100, 360))")
            #expect(PictureTests.isColor(picture.pixel(300, 200), 0xFFFFFF), "nothing drawn beside the canvases")

            // A later draw() replaces the old canvas's picture.
            _ = try await session.firePageEvent("repaint")
            let repainted = try PNGImage(decoding: try await session.screenshot(live: live))
            #expect(PictureTests.isColor(repainted.pixel(100, 360), 0xFFFF00), "\(repainted.pixel(100, 360))")
            #expect(PictureTests.isColor(repainted.pixel(20, 200), 0xFF0000))
        }
    }

    @Test("without a layout engine canvasToTempFilePath fails saying why; drawing is still recorded")
    func noEngineNoPixels() async throws {
        var files = Self.files
        files["pages/draw/draw.js"] = """
            Page({ data: { fileError: null }, onReady() {
              wx.canvasToTempFilePath({ canvasId: 'old', fail: (failure) => this.setData({ fileError: failure.errMsg }) }, this);
            } });
            """
        let folder = try TestAppFolder.write(files, prefix: "canvas-plain")
        defer { try? FileManager.default.removeItem(at: folder) }
        let container = try await TestAppFolder.container(storeIn: folder, device: PictureTests.device)
        let app = try await container.launch(.directory(folder))
        #expect(try await container.waitUntilSettled(app.instanceID, timeout: .seconds(30)))
        let message = try await container.miniProgram(app.instanceID).data()["fileError"]?.stringValue ?? ""
        #expect(message.hasPrefix("canvasToTempFilePath:fail") && message.contains("no page engine"), "\(message)")
        await container.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import PageRenderer
import Synchronization
import Testing

/// Remote images go through the app's allowedDomains: the host fetches them, the engine never does.
@Suite("Remote images in pictures, within the app's allowedDomains", .serialized)
struct RemoteImageTests {
    final class Paths: Sendable {
        private let seen = Mutex<[String]>([])
        func add(_ path: String) { seen.withLock { $0.append(path) } }
        var all: [String] { seen.withLock { $0 } }
    }

    @Test("an allowed image is fetched once and drawn; a non-image answer and a host outside the list are placeholders")
    func allowedImagesAreDrawn() async throws {
        let red = PNGImage(width: 4, height: 4, rgba: Array(repeating: [255, 0, 0, 255], count: 16).flatMap { $0 }).pngData()
        let paths = Paths()
        let server = try await LoopbackServer.start { request in
            paths.add(request.path)
            if request.path == "/red.png" { return .ok(red, headers: [("Content-Type", "image/png")]) }
            return .ok(Data("<html></html>".utf8), headers: [("Content-Type", "text/html")])
        }
        let port = server.url("/").port ?? 0
        let files: [String: String] = [
            "manifest.json": #"""
            {"appId": "remote-images", "name": "r", "version": "1.0.0", "entry": "app.json", "allowedDomains": ["127.0.0.1"]}
            """#,
            "app.json": #"{"pages": ["pages/index/index"]}"#,
            "app.js": "App({});",
            "pages/index/index.js": "Page({});",
            "pages/index/index.wxml": """
            <image class="a" src="http://127.0.0.1:\(port)/red.png"></image>
            <image class="b" src="http://127.0.0.1:\(port)/page.html"></image>
            <image class="c" src="http://localhost:\(port)/red.png"></image>
            """,
            "pages/index/index.wxss": "image { display: block; width: 100px; height: 100px; }",
        ]
        let folder = try TestAppFolder.write(files, prefix: "remote")
        defer { try? FileManager.default.removeItem(at: folder) }
        let container = try await TestAppFolder.container(storeIn: folder, device: PictureTests.device)
        let app = try await container.launch(.directory(folder))
        let session = try await container.miniProgram(app.instanceID)
        let engine = PageEngine()
        let picture = try PNGImage(decoding: try await session.screenshot(engine: engine))
        // Below the 128 device px of bars: the allowed image (red), then two placeholders.
        #expect(PictureTests.isColor(picture.pixel(100, 228), 0xFF0000), "\(picture.pixel(100, 228))")
        #expect(!PictureTests.isColor(picture.pixel(100, 428), 0xFF0000), "a text/html answer is not an image")
        #expect(!PictureTests.isColor(picture.pixel(100, 628), 0xFF0000), "localhost is not in allowedDomains")
        _ = try await session.screenshot(engine: engine)
        #expect(paths.all.sorted() == ["/page.html", "/red.png"], "fetched once each, by the host only: \(paths.all)")
        await engine.shutdown()
        await container.shutdown()
        await server.shutdown()
    }
}

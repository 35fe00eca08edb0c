// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import PageRenderer
import Testing

/// `container-demo run … --screenshot / --pictures / --compare`, as a CI job runs them (a child
/// process, real Chromium).
@Suite("Pictures and visual regression from the CLI", .serialized)
struct PicturesCLITests {
    static func writeApp(at folder: URL, secondColor: String) throws {
        let files = [
            "app.json": ##"{"pages": ["pages/a/a", "pages/b/b"], "window": {"navigationBarBackgroundColor": "#123456"}}"##,
            "app.js": "App({});",
            "pages/a/a.js": "Page({});",
            "pages/a/a.wxml": #"<view class="block">A</view>"#,
            "pages/a/a.wxss": ".block { height: 300rpx; background: #ff0000; }",
            "pages/b/b.js": "Page({});",
            "pages/b/b.wxml": #"<view class="block">B</view>"#,
            "pages/b/b.wxss": ".block { height: 300rpx; background: \(secondColor); }",
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test("--pictures writes a picture per page and index.html; --compare passes on them and fails naming only the changed page")
    func picturesAndCompare() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pictures-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = root.appendingPathComponent("app")
        try Self.writeApp(at: app, secondColor: "#00ff00")
        let store = root.appendingPathComponent("store").path
        let baseline = root.appendingPathComponent("baseline")
        func run(_ arguments: [String]) async throws -> ChildProcess.Result {
            try await ChildProcess.run("container-demo", ["run", app.path, "--all-pages", "--store", store] + arguments)
        }
        let first = try await run(["--pictures", baseline.path])
        #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stderr.contains("picture 2/2 pages/b/b"), "a progress line per picture")
        let pictureA = try PNGImage(decoding: try Data(contentsOf: baseline.appendingPathComponent("pages/a/a.png")))
        #expect(pictureA.width == 750 && pictureA.height == 1334)
        #expect(FileManager.default.fileExists(atPath: baseline.appendingPathComponent("pages/b/b.png").path))
        let sheet = try String(contentsOf: baseline.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(sheet.contains("pages/a/a.png") && sheet.contains("pages/b/b.png"))

        let same = try await run(["--compare", baseline.path, "--pictures", root.appendingPathComponent("same").path])
        #expect(same.status == 0, "\(same.stdout)\n\(same.stderr)")
        #expect(same.stdout.contains("no page differs"))

        try Self.writeApp(at: app, secondColor: "#0000ff")
        let changedFolder = root.appendingPathComponent("changed")
        let changed = try await run(["--compare", baseline.path, "--pictures", changedFolder.path])
        #expect(changed.status == 1, "\(changed.stdout)\n\(changed.stderr)")
        #expect(changed.stdout.contains("1 page(s) differ"))
        #expect(changed.stdout.contains("✗ pages/b/b"))
        #expect(!changed.stdout.contains("✗ pages/a/a"))
        #expect(FileManager.default.fileExists(atPath: changedFolder.appendingPathComponent("pages/b/b.diff.png").path))

        let missing = try await run(["--compare", root.appendingPathComponent("nothing-here").path])
        #expect(missing.status == 0, "a missing baseline is reported, not a failure: \(missing.stdout)")
        #expect(missing.stdout.contains("pages/a/a: no baseline picture"))
    }

    @Test("--screenshot writes the page after onReady; with --trace the picture is a span")
    func screenshot() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("screenshot-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = root.appendingPathComponent("app")
        try Self.writeApp(at: app, secondColor: "#00ff00")
        let file = root.appendingPathComponent("b.png")
        let result = try await ChildProcess.run(
            "container-demo",
            [
                "run", app.path, "--page", "pages/b/b", "--screenshot", file.path, "--store", root.appendingPathComponent("store").path,
                "--trace", root.appendingPathComponent("run.json").path,
            ])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let image = try PNGImage(decoding: try Data(contentsOf: file))
        let bar = image.pixel(10, 10)
        #expect(bar.r == 0x12 && bar.g == 0x34 && bar.b == 0x56, "app.json's navigation bar colour: \(bar)")
        let block = image.pixel(10, 200)
        #expect(block.r == 0 && block.g == 255 && block.b == 0, "page b's block: \(block)")
        let trace = try JSONSerialization.jsonObject(with: try Data(contentsOf: root.appendingPathComponent("run.json"))) as? [String: Any]
        let names = (trace?["traceEvents"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.contains("hybrid.picture"), "\(Set(names))")
    }

    @Test("the README's pictures of Examples/pictures-miniprogram are what the renderer draws today (--compare passes)")
    func readmePicturesAreCurrent() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("readme-pictures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let committed = ExamplesTests.examples.deletingLastPathComponent().appendingPathComponent("docs/pictures")
        let baseline = root.appendingPathComponent("baseline")
        for (name, route) in [("fruit-shop.png", "pages/index/index"), ("fruit-shop-me.png", "pages/me/me")] {
            let target = baseline.appendingPathComponent(route + ".png")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: committed.appendingPathComponent(name), to: target)
        }
        let result = try await ChildProcess.run(
            "container-demo",
            [
                "run", ExamplesTests.examples.appendingPathComponent("pictures-miniprogram").path, "--all-pages", "--compare",
                baseline.path, "--differences", root.appendingPathComponent("differences").path, "--store",
                root.appendingPathComponent("store").path,
            ])
        #expect(result.status == 0, "regenerate docs/pictures (README, Pictures) if the change is meant: \(result.stdout)")
        #expect(result.stdout.contains("no page differs"))
    }
}

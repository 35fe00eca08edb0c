// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Testing

/// `container-demo run … --trace / --dump`, as a developer runs them (a child process).
@Suite("Timelines and panels from the CLI")
struct ObservabilityCLITests {
    static func repository() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("--trace writes trace-event JSON with the launch, a JSAPI call with its code and counters; --dump storage --json")
    func traceAndStorage() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("observability-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let traceFile = root.appendingPathComponent("run.json")
        let app = Self.repository().appendingPathComponent("Examples/todo").path
        let result = try await ChildProcess.run(
            "container-demo",
            ["run", app, "--store", root.appendingPathComponent("store").path, "--trace", traceFile.path, "--dump", "storage", "--json"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")

        let file = try JSONSerialization.jsonObject(with: try Data(contentsOf: traceFile)) as? [String: Any]
        let events = try #require(file?["traceEvents"] as? [[String: Any]])
        let names = Set(events.compactMap { $0["ph"] as? String == "X" ? $0["name"] as? String : nil })
        #expect(names.isSuperset(of: ["hybrid.launch", "hybrid.launch.onLaunch", "hybrid.jsapi setStorage", "hybrid.jsapi getStorage"]))
        let call = try #require(events.first { $0["name"] as? String == "hybrid.jsapi setStorage" })
        #expect((call["args"] as? [String: Any])?["hybrid.jsapi.code"] as? Int == 0)
        #expect(events.contains { $0["ph"] as? String == "C" && ($0["name"] as? String ?? "").hasPrefix("hybrid_jsapi_duration") })

        let dumped = try #require(result.lines.last { $0.hasPrefix("{") })
        let panels = try JSONSerialization.jsonObject(with: Data(dumped.utf8)) as? [String: Any]
        let todos = try #require((panels?["storage"] as? [String: Any])?["todos"] as? [[String: Any]])
        #expect(todos.count == 1 && (todos.first?["text"] as? String ?? "").hasPrefix("item added at launch"))
    }

    @Test("--dump data and routes show each open page's data and the page stack")
    func dataAndRoutes() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("observability-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "app.json": #"{"pages": ["pages/home/home", "pages/detail/detail"]}"#,
            "app.js": "App({ onLaunch() { wx.setStorageSync('visits', 3); } });",
            "pages/home/home.js": "Page({ data: { title: 'home' }, onReady() { wx.navigateTo({ url: '/pages/detail/detail?id=42' }); } });",
            "pages/home/home.wxml": "<text>{{title}}</text>",
            "pages/detail/detail.js": "Page({ data: { id: '' }, onLoad(query) { this.setData({ id: query.id }); } });",
            "pages/detail/detail.wxml": "<text>{{id}}</text>",
        ]
        let app = root.appendingPathComponent("app")
        for (path, text) in files {
            let url = app.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = try await ChildProcess.run(
            "container-demo",
            [
                "run", app.path, "--store", root.appendingPathComponent("store").path, "--dump", "routes", "--dump", "data", "--dump",
                "storage",
            ])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("1. pages/home/home"))
        #expect(result.stdout.contains("2. pages/detail/detail?id=42"))
        #expect(result.stdout.contains(#"pages/detail/detail#"#) && result.stdout.contains(#""id":"42""#))
        #expect(result.stdout.contains(#"pages/home/home#"#) && result.stdout.contains(#""title":"home""#))
        #expect(result.stdout.contains("visits = 3"))
    }
}

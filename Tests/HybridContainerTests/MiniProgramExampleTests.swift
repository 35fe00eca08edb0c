// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

/// Examples/miniprogram end to end: a signed package with app.json, CommonJS and ES modules,
/// a Component-built page, a subpackage, storage, wx.request to a local server, navigation
/// driven by the host and by the app, and the render sink receiving minimal diffs.
@Suite("The mini-program example")
struct MiniProgramExampleTests {
    @Test("launch, tap, request, navigate, subpackage, storage across launches")
    func example() async throws {
        let fixture = try ContainerFixture()
        let web = fixture.root.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
        try Data(#"{"title": "From the server"}"#.utf8).write(to: web.appendingPathComponent("note.json"))
        let server = try await LoopbackServer.serving(web)
        let sink = RecordingRenderSink()
        let container = try await fixture.container {
            $0.probationPeriod = .zero
            $0.miniProgram.renderSink = sink
        }
        let package = fixture.root.appendingPathComponent("mp.zip")
        try PackageBuilder.build(
            from: ExamplesTests.examples.appendingPathComponent("miniprogram"), signingKey: fixture.key, output: package)

        let app = try await container.launch(.packageFile(package), options: LaunchOptions(query: ["api": server.url("/").absoluteString]))
        let session = try await container.miniProgram(app.instanceID)
        let context = try await container.context(of: app.instanceID)
        #expect(
            session.config.allPages == [
                "pages/index/index", "pages/detail/detail", "pages/about/about", "packages/stats/pages/summary/summary",
            ])
        #expect(try await session.pages().map(\.route) == ["pages/index/index"])
        let home = try #require(try await session.pages().first)
        let launchUpdates = sink.updates(instanceID: app.instanceID).map { "\($0.route) \($0.kind.rawValue)" }
        #expect(launchUpdates == ["pages/index/index load", "pages/index/index diff", "pages/index/index show", "pages/index/index ready"])

        // A tap: the diff carries only the new list entry and the summary.
        sink.removeAll()
        try await session.firePageEvent("addNote", event: ["detail": ["value": "  buy milk"]])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        let diff = try #require(sink.updates(instanceID: app.instanceID).first { $0.kind == .diff })
        #expect(diff.data == ["notes[0]": ["id": 1, "title": "Buy milk", "done": false], "summary": "1 note"])
        try await session.firePageEvent("addNote", event: ["detail": ["value": "call home"]])
        sink.removeAll()
        try await session.firePageEvent("toggle", event: ["currentTarget": ["dataset": ["index": 1]]])
        #expect(sink.updates(instanceID: app.instanceID).map(\.data) == [["notes[1].done": true]])

        // wx.request against the local server, awaited through the handler's promise.
        try await session.firePageEvent("refresh")
        #expect(try await session.data()["remote"] == ["title": "From the server"])

        // App-driven navigation to a Component-built page with a behavior and an observer.
        try await session.firePageEvent("openNote", event: ["currentTarget": ["dataset": ["id": 2]]])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        let stack = try await session.pages()
        #expect(stack.map(\.route) == ["pages/index/index", "pages/detail/detail"])
        #expect(stack.last?.query == ["id": "2"])
        let detail = try await session.data()
        #expect(detail["id"] == 2)
        #expect(detail["note"]?["title"] == "Call home")
        #expect(detail["length"] == 9)
        #expect(detail["log"] == ["attached", "shown"])
        try await session.firePageEvent("rename", event: ["detail": ["value": "Call mum"]])
        #expect(try await session.data()["length"] == 8)
        try await session.firePageEvent("back")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        #expect(try await session.pages().map(\.id) == [home.id])

        // Host-driven: the Alipay-style tab, then a subpackage page loaded on first visit.
        try await session.navigate(.switchTab("/pages/about/about"))
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        let about = try await session.data()
        #expect(about["visits"] == 1)
        #expect(about["platform"] == "iOS", "the default virtual device")
        #expect(about["sdk"] == .string(MiniProgramOptions.alipayBaseLibrary))
        try await session.navigate(.switchTab("/pages/index/index"))
        #expect(try await session.pages().map(\.id) == [home.id], "tab pages are kept, not reloaded")
        try await session.firePageEvent("summary")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        #expect(try await session.pages().map(\.route) == ["packages/stats/pages/summary/summary"])
        #expect(try await session.data() == ["total": 2, "done": 1])

        let statistics = try await session.statistics()
        #expect(statistics.apiCalls["wx.request"] == 1)
        #expect(statistics.unsupportedCalls["my.getLocation"] == 1)
        #expect(
            statistics.visited == ["pages/index/index", "pages/detail/detail", "pages/about/about", "packages/stats/pages/summary/summary"])
        let lines = fixture.log.all
        #expect(lines.contains("event: [notes-miniprogram] saved \"Buy milk\"; 1 note"))
        #expect(lines.contains("event: [notes-miniprogram] HTTP 200: From the server"))
        #expect(lines.contains("event: [notes-miniprogram] getLocation: my.getLocation is not supported by this host"))
        #expect(lines.contains("event: [notes-miniprogram] summary: 1 of 2 done"))
        #expect(!lines.contains { $0.contains("App onError") })
        try await container.destroy(app.instanceID)

        // Storage persisted: a second launch starts with both notes.
        let again = try await container.launch(.installed("notes-miniprogram"))
        #expect(try await container.miniProgram(again.instanceID).data()["summary"] == "2 notes")
        await container.shutdown()
        await server.shutdown()
    }
}

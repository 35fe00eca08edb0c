// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

/// The mini-program part of the tour: the notes example installed from its package, driven
/// like a render layer would (taps, navigation), then smoke-tested page by page.
struct ShowcaseMiniProgram {
    let host: DemoHost
    let apiBase: URL

    func run(package: URL) async throws {
        let container = host.container
        let manifest = try container.store.install(packageAt: package)
        Terminal.banner("▶ \(manifest.appId) \(manifest.version): a mini-program (app.json, 4 pages, CommonJS + ES modules), installed")
        let app = try await container.launch(
            .installed(manifest.appId.rawValue), options: LaunchOptions(query: ["api": apiBase.absoluteString]))
        let session = try await container.miniProgram(app.instanceID)
        let context = try await container.context(of: app.instanceID)
        Terminal.diagnostic("  • host taps \"addNote\" twice, \"toggle\", then \"refresh\" (wx.request to the local server)")
        try await session.firePageEvent("addNote", event: ["detail": ["value": "try the container"]])
        try await session.firePageEvent("addNote", event: ["detail": ["value": "write a plugin"]])
        try await session.firePageEvent("toggle", event: ["currentTarget": ["dataset": ["index": 0]]])
        try await session.firePageEvent("refresh")
        Terminal.diagnostic("  • the app navigates to a note (a Component()-built page), then back")
        try await session.firePageEvent("openNote", event: ["currentTarget": ["dataset": ["id": 2]]])
        _ = await context.waitUntilIdle(timeout: .seconds(5))
        try await session.firePageEvent("back")
        _ = await context.waitUntilIdle(timeout: .seconds(5))
        Terminal.diagnostic("  • host switches to the Alipay-style \"about\" tab")
        try await session.navigate(.switchTab("/pages/about/about"))
        _ = await context.waitUntilIdle(timeout: .seconds(5))
        try await container.stop(app.instanceID)
        try await container.destroy(app.instanceID)

        Terminal.banner("▶ smoke run of \(manifest.appId) (what `container-demo run <dir> --all-pages` prints)")
        let report = try await container.smokeTest(
            .installed(manifest.appId.rawValue), options: LaunchOptions(query: ["api": apiBase.absoluteString]))
        Terminal.output(report.description)
    }

    /// The render layer: a WeChat mini-program's page rendered headless, tapped by selector,
    /// printed before and after (what `run <dir> --print-tree --tap …` prints).
    func runRendered(package: URL) async throws {
        let container = host.container
        let manifest = try container.store.install(packageAt: package)
        Terminal.banner("▶ \(manifest.appId) \(manifest.version): templates rendered headless, tapped by selector")
        let app = try await container.launch(.installed(manifest.appId.rawValue))
        let session = try await container.miniProgram(app.instanceID)
        let context = try await container.context(of: app.instanceID)
        _ = await context.waitUntilIdle(timeout: .seconds(5))
        Terminal.output(try await session.treeText())
        for selector in ["#inc", "#inc", "counter-card >>> .press"] {
            Terminal.diagnostic("  • tap \(selector)")
            try await session.tap(selector)
        }
        _ = await context.waitUntilIdle(timeout: .seconds(5))
        Terminal.output(try await session.treeText())
        try await container.stop(app.instanceID)
        try await container.destroy(app.instanceID)
    }
}

/// Prints every page change the mini-program sends to its render layer.
struct TerminalRenderSink: RenderSink {
    func render(_ update: RenderUpdate) {
        var text = "  ◇ \(update.route) #\(update.pageId) \(update.kind.rawValue)"
        if update.kind == .diff || update.kind == .load {
            let fields = update.data.map { "\($0.key): \($0.value)" }  // in the order the app set them
            text += " {" + fields.joined(separator: ", ").prefix(160) + "}"
        } else if update.kind == .tree {
            text += " (\(update.data["patches"]?.arrayValue?.count ?? 0) patches)"
        }
        Terminal.diagnostic(text)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Tracing

extension MiniProgramSession {
    /// A PNG of the current page (or `pageId`) as the device shows it: `screenWidth × pixelRatio`
    /// by `screenHeight × pixelRatio` pixels, with the navigation bar and tab bar, drawn by
    /// `engine` from the page's rendered tree and the app's, the page's and its components'
    /// WXSS/ACSS.
    /// - Throws: ``PageEngineError`` (the engine's failures are the picture's; the app runs on),
    ///   ``StyleSheetError`` for a sheet that cannot be read, what `tree(ofPage:)` throws.
    public func screenshot(engine: PageEngine, page pageId: Int? = nil) async throws -> Data {
        try await pictureSpan { try await drawStill(engine: engine, page: pageId) }
    }

    private func drawStill(engine: PageEngine, page pageId: Int?) async throws -> Data {
        let document = try await pageDocument(page: pageId)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hc-picture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let images = PictureResources(folder: folder, source: pageSource)
        await images.fetchRemoteImages(in: document.tree)
        var drawn = document
        drawn.imageURL = { src, route in images.url(for: src, route: route) }
        let html = drawn.html
        let file = folder.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        return try await engine.picture(
            of: file, width: device.screenWidth, height: device.screenHeight, scale: device.pixelRatio)
    }

    /// The page as a document (tree, styles, chrome), before any picture is taken.
    public func pageDocument(page pageId: Int? = nil) async throws -> PageDocument {
        try PageDocumentBuilder(source: pageSource).document(for: try await tree(ofPage: pageId))
    }

    /// The navigation and tab bars of `route`.
    func chrome(for route: String) -> PageChrome { PageDocumentBuilder(source: pageSource).chrome(for: route) }
}

extension MiniProgramSession {
    /// A PNG of the current page (or `pageId`) as `live` draws it now: the document it keeps
    /// loaded and patches in place (`live` must be the container's
    /// ``MiniProgramOptions/layoutEngine``).
    /// - Throws: ``LivePagesError``, ``PageEngineError``, ``StyleSheetError``.
    public func screenshot(live: LivePages, page pageId: Int? = nil) async throws -> Data {
        try await pictureSpan {
            var page = pageId
            if page == nil { page = try await pages().last?.id }
            return try await live.picture(instanceID: app.instanceID, page: page)
        }
    }

    /// A picture as a span (`hybrid.picture`) in the tracer the process bootstrapped (none: no span).
    func pictureSpan(_ draw: () async throws -> Data) async throws -> Data {
        let tracer = InstrumentationSystem.tracer
        guard !(tracer is NoOpTracer) else { return try await draw() }
        let span = tracer.startSpan(TraceSpan.picture, context: .topLevel)
        span.attributes[TraceAttribute.appId] = app.appId.rawValue
        span.attributes[TraceAttribute.appInstance] = Int(app.instanceID)
        defer { span.end() }
        do {
            let png = try await draw()
            span.attributes["hybrid.picture.bytes"] = png.count
            return png
        } catch {
            span.recordError(error)
            span.setStatus(.init(code: .error, message: "\(error)"))
            throw error
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Synchronization

/// The pages of running mini-programs drawn live by a ``PageEngine``: set it as the container's
/// ``MiniProgramOptions/layoutEngine`` and it follows every page from its first render (each
/// page's tree is kept from its tree patches), keeps the page asked about loaded in the engine
/// and applies later patches to that document in place, not by loading it again. Apps'
/// `SelectorQuery` and `createIntersectionObserver` then answer from the engine's layout, and
/// ``picture(instanceID:page:)`` draws the page as it is.
///
/// Nothing starts until a question or picture needs the engine. The engine's failures are the
/// answer's (a query falls back to zero boxes; a picture throws); the next one starts a new engine.
public actor LivePages: PageLayoutEngine {
    /// The engine drawing the pages (give it one no one else loads documents in).
    public let engine: PageEngine

    /// What the render sink hands over, taken by the actor in order.
    struct Inbox {
        var updates: [RenderUpdate] = []
        var sources: [UInt64: PageSource] = [:]
        var draining = false
    }

    struct PageKey: Hashable {
        let instanceID: UInt64
        let pageId: Int
    }

    /// The page loaded in the engine.
    struct Loaded {
        let key: PageKey
        var document: PageDocument
        let folder: URL
        let resources: PictureResources
        let engineStart: Int
        /// Changes not yet made to the document (made into its operations when it is next used,
        /// after the remote images they show were fetched).
        var changes: [TreeChange] = []
        var needsReload = false
        /// The canvases must be drawn again (new commands, or the document changed).
        var canvasDirty = false
    }

    /// What one canvas node drew, in order.
    struct CanvasDrawing {
        var width: Double
        var height: Double
        var legacy: Bool
        var commands: [JSONValue]
    }

    let inbox = Mutex(Inbox())
    var trees: [PageKey: PageTreeCopy] = [:]
    var shown: [UInt64: Int] = [:]
    /// By page, by the canvas node's path.
    var drawings: [PageKey: [[Int]: CanvasDrawing]] = [:]
    /// The most commands kept per canvas (as many as the logic layer records).
    static let maximumCanvasCommands = 100_000
    var loaded: Loaded?
    /// One engine operation at a time, in the order they asked (an actor alone would
    /// interleave them at every `await`).
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    var isShutDown = false
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("hc-live-\(UUID().uuidString)")
    /// Changes waiting for the loaded document beyond this make a reload cheaper.
    static let maximumPendingOperations = 1_000

    /// How many times a page was loaded into the engine in full (a first load, a page switch, a
    /// new engine); patches applied in place do not count.
    public internal(set) var documentLoads = 0
    /// How many patches were applied to a loaded document in place.
    public internal(set) var patchesApplied = 0

    public init(engine: PageEngine = PageEngine()) {
        self.engine = engine
    }

    // MARK: PageLayoutEngine (called on the app's and the container's threads)

    public nonisolated func render(_ update: RenderUpdate) {
        switch update.kind {
        case .load, .tree, .show, .unload, .canvas: break
        case .ready, .hide, .diff: return
        }
        let start = inbox.withLock { inbox -> Bool in
            guard inbox.sources[update.instanceID] != nil else { return false }
            inbox.updates.append(update)
            guard !inbox.draining else { return false }
            inbox.draining = true
            return true
        }
        // The trees follow in the background, so the updates kept stay few.
        if start { Task { await self.drain() } }
    }

    public nonisolated func attach(_ source: PageSource) {
        inbox.withLock { $0.sources[source.app.instanceID] = source }
    }

    public nonisolated func detach(instanceID: UInt64) {
        inbox.withLock { inbox in
            inbox.sources[instanceID] = nil
            inbox.updates.removeAll { $0.instanceID == instanceID }
        }
        Task { await self.forget(instanceID) }
    }

    public func measure(_ request: LayoutRequest) async throws -> [LayoutBox?] {
        let key = PageKey(instanceID: request.instanceID, pageId: request.pageId)
        let targets = JSONValue.array(request.targets.map { path in path.map { .array($0.map { .number(Double($0)) }) } ?? .null })
        let styles = JSONValue.array(request.computedStyle.map(JSONValue.string))
        let expression = "__hcLive.measure(\(targets.stringified() ?? "[]"), \(styles.stringified() ?? "[]"))"
        let answer = try await withLoadedPage(key) { try await self.engine.evaluate(expression) }
        guard let list = answer.arrayValue, list.count == request.targets.count else {
            throw PageEngineError.protocolError(method: "measure", message: "the document answered \(answer)")
        }
        return list.map(Self.box)
    }

    public func canvasImage(_ request: CanvasImageRequest) async throws -> Data {
        let key = PageKey(instanceID: request.instanceID, pageId: request.pageId)
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        let options: JSONValue = [
            "x": number(request.x), "y": number(request.y), "width": number(request.width), "height": number(request.height),
            "destWidth": number(request.destWidth), "destHeight": number(request.destHeight),
            "fileType": .string(request.fileType.rawValue), "quality": number(request.quality),
        ]
        let path = JSONValue.array(request.path.map { .number(Double($0)) })
        let expression = "__hcLive.canvasImage(\(path.stringified() ?? "[]"), \(options.stringified() ?? "{}"))"
        let answer = try await withLoadedPage(key) { try await self.engine.evaluate(expression) }
        guard let url = answer.stringValue, let comma = url.firstIndex(of: ","),
            let data = Data(base64Encoded: String(url[url.index(after: comma)...]))
        else {
            throw PageEngineError.protocolError(method: "canvasImage", message: "the document gave no image")
        }
        return data
    }

    // MARK: Host API

    /// A PNG of a page as the device shows it now (`page`: nil for the page shown last), at
    /// the device's physical size.
    /// - Throws: ``LivePagesError``, ``PageEngineError``, ``StyleSheetError``.
    public func picture(instanceID: UInt64, page pageId: Int? = nil) async throws -> Data {
        drainNow()
        guard let pageId = pageId ?? shown[instanceID] else { throw LivePagesError.notAttached(instanceID: instanceID) }
        return try await withLoadedPage(PageKey(instanceID: instanceID, pageId: pageId)) { try await self.engine.capture() }
    }

    /// The id of the page of `instanceID` shown last (nil before its first page or after it ended).
    public func shownPage(of instanceID: UInt64) -> Int? {
        drainNow()
        return shown[instanceID]
    }

    /// Stops the engine and removes the documents; later questions fail with ``LivePagesError/shutDown``.
    public func shutdown() async {
        isShutDown = true
        loaded = nil
        trees.removeAll()
        await engine.shutdown()
        try? FileManager.default.removeItem(at: root)
    }

    static func box(_ value: JSONValue) -> LayoutBox? {
        guard case .object(let object) = value else { return nil }
        func number(_ key: String) -> Double { object[key]?.numberValue ?? 0 }
        var styles: [String: String] = [:]
        if case .object(let computed)? = object["computedStyle"] {
            for (name, value) in computed { styles[name] = value.stringValue ?? "" }
        }
        return LayoutBox(
            left: number("left"), top: number("top"), width: number("width"), height: number("height"),
            scrollLeft: number("scrollLeft"), scrollTop: number("scrollTop"), scrollWidth: number("scrollWidth"),
            scrollHeight: number("scrollHeight"), computedStyle: styles)
    }

    func enterGate() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leaveGate() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

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
    private struct Inbox {
        var updates: [RenderUpdate] = []
        var sources: [UInt64: PageSource] = [:]
        var draining = false
    }

    private struct PageKey: Hashable {
        let instanceID: UInt64
        let pageId: Int
    }

    /// The page loaded in the engine.
    private struct Loaded {
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
    private struct CanvasDrawing {
        var width: Double
        var height: Double
        var legacy: Bool
        var commands: [JSONValue]
    }

    private let inbox = Mutex(Inbox())
    private var trees: [PageKey: PageTreeCopy] = [:]
    private var shown: [UInt64: Int] = [:]
    /// By page, by the canvas node's path.
    private var drawings: [PageKey: [[Int]: CanvasDrawing]] = [:]
    /// The most commands kept per canvas (as many as the logic layer records).
    static let maximumCanvasCommands = 100_000
    private var loaded: Loaded?
    /// One engine operation at a time, in the order they asked (an actor alone would
    /// interleave them at every `await`).
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var isShutDown = false
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("hc-live-\(UUID().uuidString)")
    /// Changes waiting for the loaded document beyond this make a reload cheaper.
    static let maximumPendingOperations = 1_000

    /// How many times a page was loaded into the engine in full (a first load, a page switch, a
    /// new engine); patches applied in place do not count.
    public private(set) var documentLoads = 0
    /// How many patches were applied to a loaded document in place.
    public private(set) var patchesApplied = 0

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

    // MARK: Following the trees

    private func drain() {
        drainNow()
    }

    /// Applies what the sink handed over, in order.
    private func drainNow() {
        let (updates, sources) = inbox.withLock { inbox in
            let taken = inbox.updates
            inbox.updates.removeAll(keepingCapacity: true)
            inbox.draining = false
            return (taken, inbox.sources)
        }
        for update in updates {
            let key = PageKey(instanceID: update.instanceID, pageId: update.pageId)
            switch update.kind {
            case .load:
                // A page without a template renders no tree: it is drawn empty, with its bars.
                if trees[key] == nil, sources[update.instanceID] != nil {
                    trees[key] = PageTreeCopy(root: ["tag": "page", "route": .string(update.route), "children": []])
                }
            case .show: shown[update.instanceID] = update.pageId
            case .unload:
                trees[key] = nil
                drawings[key] = nil
                if shown[update.instanceID] == update.pageId { shown[update.instanceID] = nil }
                if loaded?.key == key { unloadDocument() }
            case .tree:
                guard sources[update.instanceID] != nil else { continue }
                for patch in update.data["patches"]?.arrayValue ?? [] { follow(patch, of: key) }
            case .canvas:
                guard sources[update.instanceID] != nil else { continue }
                drew(update.data, on: key)
            default: break
            }
        }
    }

    private func drew(_ data: JSONObject, on key: PageKey) {
        guard let values = data["path"]?.arrayValue else { return }
        let path = values.compactMap(\.intValue)
        guard path.count == values.count else { return }
        let reset = data["reset"]?.boolValue == true
        var drawing =
            (reset ? nil : drawings[key]?[path])
            ?? CanvasDrawing(width: 300, height: 150, legacy: data["legacy"]?.boolValue == true, commands: [])
        drawing.width = data["width"]?.numberValue ?? drawing.width
        drawing.height = data["height"]?.numberValue ?? drawing.height
        let room = max(0, Self.maximumCanvasCommands - drawing.commands.count)
        drawing.commands.append(contentsOf: (data["commands"]?.arrayValue ?? []).prefix(room))
        drawings[key, default: [:]][path] = drawing
        if loaded?.key == key { loaded?.canvasDirty = true }
    }

    /// The page's canvases as the live document paints them (package images as the copied files).
    private func canvasList(_ key: PageKey, _ page: Loaded) -> JSONValue {
        let route = page.document.tree.route ?? ""
        func image(_ src: JSONValue?) -> JSONValue {
            guard let src = src?.stringValue, let url = page.resources.url(for: src, route: route) else { return ["image": .null] }
            return ["image": .string(url)]
        }
        var list: [JSONValue] = []
        for (path, drawing) in drawings[key] ?? [:] {
            let commands = drawing.commands.map { command -> JSONValue in
                guard case .array(var parts) = command else { return command }
                for index in parts.indices.dropFirst() {
                    if case .object(let object) = parts[index], object["image"] != nil {
                        parts[index] = image(object["image"])
                    } else if index == 1, parts.first == "drawImage", parts[index].stringValue != nil {
                        parts[index] = image(parts[index])
                    }
                }
                return .array(parts)
            }
            list.append([
                "path": .array(path.map { .number(Double($0)) }), "width": .number(drawing.width),
                "height": .number(drawing.height), "legacy": .bool(drawing.legacy), "commands": .array(commands),
            ])
        }
        return .array(list)
    }

    private func follow(_ patch: JSONValue, of key: PageKey) {
        if trees[key] == nil || (patch["op"] == "replace" && patch["path"]?.arrayValue?.isEmpty == true) {
            // A page is followed from its first render, a replace of the whole tree.
            guard patch["op"]?.stringValue == "replace", patch["path"]?.arrayValue?.isEmpty == true, let node = patch["node"] else {
                return
            }
            trees[key] = PageTreeCopy(root: node)
            if loaded?.key == key { loaded?.needsReload = true }
            return
        }
        let change: TreeChange
        do {
            change = try trees[key]!.apply(patch)
        } catch {
            trees[key] = nil
            if loaded?.key == key { unloadDocument() }
            return
        }
        guard var current = loaded, current.key == key, !current.needsReload else { return }
        loaded = nil
        defer { loaded = current }
        if change == .page || current.changes.count >= Self.maximumPendingOperations {
            current.changes.removeAll()
            current.needsReload = true
        } else {
            current.changes.append(change)
        }
    }

    /// The document's operations for `changes` (nil: it must be loaded again instead).
    private func operations(for changes: [TreeChange], in page: inout Loaded) async throws -> [JSONValue]? {
        var nodes: [TreeChange: RenderNode] = [:]
        for change in changes {
            if case .replaced(_, let node) = change { nodes[change] = try JSONValueDecoder().decode(RenderNode.self, from: node) }
            if case .inserted(_, let node) = change { nodes[change] = try JSONValueDecoder().decode(RenderNode.self, from: node) }
        }
        for node in nodes.values { await page.resources.fetchRemoteImages(in: node) }
        var operations: [JSONValue] = []
        for change in changes {
            guard let made = try documentOperations(for: change, node: nodes[change], in: &page) else { return nil }
            operations += made
        }
        return operations
    }

    /// The live document's form of a change (nil: the document must be loaded again).
    private func documentOperations(for change: TreeChange, node tree: RenderNode?, in page: inout Loaded) throws -> [JSONValue]? {
        func path(_ path: [Int]) -> JSONValue { .array(path.map { .number(Double($0)) }) }
        switch change {
        case .page: return nil
        case .removed(let at): return [["op": "remove", "path": path(at)]]
        case .text(let at, let text): return [["op": "text", "path": path(at), "text": .string(text)]]
        case .replaced(let at, _), .inserted(let at, _):
            // A new slotted element needs a slot of its own in the component's shadow root.
            guard let tree else { return nil }
            if case .inserted = change, tree.slotted == true { return nil }
            var operations: [JSONValue] = []
            let source = inbox.withLock { $0.sources[page.key.instanceID] }
            if let source {
                let builder = PageDocumentBuilder(source: source)
                let route = page.document.tree.route ?? source.config.entryPage
                for (base, isolation) in PageDocumentBuilder.components(in: tree) where page.document.components[base] == nil {
                    let sheet = try builder.componentSheet(base, route: route, scriptIsolation: isolation)
                    page.document.components[base] = sheet
                    if sheet.isolation == .shared { operations.append(["op": "style", "css": .string(sheet.css)]) }
                }
            }
            let html = page.document.fragment(tree)
            let op: JSONValue = if case .inserted = change { "insert" } else { "replace" }
            return operations + [["op": op, "path": path(at), "html": .string(html)]]
        }
    }

    private func unloadDocument() {
        if let folder = loaded?.folder { try? FileManager.default.removeItem(at: folder) }
        loaded = nil
    }

    private func forget(_ instanceID: UInt64) {
        drainNow()
        trees = trees.filter { $0.key.instanceID != instanceID }
        drawings = drawings.filter { $0.key.instanceID != instanceID }
        shown[instanceID] = nil
        if loaded?.key.instanceID == instanceID { unloadDocument() }
    }

    // MARK: The loaded document

    /// Runs `body` with the page `key` loaded and current in the engine, one at a time; a
    /// document that refused (a patch that did not apply, a new engine) is loaded again once.
    private func withLoadedPage<T: Sendable>(_ key: PageKey, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard !isShutDown else { throw LivePagesError.shutDown }
        await enterGate()
        defer { leaveGate() }
        do {
            try await bringUp(key, forceReload: false)
            return try await body()
        } catch PageEngineError.protocolError {
            // The document refused (a patch that did not apply, a new engine's blank page):
            // loaded again from the tree. An engine that died or hung fails the question.
            try await bringUp(key, forceReload: true)
            return try await body()
        }
    }

    private func bringUp(_ key: PageKey, forceReload: Bool) async throws {
        drainNow()
        guard trees[key] != nil else {
            let attached = inbox.withLock { $0.sources[key.instanceID] != nil }
            throw attached
                ? LivePagesError.pageNotDrawn(instanceID: key.instanceID, pageId: key.pageId)
                : LivePagesError.notAttached(instanceID: key.instanceID)
        }
        let engineStart = await engine.starts
        if forceReload || loaded?.key != key || loaded?.needsReload == true || loaded?.engineStart != engineStart {
            try await load(key)
        }
        // Patches that came while loading, or since the last question.
        drainNow()
        if loaded?.key != key || loaded?.needsReload == true {
            try await load(key)
            drainNow()
        }
        guard var current = loaded, current.key == key else {
            throw LivePagesError.pageNotDrawn(instanceID: key.instanceID, pageId: key.pageId)
        }
        let changes = current.changes
        let hasCanvases = !(drawings[key]?.isEmpty ?? true)
        let repaint = hasCanvases && (current.canvasDirty || !changes.isEmpty)
        current.changes.removeAll()
        current.canvasDirty = false
        loaded = current
        // Made here, not as the patches came: remote images are fetched first (an await).
        guard let operations = try await operations(for: changes, in: &current) else {
            try await load(key)
            return
        }
        if loaded?.key == key { loaded?.document = current.document }
        if !operations.isEmpty {
            let script = "__hcLive.apply(\(JSONValue.array(operations).stringified() ?? "[]"))"
            _ = try await engine.evaluate(script)
            patchesApplied += operations.count
        }
        if repaint {
            _ = try await engine.evaluate("__hcLive.paint(\(canvasList(key, current).stringified() ?? "[]"))")
        }
    }

    private func load(_ key: PageKey) async throws {
        unloadDocument()
        guard let source = inbox.withLock({ $0.sources[key.instanceID] }) else {
            throw LivePagesError.notAttached(instanceID: key.instanceID)
        }
        guard let tree = trees[key] else { throw LivePagesError.pageNotDrawn(instanceID: key.instanceID, pageId: key.pageId) }
        let node = try JSONValueDecoder().decode(RenderNode.self, from: tree.root)
        var document = try PageDocumentBuilder(source: source).document(for: node)
        documentLoads += 1
        let folder = root.appendingPathComponent("page-\(documentLoads)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resources = PictureResources(folder: folder, source: source)
        await resources.fetchRemoteImages(in: node)
        document.imageURL = { src, route in resources.url(for: src, route: route) }
        document.isLive = true
        let file = folder.appendingPathComponent("page.html")
        try Data(document.html.utf8).write(to: file)
        let engineStart = await engine.starts
        // Set before the engine loads it: patches that come meanwhile are kept for it.
        loaded = Loaded(
            key: key, document: document, folder: folder, resources: resources, engineStart: engineStart,
            canvasDirty: !(drawings[key]?.isEmpty ?? true))
        do {
            try await engine.load(
                file, width: source.device.screenWidth, height: source.device.screenHeight, scale: source.device.pixelRatio)
        } catch {
            unloadDocument()
            throw error
        }
        // A (re)started engine counts one more start: the document belongs to the engine now running.
        let started = await engine.starts
        if started != engineStart, var current = loaded, current.key == key {
            loaded = nil
            current = Loaded(
                key: key, document: current.document, folder: folder, resources: resources, engineStart: started,
                changes: current.changes, needsReload: current.needsReload, canvasDirty: current.canvasDirty)
            loaded = current
        }
    }

    private static func box(_ value: JSONValue) -> LayoutBox? {
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

    private func enterGate() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leaveGate() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

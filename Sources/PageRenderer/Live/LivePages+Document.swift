// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Synchronization

/// The page loaded in the engine: brought up to date before each question (loaded again when it
/// must be, else patched in place), one engine operation at a time.
extension LivePages {
    /// Runs `body` with the page `key` loaded and current in the engine, one at a time; a
    /// document that refused (a patch that did not apply, a new engine) is loaded again once.
    func withLoadedPage<T: Sendable>(_ key: PageKey, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
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

    func bringUp(_ key: PageKey, forceReload: Bool) async throws {
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

    func load(_ key: PageKey) async throws {
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

    /// The document's operations for `changes` (nil: it must be loaded again instead).
    func operations(for changes: [TreeChange], in page: inout Loaded) async throws -> [JSONValue]? {
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
    func documentOperations(for change: TreeChange, node tree: RenderNode?, in page: inout Loaded) throws -> [JSONValue]? {
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
}

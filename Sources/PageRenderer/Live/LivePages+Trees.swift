// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Synchronization

/// Following the pages' trees: what the render sink handed over (tree patches, canvas drawing,
/// shows and unloads) applied in order to the kept trees and, as pending changes, to the loaded
/// document.
extension LivePages {
    func drain() {
        drainNow()
    }

    /// Applies what the sink handed over, in order.
    func drainNow() {
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

    func drew(_ data: JSONObject, on key: PageKey) {
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
    func canvasList(_ key: PageKey, _ page: Loaded) -> JSONValue {
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

    func follow(_ patch: JSONValue, of key: PageKey) {
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

    func unloadDocument() {
        if let folder = loaded?.folder { try? FileManager.default.removeItem(at: folder) }
        loaded = nil
    }

    func forget(_ instanceID: UInt64) {
        drainNow()
        trees = trees.filter { $0.key.instanceID != instanceID }
        drawings = drawings.filter { $0.key.instanceID != instanceID }
        shown[instanceID] = nil
        if loaded?.key.instanceID == instanceID { unloadDocument() }
    }
}

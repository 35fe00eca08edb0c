// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// One change a mini-program's logic layer sends to the render layer: a page was loaded (with
/// its initial data), shown, became ready, was hidden or unloaded, `setData` changed it, or its
/// rendered tree changed (tree patches), or a canvas drew (with a layout engine only).
public struct RenderUpdate: Sendable, Hashable {
    /// What happened to the page.
    public enum Kind: String, Sendable, Hashable, Codable {
        case load, show, ready, hide, unload, diff, tree, canvas
    }

    /// The app instance.
    public let instanceID: UInt64
    public let appId: String
    /// Unique per page instance within the app instance.
    public let pageId: Int
    /// `pages/index/index`.
    public let route: String
    public let kind: Kind
    /// `load`: the page's whole data. `diff`: data path (`list[2].name`) → new value, the least
    /// the render layer must apply. `tree`: `patches`, the changes to the page's rendered tree
    /// (`{op: "replace"|"set"|"insert"|"remove", path: [child indexes from the page], node?,
    /// fields?}`; nodes in the form of ``RenderNode``). `canvas`: `{path, width, height, legacy,
    /// reset, commands}`, what the canvas node at `path` drew since its last update (all of it
    /// with `reset`): `[method, …arguments]` and `["set", property, value]` of a 2D context,
    /// `legacy` for the older `createCanvasContext` API (drawn in CSS pixels). Otherwise empty.
    /// In the order the app set them.
    public let data: JSONObject
    /// `load`: the page's query.
    public let query: [String: String]

    /// Creates an update.
    public init(
        instanceID: UInt64, appId: String, pageId: Int, route: String, kind: Kind, data: JSONObject = [:],
        query: [String: String] = [:]
    ) {
        self.instanceID = instanceID
        self.appId = appId
        self.pageId = pageId
        self.route = route
        self.kind = kind
        self.data = data
        self.query = query
    }
}

/// Where a host receives render updates (a real renderer, a test, a recorder). Called on the
/// app's JavaScript thread while the script waits: be quick, hand heavy work elsewhere.
public protocol RenderSink: Sendable {
    func render(_ update: RenderUpdate)
}

/// The default sink: keeps the updates (the most recent `limit`) for the host to read.
public final class RecordingRenderSink: RenderSink {
    private let storage = Mutex<[RenderUpdate]>([])
    /// The most updates kept; older ones are dropped first.
    public let limit: Int

    /// Creates a recorder keeping up to `limit` updates.
    public init(limit: Int = 10_000) {
        self.limit = max(1, limit)
    }

    public func render(_ update: RenderUpdate) {
        storage.withLock { updates in
            updates.append(update)
            if updates.count > limit { updates.removeFirst(updates.count - limit) }
        }
    }

    /// The updates so far, oldest first (optionally of one app instance).
    public func updates(instanceID: UInt64? = nil) -> [RenderUpdate] {
        let all = storage.withLock { $0 }
        guard let instanceID else { return all }
        return all.filter { $0.instanceID == instanceID }
    }

    /// Forgets the updates so far.
    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }
}

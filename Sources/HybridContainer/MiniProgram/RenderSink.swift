// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import DequeModule
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
    ///
    /// Updates from the framework carry their data as the JSON text the logic layer sent (as the
    /// platforms send `setData` to their view layer: JSON rules, so `NaN` is `null`); it is
    /// parsed on the first read, so a sink that does not read it costs nothing.
    public var data: JSONObject { payload.object }
    /// `load`: the page's query.
    public let query: [String: String]
    private let payload: RenderPayload

    /// Creates an update.
    public init(
        instanceID: UInt64, appId: String, pageId: Int, route: String, kind: Kind, data: JSONObject = [:],
        query: [String: String] = [:]
    ) {
        self.init(
            instanceID: instanceID, appId: appId, pageId: pageId, route: route, kind: kind, payload: RenderPayload(data),
            query: query)
    }

    init(instanceID: UInt64, appId: String, pageId: Int, route: String, kind: Kind, payload: RenderPayload, query: [String: String]) {
        self.instanceID = instanceID
        self.appId = appId
        self.pageId = pageId
        self.route = route
        self.kind = kind
        self.payload = payload
        self.query = query
    }

    public static func == (left: RenderUpdate, right: RenderUpdate) -> Bool {
        left.instanceID == right.instanceID && left.appId == right.appId && left.pageId == right.pageId && left.route == right.route
            && left.kind == right.kind && left.query == right.query && left.data == right.data
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(instanceID)
        hasher.combine(pageId)
        hasher.combine(route)
        hasher.combine(kind)
        hasher.combine(data)
    }
}

/// An update's data: a value, or JSON text parsed (once) when first read. Text that does not
/// parse to an object reads as empty (the framework only sends what `JSON.stringify` made).
final class RenderPayload: Sendable {
    private enum State {
        case parsed(JSONObject)
        case text(String)
    }
    private let state: Mutex<State>

    init(_ object: JSONObject) { state = Mutex(.parsed(object)) }
    init(json: String) { state = Mutex(.text(json)) }

    /// The payload of updates without data (show, hide, ready, unload): one, shared.
    static let empty = RenderPayload([:])

    var object: JSONObject {
        state.withLock { state in
            switch state {
            case .parsed(let object): return object
            case .text(let text):
                let object = (try? JSONValue(parsing: text))?.objectValue ?? [:]
                state = .parsed(object)
                return object
            }
        }
    }
}

/// Where a host receives render updates (a real renderer, a test, a recorder). Called on the
/// app's JavaScript thread while the script waits: be quick, hand heavy work elsewhere.
public protocol RenderSink: Sendable {
    func render(_ update: RenderUpdate)
}

/// The default sink: keeps the updates (the most recent `limit`) for the host to read.
public final class RecordingRenderSink: RenderSink {
    // A ring (Deque): once full, dropping the oldest update is O(1); an array's `removeFirst`
    // moved all 10,000 kept updates on every render.
    private let storage = Mutex<Deque<RenderUpdate>>([])
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
        let all = storage.withLock { Array($0) }
        guard let instanceID else { return all }
        return all.filter { $0.instanceID == instanceID }
    }

    /// Forgets the updates so far.
    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }
}

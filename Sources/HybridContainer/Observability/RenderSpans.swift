// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization
import Tracing

/// Turns the render updates of mini-program pages into spans: a `setData` (its paths and
/// bytes) lasts until the page's tree changed because of it (the nodes re-rendered, as tree
/// patches), a tree change without a setData is a `render`, a page load is a navigation.
/// Made only when a tracer runs.
final class RenderSpans: Sendable {
    private struct PageKey: Hashable {
        let instanceID: UInt64
        let pageId: Int
    }

    private struct PendingSetData {
        let start: WallInstant
        let paths: Int
        let bytes: Int
    }

    /// Pages with more pending setData than this are not followed (a bound, never reached by
    /// the framework: each tree change ends its page's pending setData).
    static let maximumPending = 4_096

    private let tracing: ContainerTracing
    private let pending = Mutex<[PageKey: PendingSetData]>([:])

    init?(tracing: ContainerTracing) {
        guard tracing.isOn else { return nil }
        self.tracing = tracing
    }

    /// Records what `update` means for the trace; `app` is the instance it came from.
    func record(_ update: RenderUpdate, app: AppDescriptor) {
        let key = PageKey(instanceID: update.instanceID, pageId: update.pageId)
        var attributes = ContainerTracing.attributes(of: app)
        attributes[TraceAttribute.pageRoute] = update.route
        attributes[TraceAttribute.pageId] = update.pageId
        switch update.kind {
        case .diff:
            let setData = PendingSetData(
                start: .now, paths: update.data.count, bytes: JSONValue.object(update.data).approximateByteCount)
            if let earlier = pending.withLock({ table in table.count < Self.maximumPending ? table.updateValue(setData, forKey: key) : nil }
            ) {
                finish(earlier, patches: 0, attributes: attributes)
            }
        case .tree:
            let patches = update.data["patches"]?.arrayValue?.count ?? 0
            if let setData = pending.withLock({ $0.removeValue(forKey: key) }) {
                finish(setData, patches: patches, attributes: attributes)
            } else {
                attributes[TraceAttribute.renderPatches] = patches
                tracing.mark(TraceSpan.render, attributes: attributes)
            }
        case .load:
            tracing.mark(TraceSpan.navigation, attributes: attributes)
        case .unload:
            if let setData = pending.withLock({ $0.removeValue(forKey: key) }) { finish(setData, patches: 0, attributes: attributes) }
        case .show, .ready, .hide, .canvas:
            return
        }
    }

    private func finish(_ setData: PendingSetData, patches: Int, attributes: SpanAttributes) {
        var attributes = attributes
        attributes[TraceAttribute.setDataPaths] = setData.paths
        attributes[TraceAttribute.setDataBytes] = setData.bytes
        attributes[TraceAttribute.renderPatches] = patches
        tracing.record(TraceSpan.setData, since: setData.start, attributes: attributes)
    }
}

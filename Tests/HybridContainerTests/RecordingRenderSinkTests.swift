// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import HybridContainer
import Testing

@Suite("The default render sink")
struct RecordingRenderSinkTests {
    @Test("keeps the newest `limit` updates in order, drops the oldest first, filters by instance")
    func keepsTheNewest() {
        let sink = RecordingRenderSink(limit: 3)
        for index in 0..<7 {
            sink.render(
                RenderUpdate(
                    instanceID: UInt64(index % 2), appId: "a", pageId: index, route: "pages/a", kind: .diff,
                    data: ["n": .number(Double(index))]))
        }
        #expect(sink.updates().map(\.pageId) == [4, 5, 6])
        #expect(sink.updates(instanceID: 0).map(\.pageId) == [4, 6])
        #expect(sink.updates().last?.data == ["n": 6])
        sink.removeAll()
        #expect(sink.updates().isEmpty)
    }
}

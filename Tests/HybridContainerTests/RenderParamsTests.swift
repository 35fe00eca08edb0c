// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import HybridContainerTesting
import Testing

@testable import HybridContainer

/// The framework's render update crosses positionally (`[pageId, route, kind, json, data, query]`):
/// a valid update is read as it is; each slot broken alone is a typed error, never a trap or a
/// silently wrong update.
@Suite("Render updates from the framework: the positional form, one slot broken at a time")
struct RenderParamsTests {
    private static let handle = PluginTester(MiniProgramPlugin(options: MiniProgramOptions())).handle

    private static func read(_ slots: [JSONValue]) throws -> MiniProgramPlugin.RenderParams {
        try MiniProgramPlugin.RenderParams.read(PluginCall(api: "__hc.render", params: .array(slots), app: handle))
    }

    private static let valid: [JSONValue] = [3, "pages/a/a", "load", #"{"n":1}"#, .undefined, ["id": "7"]]

    @Test("a valid update is read slot by slot; undefined and null slots are empty")
    func valid() throws {
        let params = try Self.read(Self.valid)
        #expect(params.pageId == 3 && params.route == "pages/a/a" && params.kind == .load)
        #expect(params.json == #"{"n":1}"# && params.data == nil && params.query == ["id": "7"])
        let bare = try Self.read([3, "pages/a/a", "show", .undefined, .null, .undefined])
        #expect(bare.kind == .show && bare.json == nil && bare.data == nil && bare.query == nil)
        let withData = try Self.read([3, "pages/a/a", "canvas", .undefined, ["path": [0]], .null])
        #expect(withData.data == ["path": [0]])
    }

    @Test("each slot broken alone fails with a typed error")
    func brokenSlot() {
        let broken: [(index: Int, value: JSONValue)] = [
            (0, .number(.nan)), (0, .number(.infinity)), (0, .number(1e300)), (0, .number(1.5)), (0, "3"),
            (1, .number(1)), (1, .null), (2, "flush"), (2, .number(0)), (3, .number(1)), (3, ["text": "x"]),
            (4, "data"), (4, .number(1)), (5, "id=7"), (5, ["id": .number(7)]), (5, .array([])),
        ]
        for (index, value) in broken {
            var slots = Self.valid
            slots[index] = value
            #expect(throws: (any Error).self, "slot \(index) = \(value)") { try Self.read(slots) }
        }
    }

    @Test("a list of the wrong length, or no list, fails with a typed error")
    func wrongShape() {
        #expect(throws: (any Error).self) { try Self.read(Array(Self.valid.prefix(5))) }
        #expect(throws: (any Error).self) { try Self.read(Self.valid + [.null]) }
        #expect(throws: (any Error).self) {
            try MiniProgramPlugin.RenderParams.read(PluginCall(api: "__hc.render", params: "load", app: Self.handle))
        }
    }
}

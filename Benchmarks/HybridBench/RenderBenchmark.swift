// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging

/// Row 10: the headless render layer. A page with a 1,000-item `wx:for` list: a full render
/// (setData of the whole list) and one setData of a single item, each against
/// `JSON.stringify` of the same 1,000 items in the same context and run. Both include the tree
/// patches crossing to the host's render sink (a sink that drops them).
enum RenderBenchmark {
    struct DiscardingSink: RenderSink {
        func render(_ update: RenderUpdate) {}
    }

    static let page = """
        const make = (seed) => Array.from({ length: 1000 }, (unused, i) => ({ id: i, name: 'item ' + i, value: seed + i, done: i % 3 === 0 }));
        const time = (runs, body) => { const start = Date.now(); for (let i = 0; i < runs; i++) body(i); return (Date.now() - start) * 1e6 / runs; };
        Page({
          data: { items: make(0) },
          bench(event) {
            const runs = event.detail.runs;
            const only = event.detail.only;
            const full = only === 'one' ? 0 : time(runs, (i) => this.setData({ items: make(i + 1) }));
            const one = only === 'full' ? 0 : time(runs * 10, (i) => this.setData({ ['items[500].value']: i }));
            let sink = 0;
            const stringify = time(runs * 10, () => { sink += JSON.stringify(this.data.items).length; });
            return { full, one, stringify, sink };
          },
        });
        """
    static let template = """
        <view id="list">
          <view wx:for="{{items}}" wx:key="id" class="item {{item.done ? 'done' : ''}}" data-id="{{item.id}}" bindtap="bench">
            <text class="name">{{item.name}}</text>: {{item.value}}
          </view>
        </view>
        """

    static func run(runs: Int) async throws -> [Row] {
        let result = try await withListPage(detail: ["runs": .number(Double(runs))])
        let full = result["full"]?.numberValue ?? .nan
        let one = result["one"]?.numberValue ?? .nan
        let stringify = result["stringify"]?.numberValue ?? .nan
        return [
            Row(
                name: "render 1,000-item wx:for (setData list)", ours: full, baselineName: "JSON.stringify same items", baseline: stringify),
            Row(name: "setData one item of 1,000 + re-render", ours: one, baselineName: "JSON.stringify same items", baseline: stringify),
        ]
    }

    /// Only one of the two loops (`full` or `one`), long enough to profile
    /// (`JSC_useSamplingProfiler=1 … hybrid-bench render-profile one`).
    static func profile(only: String, runs: Int) async throws {
        let result = try await withListPage(detail: ["runs": .number(Double(runs)), "only": .string(only)])
        print(String(format: "render %@: %.1f µs", only, (result[only]?.numberValue ?? .nan) / 1e3))
    }

    /// The list page launched in a fresh container, warmed up, then its `bench` event's result.
    static func withListPage(detail: JSONValue) async throws -> JSONValue {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = root.appendingPathComponent("app")
        for (path, text) in [
            "app.json": #"{"pages": ["pages/list/list"]}"#, "app.js": "App({});", "pages/list/list.js": page,
            "pages/list/list.wxml": template,
        ] {
            let url = app.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var configuration = ContainerConfiguration(storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([]))
        configuration.developerMode = true
        configuration.hookTimeout = .seconds(600)
        configuration.executionTimeLimit = .seconds(600)
        configuration.miniProgram.renderSink = DiscardingSink()
        configuration.logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let container = try await MicroAppContainer(configuration: configuration)
        let launched = try await container.launch(.directory(app))
        let session = try await container.miniProgram(launched.instanceID)
        _ = try await session.firePageEvent("bench", event: ["detail": ["runs": 2]])  // warm-up
        let result = try await session.firePageEvent("bench", event: ["detail": detail])
        await container.shutdown()
        return result
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging

/// Row 11: mini-program hot paths in one process, each against a baseline of the same shape:
/// `wx.getStorageSync` against a raw JavaScriptCore callback; a host-driven `navigateTo` +
/// `navigateBack` round trip (two page loads' hooks and renders) against a host → JS call of an
/// empty function; a smoke run per page against a cold launch + destroy of a small script app.
enum MiniProgramBenchmark {
    static let files = [
        "app.json": #"{"pages": ["pages/a/a", "pages/b/b"]}"#,
        "app.js": "App({});",
        "pages/a/a.js": """
        Page({ data: { n: 0 },
          storageLoop(event) {
            wx.setStorageSync('k', { v: 1 });
            const runs = event.detail.runs;
            const start = Date.now();
            for (let i = 0; i < runs; i++) wx.getStorageSync('k');
            return (Date.now() - start) * 1e6 / runs;
          } });
        """,
        "pages/a/a.wxml": #"<view id="a"><text>{{n}}</text><button bindtap="storageLoop">go</button></view>"#,
        "pages/b/b.js": "Page({ data: { items: [1, 2, 3] } });",
        "pages/b/b.wxml": #"<view wx:for="{{items}}" class="row">{{item}}</view>"#,
    ]

    /// The two-page app launched in a fresh container (for the profiling sections), then shut down.
    static func withLaunchedApp(_ body: (MiniProgramSession) async throws -> Void) async throws {
        try await withLaunchedApp { session, _ in try await body(session) }
    }

    /// The same, with the instance's script context too.
    static func withLaunchedApp(_ body: (MiniProgramSession, ScriptContext) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-mini-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = root.appendingPathComponent("app")
        try BenchApps.write(files, to: app)
        let container = try await BenchApps.container(root: root)
        let launched = try await container.launch(.directory(app))
        try await body(try await container.miniProgram(launched.instanceID), try await container.context(of: launched.instanceID))
        await container.shutdown()
    }

    /// Only the `getStorageSync` loop, long enough to profile (`perf record … hybrid-bench storage-profile`).
    static func profileStorage(runs: Int) async throws {
        try await withLaunchedApp { session in
            let nanos = try await session.firePageEvent("storageLoop", event: ["detail": ["runs": .number(Double(runs))]])
            print(String(format: "wx.getStorageSync: %.1f ns", nanos.numberValue ?? .nan))
        }
    }

    /// Only host navigations (`navigateTo` + `navigateBack`), for `perf record … hybrid-bench navigation-profile`.
    static func profileNavigation(roundTrips: Int) async throws {
        try await withLaunchedApp { session in
            let nanos = try await MoreBenchmarks.nanos {
                for _ in 0..<roundTrips {
                    try await session.navigate(.navigateTo("/pages/b/b"))
                    try await session.navigate(.navigateBack(delta: 1))
                }
            }
            print(String(format: "navigateTo + navigateBack: %.1f µs", nanos / Double(roundTrips) / 1e3))
        }
    }

    /// A host navigation round trip taken apart (`hybrid-bench navigation-parts`): two plain host
    /// → JS calls of an empty function (the row's baseline), two guarded session calls that do
    /// little (`pages()`), the same navigations made inside one JavaScript entry (no hop), and
    /// made by plain host → JS calls of the framework's function (no session, no supervisor).
    static func navigationParts(roundTrips: Int) async throws {
        try await withLaunchedApp { session, context in
            try await context.evaluate("globalThis.__noop = function () {}")
            let plain = try await MoreBenchmarks.nanos { for _ in 0..<roundTrips { _ = try await context.call("__noop") } }
            let hops = try await MoreBenchmarks.nanos { for _ in 0..<roundTrips { _ = try await session.pages() } }
            let inside = try await context.evaluate(
                """
                (() => { const start = Date.now();
                  for (let i = 0; i < \(roundTrips); i++) {
                    __hcMini.navigate('navigateTo', '/pages/b/b'); __hcMini.navigate('navigateBack', null, 1); }
                  return (Date.now() - start) * 1e3 / \(roundTrips); })()
                """)
            let direct = try await MoreBenchmarks.nanos {
                for _ in 0..<roundTrips {
                    _ = try await context.call("__hcMini.navigate", ["navigateTo", "/pages/b/b"])
                    _ = try await context.call("__hcMini.navigate", ["navigateBack", .null, 1])
                }
            }
            let whole = try await MoreBenchmarks.nanos {
                for _ in 0..<roundTrips {
                    try await session.navigate(.navigateTo("/pages/b/b"))
                    try await session.navigate(.navigateBack(delta: 1))
                }
            }
            print(String(format: "two host → JS empty calls: %.1f µs", 2 * plain / Double(roundTrips) / 1e3))
            print(String(format: "two guarded pages() calls: %.1f µs", 2 * hops / Double(roundTrips) / 1e3))
            print(String(format: "round trip inside one JS entry: %.1f µs", inside.numberValue ?? .nan))
            print(String(format: "round trip as two plain host → JS calls: %.1f µs", direct / Double(roundTrips) / 1e3))
            print(String(format: "round trip from the host: %.1f µs", whole / Double(roundTrips) / 1e3))
        }
    }

    static func run(scale: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-mini-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = root.appendingPathComponent("app")
        try BenchApps.write(files, to: app)
        let script = root.appendingPathComponent("script")
        try FileManager.default.createDirectory(at: script, withIntermediateDirectories: true)
        try Data("App({ onLaunch() {} });".utf8).write(to: script.appendingPathComponent("index.js"))
        try Data(#"{"appId": "script", "name": "script", "version": "1.0.0", "entry": "index.js"}"#.utf8)
            .write(to: script.appendingPathComponent("manifest.json"))

        let container = try await BenchApps.container(root: root)

        let launched = try await container.launch(.directory(app))
        let session = try await container.miniProgram(launched.instanceID)
        let context = try await container.context(of: launched.instanceID)
        let storageRuns = 2_000 * scale
        _ = try await session.firePageEvent("storageLoop", event: ["detail": ["runs": 100]])
        let storage = try await session.firePageEvent("storageLoop", event: ["detail": ["runs": .number(Double(storageRuns))]])
        let raw = RawBaseline.rawCallbackNanos(iterations: storageRuns)

        let navigations = 200 * scale
        try await context.evaluate("globalThis.__noop = function () {}")
        let navigation = try await MoreBenchmarks.nanos {
            for _ in 0..<navigations {
                try await session.navigate(.navigateTo("/pages/b/b"))
                try await session.navigate(.navigateBack(delta: 1))
            }
        }
        let call = try await MoreBenchmarks.nanos {
            for _ in 0..<navigations { _ = try await context.call("__noop") }
        }
        try await container.destroy(launched.instanceID)

        let smokeRuns = 10 * scale
        let smoke = try await MoreBenchmarks.nanos {
            for _ in 0..<smokeRuns { _ = try await container.smokeTest(.directory(app), pageTimeout: .seconds(10)) }
        }
        let coldLaunch = try await MoreBenchmarks.nanos {
            for _ in 0..<smokeRuns {
                let id = try await container.launch(.directory(script)).instanceID
                try await container.destroy(id)
            }
        }
        await container.shutdown()
        return [
            Row(
                name: "wx.getStorageSync (mini-program)", ours: storage.numberValue ?? .nan, baselineName: "raw JSC callback", baseline: raw
            ),
            Row(
                name: "navigateTo + navigateBack from the host", ours: navigation / Double(navigations),
                baselineName: "host → JS empty call", baseline: call / Double(navigations)),
            Row(
                name: "smoke run per page (2-page app)", ours: smoke / Double(smokeRuns * 2),
                baselineName: "launch + destroy script app", baseline: coldLaunch / Double(smokeRuns)),
        ]
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import PageRenderer

/// `hybrid-bench pictures` (issue 29), in one run with one engine:
/// - a picture of a settled page (tree, styles, document, load, screenshot) against the engine's
///   own load + screenshot of the same document written once (target ≤ 1.5×);
/// - a setData that changes a colour, then the new picture, against a picture without a change;
/// - the same under ``LivePages`` (the document patched in place, not loaded again) and a
///   `SelectorQuery` answered from the live layout, against the host → JS round trip;
/// - pictures per second over a 50-page app (`--all-pages --pictures`' loop);
/// - the engine's start (first picture minus a later one), and the RSS of its processes.
enum PicturesBenchmark {
    static func pageFiles(pages: Int) -> [String: String] {
        var files = [
            "app.json": #"{"pages": [\#((0..<pages).map { "\"pages/p\($0)/p\($0)\"" }.joined(separator: ", "))]}"#,
            "app.js": "App({});",
            "app.wxss": ".title { font-size: 36rpx; padding: 20rpx; } .row { display: flex; } .cell { flex: 1; height: 80rpx; }",
        ]
        for index in 0..<pages {
            let page = "pages/p\(index)/p\(index)"
            files[page + ".js"] =
                """
                Page({ data: { color: '#336699', items: [1, 2, 3, 4, 5, 6] },
                  paint() { this.setData({ color: this.data.color === '#336699' ? '#993366' : '#336699' }); },
                  measure() { wx.createSelectorQuery().selectAll('.cell').boundingClientRect().exec((boxes) => { this.boxes = boxes; }); },
                  noop() {} });
                """
            files[page + ".wxml"] = """
                <view class="title">页面 \(index) — Page \(index)</view>
                <view class="row" wx:for="{{items}}"><view class="cell" style="background: {{color}}"></view><text>{{item}}</text></view>
                """
            files[page + ".wxss"] = ".cell { margin: 4rpx; }"
        }
        return files
    }

    static func run(scale: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-pictures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = 50
        let app = root.appendingPathComponent("app")
        try BenchApps.write(pageFiles(pages: pages), to: app)
        let container = try await BenchApps.container(root: root)
        let engine = PageEngine()
        let launched = try await container.launch(.directory(app))
        let session = try await container.miniProgram(launched.instanceID)

        let firstPicture = try await MoreBenchmarks.nanos { _ = try await session.screenshot(engine: engine) }
        let runs = scale == 1 ? 5 : 20
        var ours: [Double] = []
        var raw: [Double] = []
        var changed: [Double] = []
        let document = root.appendingPathComponent("static.html")
        try Data(try await session.pageDocument().html.utf8).write(to: document)
        let device = session.device
        for _ in 0..<runs {
            ours.append(try await MoreBenchmarks.nanos { _ = try await session.screenshot(engine: engine) })
            raw.append(
                try await MoreBenchmarks.nanos {
                    _ = try await engine.picture(
                        of: document, width: device.screenWidth, height: device.screenHeight, scale: device.pixelRatio)
                })
            changed.append(
                try await MoreBenchmarks.nanos {
                    _ = try await session.firePageEvent("paint")
                    _ = try await session.screenshot(engine: engine)
                })
        }
        let allPages = try await MoreBenchmarks.nanos {
            for index in 0..<pages {
                try await session.navigate(.reLaunch("/pages/p\(index)/p\(index)"))
                _ = try await session.screenshot(engine: engine)
            }
        }
        let picture = MoreBenchmarks.median(ours)
        let rss = await engine.processID.map(processTreeRSS) ?? 0
        print(String(format: "pictures: %.1f per second over %d pages (reLaunch + picture)", Double(pages) / (allPages / 1e9), pages))
        print(
            String(
                format: "engine start ≈ %.0f ms (first picture %.0f ms − a later one %.0f ms)", (firstPicture - picture) / 1e6,
                firstPicture / 1e6, picture / 1e6))
        print(String(format: "engine memory (PSS of all its processes): %.0f MiB", Double(rss) / 1_048_576))
        await engine.shutdown()
        try await container.destroy(launched.instanceID)
        await container.shutdown()
        let live = try await liveRows(root: root, app: app, runs: runs, staticPicture: picture)
        return [
            Row(
                name: "picture of a settled page", ours: picture, baselineName: "engine load+shot, same doc",
                baseline: MoreBenchmarks.median(raw)),
            Row(
                name: "setData colour → new picture", ours: MoreBenchmarks.median(changed), baselineName: "picture without a change",
                baseline: picture),
            Row(
                name: "reLaunch + picture, 50-page app, per page", ours: allPages / Double(pages),
                baselineName: "picture of a settled page", baseline: picture),
        ] + live
    }

    /// The live rows: pictures and layout answers while ``LivePages`` follows the page.
    static func liveRows(root: URL, app: URL, runs: Int, staticPicture: Double) async throws -> [Row] {
        let live = LivePages()
        let container = try await BenchApps.container(root: root.appendingPathComponent("live")) {
            $0.miniProgram.layoutEngine = live
        }
        let launched = try await container.launch(.directory(app))
        let session = try await container.miniProgram(launched.instanceID)
        _ = try await session.screenshot(live: live)
        var changed: [Double] = []
        var queries: [Double] = []
        var roundTrips: [Double] = []
        for _ in 0..<runs {
            changed.append(
                try await MoreBenchmarks.nanos {
                    _ = try await session.firePageEvent("paint")
                    _ = try await session.screenshot(live: live)
                })
            queries.append(
                try await MoreBenchmarks.nanos {
                    _ = try await session.firePageEvent("measure")
                    _ = try await container.waitUntilSettled(launched.instanceID, timeout: .seconds(30))
                })
            roundTrips.append(
                try await MoreBenchmarks.nanos {
                    _ = try await session.firePageEvent("noop")
                    _ = try await container.waitUntilSettled(launched.instanceID, timeout: .seconds(30))
                })
        }
        let loads = await live.documentLoads
        print("live pages: \(loads) document load(s) for \(runs) setData → picture rounds")
        try await container.destroy(launched.instanceID)
        await container.shutdown()
        await live.shutdown()
        return [
            Row(
                name: "live: setData colour → new picture", ours: MoreBenchmarks.median(changed),
                baselineName: "picture of a settled page (reload)", baseline: staticPicture),
            Row(
                name: "live: SelectorQuery boundingClientRect", ours: MoreBenchmarks.median(queries),
                baselineName: "page event, no query", baseline: MoreBenchmarks.median(roundTrips)),
        ]
    }

    /// Proportional resident memory of `pid` and its descendants (Chromium's renderer, GPU and utility processes).
    static func processTreeRSS(_ pid: Int32) -> Int {
        var parents: [Int32: Int32] = [:]
        var rss: [Int32: Int] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let id = Int32(entry), let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8) else {
                continue
            }
            // PSS (shared pages split between the processes that map them) where the kernel has it.
            if let rollup = try? String(contentsOfFile: "/proc/\(entry)/smaps_rollup", encoding: .utf8),
                let line = rollup.split(separator: "\n").first(where: { $0.hasPrefix("Pss:") }),
                let kilobytes = Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
            {
                rss[id] = kilobytes * 1024
            }
            for line in status.split(separator: "\n") {
                if line.hasPrefix("PPid:"), let parent = Int32(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) {
                    parents[id] = parent
                }
                if line.hasPrefix("VmRSS:"), rss[id] == nil,
                    let kilobytes = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
                {
                    rss[id] = kilobytes * 1024
                }
            }
        }
        func descends(_ id: Int32) -> Bool {
            var current = id
            for _ in 0..<64 {
                if current == pid { return true }
                guard let parent = parents[current], parent > 1 else { return false }
                current = parent
            }
            return false
        }
        return rss.filter { descends($0.key) }.values.reduce(0, +)
    }
}

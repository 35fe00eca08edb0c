// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Mini-program smoke runs")
struct MiniProgramSmokeTests {
    @Test("every page, subpackages included, is visited; errors are reported with file:line")
    func smoke() async throws {
        let harness = try await MiniProgramHarness.make { $0.executionTimeLimit = ContainerFixture.runawayLimit }
        let clean = try harness.write([
            "app.json": #"{"pages": ["pages/a", "pages/b"], "subPackages": [{"root": "sub/", "pages": ["pages/c"]}]}"#,
            "pages/a.js": "Page({ onLoad() { wx.setStorageSync('a', 1); } });",
            "pages/b.js": "Page({ onShow() { wx.getStorageSync('a'); } });",
            "sub/pages/c.js": "Page({ onReady() { setTimeout(() => this.setData({ done: true }), 0); } });",
        ])
        let report = try await harness.container.smokeTest(.directory(clean))
        #expect(report.passed)
        #expect(report.visited == ["pages/a", "pages/a", "pages/b", "sub/pages/c"])
        #expect(report.apiCalls == ["wx.setStorageSync": 2, "wx.getStorageSync": 1])
        #expect(report.description.contains("Smoke run passed."))

        let broken = try harness.write([
            "app.json": #"{"pages": ["pages/a"], "subpackages": [{"root": "sub", "pages": ["pages/bad"]}]}"#,
            "pages/a.js": "Page({});",
            "sub/pages/bad.js": "Page({\n  onUnload() {\n    undefinedFunction();\n  },\n});",
        ])
        let failed = try await harness.container.smokeTest(.directory(broken))
        #expect(!failed.passed)
        #expect(failed.failures.map(\.location) == ["sub/pages/bad.js:3"], "\(failed.failures)")
        #expect(failed.failures.first?.origin == "sub/pages/bad onUnload")
        #expect(failed.description.contains("sub/pages/bad.js:3: sub/pages/bad onUnload: ReferenceError"))

        // A runaway page is stopped by the watchdog; the run goes on to the next page.
        let runaway = try harness.write([
            "app.json": #"{"pages": ["pages/loop", "pages/after"]}"#,
            "pages/loop.js":
                "Page({ onShow() { if (getCurrentPages().length && globalThis.armed) { for (;;) {} } globalThis.armed = true; } });",
            "pages/after.js": "Page({ onLoad() { wx.setStorageSync('after', true); } });",
        ])
        let stopped = try await harness.container.smokeTest(.directory(runaway))
        #expect(!stopped.passed)
        #expect(stopped.navigationErrors.count == 1)
        #expect(stopped.visited.last == "pages/after")
        #expect(stopped.apiCalls["wx.setStorageSync"] == 1)

        let script = try harness.fixture.pack("plain", script: "App({});")
        await #expect(throws: MiniProgramError.self) { try await harness.container.smokeTest(.packageFile(script)) }
        await harness.container.shutdown()
    }
}

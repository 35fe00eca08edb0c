// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Apps that never go idle")
struct NeverIdleTests {
    @Test("container-demo run --duration 2 stops a never-idle app with onStop and exits 0")
    func runDuration() async throws {
        let fixture = try ContainerFixture()
        let folder = fixture.root.appendingPathComponent("ticker")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"appId":"ticker","name":"ticker","version":"1.0.0","entry":"index.js"}"#.utf8)
            .write(to: folder.appendingPathComponent("manifest.json"))
        try Data(
            """
            App({
              onLaunch() { setInterval(() => {}, 1000); console.log('launched'); },
              onStop() { console.log('onStop delivered'); },
            });
            """.utf8
        ).write(to: folder.appendingPathComponent("index.js"))
        let result = try await ChildProcess.run(
            "container-demo", ["run", folder.path, "--duration", "2", "--store", fixture.root.appendingPathComponent("store").path],
            safetyLimit: .seconds(120))
        #expect(!result.crashed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("launched"))
        #expect(result.stdout.contains("onStop delivered"))
    }

    @Test("a smoke run over a mini-program whose first page animates with setInterval visits every page and ends")
    func smokeRunWithInterval() async throws {
        let harness = try await MiniProgramHarness.make()
        let folder = try harness.write(
            [
                "pages/canvas.js": """
                Page({
                  onReady() { this.timer = setInterval(() => this.setData({ frame: Date.now() % 1e20 }), 16); },
                  onUnload() { clearInterval(this.timer); },
                });
                """,
                "pages/forever.js": "Page({ onLoad() { setInterval(() => {}, 50); } });",
                "pages/plain.js": "Page({ onLoad() { this.setData({ big: 1e20, huge: 1e300, neg: -0 }); } });",
            ], pages: ["pages/canvas", "pages/forever", "pages/plain"])
        let report = try await harness.container.smokeTest(.directory(folder), pageTimeout: .milliseconds(300))
        #expect(Set(report.visited) == ["pages/canvas", "pages/forever", "pages/plain"])
        #expect(report.failures.isEmpty, "\(report.failures)")
        // Pages whose intervals run while they are shown are listed as busy, not as errors.
        #expect(report.busyPages.contains("pages/canvas"))
        #expect(report.busyPages.contains("pages/forever"))
        #expect(report.passed)
        await harness.container.shutdown()
    }
}

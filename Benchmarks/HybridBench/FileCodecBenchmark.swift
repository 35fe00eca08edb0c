// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging

/// `hybrid-bench codecs`: `readFileSync` of a 16 MiB file in `wxfile://tmp` as `hex`, `base64`,
/// `utf8` and `latin1`, each through the whole path an app takes (its call, the sandbox, the
/// read, the codec, the JavaScript string), against the same read as an `ArrayBuffer` (no codec)
/// in the same run. Target (issue 28): every codec ≥ 200 MB/s of file bytes.
enum FileCodecBenchmark {
    static let megabytes = 16

    static let files = [
        "app.json": #"{"pages": ["pages/a/a"]}"#,
        "app.js": "App({});",
        "pages/a/a.js": """
        Page({
          prepare() {
            const fs = wx.getFileSystemManager();
            const bytes = new Uint8Array(\(megabytes) << 20);
            // Printable ASCII, so utf8 and latin1 decode the same bytes as one character each.
            for (let i = 0; i < bytes.length; i++) bytes[i] = 0x20 + (i * 7919) % 95;
            fs.writeFileSync('wxfile://tmp/codec.bin', bytes.buffer);
          },
          read(event) {
            const fs = wx.getFileSystemManager();
            const encoding = event.detail.encoding || undefined;
            const runs = event.detail.runs;
            let length = 0;
            const start = Date.now();
            for (let i = 0; i < runs; i++) {
              const value = fs.readFileSync('wxfile://tmp/codec.bin', encoding);
              length += typeof value === 'string' ? value.length : value.byteLength;
            }
            if (length === 0) throw new Error('nothing read');
            return (Date.now() - start) * 1e6 / runs;
          } });
        """,
        "pages/a/a.wxml": "<view>codecs</view>",
    ]

    static func run(scale: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-codecs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = root.appendingPathComponent("app")
        try BenchApps.write(files, to: app)
        let container = try await BenchApps.container(root: root)
        let launched = try await container.launch(.directory(app))
        let session = try await container.miniProgram(launched.instanceID)
        _ = try await session.firePageEvent("prepare")
        let runs = scale == 1 ? 2 : 5
        func nanosPerMegabyte(_ encoding: String) async throws -> Double {
            _ = try await session.firePageEvent("read", event: ["detail": ["encoding": .string(encoding), "runs": 1]])
            let perRead = try await session.firePageEvent(
                "read", event: ["detail": ["encoding": .string(encoding), "runs": .number(Double(runs))]])
            return (perRead.numberValue ?? .nan) / Double(megabytes)
        }
        let binary = try await nanosPerMegabyte("")
        var rows: [Row] = []
        for encoding in ["hex", "base64", "utf8", "latin1"] {
            let ours = try await nanosPerMegabyte(encoding)
            print(String(format: "readFileSync %@: %.0f MB/s of file bytes (binary read: %.0f MB/s)", encoding, 1e9 / ours, 1e9 / binary))
            rows.append(
                Row(
                    name: "readFileSync 16 MiB as \(encoding), per MiB", ours: ours, baselineName: "same read as ArrayBuffer",
                    baseline: binary))
        }
        try await container.destroy(launched.instanceID)
        await container.shutdown()
        return rows
    }
}

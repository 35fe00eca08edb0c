// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging

/// Many apps in one process: launch throughput and resident memory per running app, with
/// the apps spread over 1, 2 or 4 JavaScript threads (measured to choose the default).
enum AppsBenchmark {
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (Int(fields.count > 1 ? fields[1] : "0") ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// `threadCounts`: one per fresh process for memory figures (`--threads N`), freed heap of an
    /// earlier row would otherwise be reused by the next.
    static func run(apps: Int, threadCounts: [Int] = [1, 2, 4]) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-bench-apps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = PackageSigningKey.generate()
        let source = root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(
            """
            App({ onLaunch() { this.items = Array.from({ length: 100 }, (_, i) => ({ i })); } });
            """.utf8
        ).write(to: source.appendingPathComponent("index.js"))
        let package = root.appendingPathComponent("small.zip")
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(appId: AppID(rawValue: "small")!, name: "small", version: PackageVersion("1.0")!, entry: "index.js"),
            signingKey: key, output: package)
        print("apps benchmark: \(apps) instances of a small app")
        for threads in threadCounts {
            var configuration = ContainerConfiguration(
                storeDirectory: root.appendingPathComponent("store-\(threads)"), trustedKeys: TrustedKeys([key.publicKey]))
            configuration.runtimeThreads = threads
            configuration.logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
            let container = try await MicroAppContainer(configuration: configuration)
            try container.store.install(packageAt: package)
            _ = try await container.launch(.installed("small"))  // warm-up
            let before = residentBytes()
            let start = DispatchTime.now().uptimeNanoseconds
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<apps { group.addTask { _ = try await container.launch(.installed("small")) } }
                try await group.waitForAll()
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let perApp = Double(residentBytes() - before) / Double(apps)
            print(
                String(
                    format: "  %d thread(s): %.0f launches/s, %.0f KiB resident per running app (%.0f apps per GiB)",
                    threads, Double(apps) / elapsed, perApp / 1024, Double(1 << 30) / max(perApp, 1)))
            await container.shutdown()
        }
    }
}

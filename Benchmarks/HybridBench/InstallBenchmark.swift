// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache

/// Install of a 10 MB / 1,000-file signed package (signature, every hash, staging, flush,
/// atomic activation) next to `unzip -q` of the same zip, medians of several runs.
enum InstallBenchmark {
    static func run(runs: Int) throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("src")
        var generator = SplitMix(seed: 42)
        for index in 0..<1000 {
            let file = source.appendingPathComponent("dir\(index % 20)/file\(index).js")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // ~10 KB of JavaScript-like text per file: compresses like real code (about 3-4:1).
            var text = ""
            while text.utf8.count < 10_000 {
                text += "export function f\(generator.next() % 100000)(a, b) { return a * \(generator.next() % 997) + b; }\n"
            }
            try Data(text.utf8).write(to: file)
        }
        let key = PackageSigningKey.generate()
        let package = root.appendingPathComponent("bench.zip")
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(
                appId: AppID(rawValue: "bench")!, name: "bench", version: PackageVersion("1.0.0")!,
                entry: "dir0/file0.js"),
            signingKey: key, output: package)
        let packageBytes = (try FileManager.default.attributesOfItem(atPath: package.path)[.size] as? Int) ?? 0

        var ours: [Double] = []
        var unzip: [Double] = []
        for run in 0..<runs {
            let store = try PackageStore(
                configuration: .init(
                    root: root.appendingPathComponent("store-\(run)"), trustedKeys: TrustedKeys([key.publicKey])))
            let start = DispatchTime.now().uptimeNanoseconds
            try store.install(packageAt: package)
            ours.append(Double(DispatchTime.now().uptimeNanoseconds - start))

            let target = root.appendingPathComponent("unzip-\(run)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            process.arguments = ["-q", package.path, "-d", target.path]
            let unzipStart = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            unzip.append(Double(DispatchTime.now().uptimeNanoseconds - unzipStart))
        }
        print("install benchmark: 1,000 files, 10 MB uncompressed, \(packageBytes / 1024) KiB zipped, \(runs) runs (median)")
        return [
            Row(
                name: "install 10 MB / 1,000-file signed package", ours: median(ours), baselineName: "unzip -q same zip",
                baseline: median(unzip))
        ]
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

/// A small deterministic generator so every run builds the same package.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache

/// A real pair of file versions: our zstd patch-from delta against `bsdiff`/`bspatch`
/// (Debian package `bsdiff`) on the same files, sizes and median times of 3 runs.
enum DeltaBenchmark {
    static func run(old: URL, new: URL) throws -> [Row] {
        let base = try Data(contentsOf: old)
        let target = try Data(contentsOf: new)
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start))
            }
            return times.sorted()[1]
        }
        var patch = Data()
        let makeTime = try median { patch = try ZstdPatch.make(from: base, to: target) }
        var rebuilt = Data()
        let applyTime = try median { rebuilt = try ZstdPatch.apply(patch, to: base, maximumSize: 1 << 30) }
        guard rebuilt == target else { throw ZstdPatch.Failure(reason: "round trip mismatch") }
        print("delta benchmark: \(old.lastPathComponent) \(base.count) B → \(target.count) B")
        print("  zstd patch-from (level 19, long distance): \(patch.count) B")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/bsdiff") else {
            print("  bsdiff not installed (apt-get install -y bsdiff): baseline rows skipped")
            return []
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-bench-delta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bsPatch = scratch.appendingPathComponent("patch.bsdiff")
        let output = scratch.appendingPathComponent("out")
        let diffTime = try median { try runTool("/usr/bin/bsdiff", [old.path, new.path, bsPatch.path]) }
        let patchTime = try median { try runTool("/usr/bin/bspatch", [old.path, output.path, bsPatch.path]) }
        let bsSize = try Data(contentsOf: bsPatch).count
        print("  bsdiff: \(bsSize) B; our patch is \(String(format: "%.2f", Double(patch.count) / Double(bsSize)))× its size")
        return [
            Row(name: "delta make (zstd patch-from)", ours: makeTime, baselineName: "bsdiff", baseline: diffTime),
            Row(name: "delta apply (zstd patch-from)", ours: applyTime, baselineName: "bspatch", baseline: patchTime),
            Row(name: "delta size, bytes", ours: Double(patch.count), baselineName: "bsdiff patch bytes", baseline: Double(bsSize)),
        ]
    }

    static func runTool(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ZstdPatch.Failure(reason: "\(path) exited \(process.terminationStatus)") }
    }
}

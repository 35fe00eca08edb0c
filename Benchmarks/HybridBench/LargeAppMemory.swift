// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import JSBridge

/// Row (b): resident memory per idle instance of the large app (first page rendered), for 1, 10
/// and 100 instances, each count in a fresh process (`hybrid-bench memory-child MODE N`), against
/// the same number of plain contexts holding the first page's JavaScript (what JavaScriptCore
/// itself costs for that code).
enum LargeAppMemory {
    static func run(counts: [Int]) throws -> [Row] {
        var rows: [Row] = []
        for count in counts {
            let ours = try child(mode: "container", count: count)
            let raw = try child(mode: "contexts", count: count)
            rows.append(
                Row(
                    name: "RSS per idle large-app instance (\(count)) B", ours: ours, baselineName: "plain context, same JS (B)",
                    baseline: raw))
        }
        return rows
    }

    /// Bytes per instance a child process measured.
    static func child(mode: String, count: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["memory-child", mode, String(count)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("per-instance ") }),
            let bytes = Double(line.dropFirst("per-instance ".count))
        else { fatalError("memory child \(mode) \(count) failed: \(text)") }
        print(text.split(separator: "\n").filter { $0.hasPrefix("memory ") }.joined(separator: "\n"))
        return bytes
    }

    /// In the child: `count` idle instances (or contexts); prints the resident bytes each added.
    static func childMain(mode: String, count: Int) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-memory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = LargeAppBenchmark.CountingSink()
        let (container, folder) = try await LargeAppBenchmark.installed(
            root: root, sink: sink, developerMode: mode == "framework")
        let runtime = JSRuntime()
        let scripts = try LargeApp.firstPageScripts(in: folder)
        let small = root.appendingPathComponent("small")
        try BenchApps.write(MiniProgramBenchmark.files, to: small)
        let source: LaunchSource = mode == "framework" ? .directory(small) : .installed(LargeApp.appId)
        // One of each first (code, caches and pools every later one shares), then the baseline.
        let warm = try await container.launch(source).instanceID
        try await container.destroy(warm)
        _ = try await LargeAppBenchmark.freshContextEvaluation(scripts, runtime: runtime)
        await container.collectGarbage()
        await runtime.collectGarbage()
        let heapBefore = await heap(mode, container, runtime)
        let before = residentBytes()
        var contexts: [ScriptContext] = []
        var instances: [UInt64] = []
        for _ in 0..<count {
            if mode != "contexts" {
                let id = try await container.launch(source).instanceID
                _ = await (try container.context(of: id)).waitUntilIdle(timeout: .seconds(30))
                instances.append(id)
            } else {
                let context = try await runtime.makeContext(.init(name: "baseline", executionTimeLimit: nil))
                try await context.evaluate(LargeAppBenchmark.baselineLoader)
                for script in scripts {
                    try await context.evaluate(
                        "__define(\(JSONValue.quote(script.path)), function (module, exports, require) {\n" + script.text + "\n});")
                }
                try await context.evaluate("__run()")
                contexts.append(context)
            }
        }
        // Idle: collected as the engine would between events.
        await container.collectGarbage()
        await runtime.collectGarbage()
        let after = residentBytes()
        print("memory \(mode) ×\(count): \(before / 1_048_576) MiB → \(after / 1_048_576) MiB")
        census(of: await heap(mode, container, runtime).difference(from: heapBefore), mode: mode, count: count)
        print("per-instance \(Double(after - before) / Double(count))")
        for context in contexts { await context.release() }
        await container.shutdown()
        await runtime.shutdown()
    }

    /// The census of the heap the mode's instances live in.
    static func heap(_ mode: String, _ container: MicroAppContainer, _ runtime: JSRuntime) async -> HeapStatistics {
        mode != "contexts" ? await container.heapStatistics() : (await runtime.heapStatistics())!
    }

    /// Prints what each instance keeps in the heap: bytes, cells, and the classes with most cells.
    static func census(of change: HeapStatistics, mode: String, count: Int) {
        let perInstance = { (value: Int) in value / max(count, 1) }
        print(
            "memory \(mode) heap per instance: \(perInstance(change.heapSize)) B live in \(perInstance(change.objectCount)) cells"
                + ", \(perInstance(change.extraMemorySize)) B extra")
        let top = change.objectTypeCounts.sorted { $0.value > $1.value }.prefix(12)
        print("memory \(mode) cells per instance: " + top.map { "\($0.key) \(perInstance($0.value))" }.joined(separator: ", "))
    }

    /// The process's resident set (`/proc/self/statm`, pages × page size).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import JSBridge
import OfflineCache

/// hybrid-bench: bridge call costs next to raw JavaScriptCore, measured in one process.
/// The full suite (launch, install, deltas, scaling) is tracked by the benchmarks issue.

struct Row {
    let name: String
    let ours: Double
    let baselineName: String
    let baseline: Double
    var ratio: Double { ours / baseline }
}

func measure(_ context: ScriptContext, _ source: String, iterations: Int) async throws -> Double {
    _ = try await context.evaluateAwaiting(source)  // warm-up
    let start = DispatchTime.now().uptimeNanoseconds
    _ = try await context.evaluateAwaiting(source)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations)
}

let arguments = CommandLine.arguments
let scale = arguments.contains("--quick") ? 1 : 10
let sections = Set(arguments.dropFirst().filter { !$0.hasPrefix("--") && !$0.contains("/") && !$0.hasSuffix(".json") })
func wants(_ section: String) -> Bool { sections.isEmpty || sections.contains(section) }
let syncIterations = 200_000 * scale
let asyncIterations = 20_000 * scale

var rows: [Row] = []
if wants("bridge") {
    let table = try BridgeMethodTable([
        .sync("noop") { _ in .undefined },
        .async("noopAsync") { _ in .undefined },
        .async("noopAsyncOnThread", placement: .runtimeThread) { _ in .undefined },
    ])
    let runtime = JSRuntime()
    let context = try await runtime.makeContext(.init(name: "bench", bridge: table, executionTimeLimit: nil))

    // Alternating rounds, medians of each: one slow moment of a shared machine does not decide the ratio.
    var rawRounds: [Double] = []
    var syncRounds: [Double] = []
    for _ in 0..<5 {
        rawRounds.append(RawBaseline.rawCallbackNanos(iterations: syncIterations))
        syncRounds.append(
            try await measure(
                context, "for (let i = 0; i < \(syncIterations); i++) JSBridge.callSync('noop')", iterations: syncIterations))
    }
    let rawCallback = MoreBenchmarks.median(rawRounds)
    let syncCall = MoreBenchmarks.median(syncRounds)
    let awaitedResolve = try await measure(
        context, "(async () => { for (let i = 0; i < \(asyncIterations); i++) await Promise.resolve(); })()",
        iterations: asyncIterations)
    let asyncCall = try await measure(
        context, "(async () => { for (let i = 0; i < \(asyncIterations); i++) await JSBridge.call('noopAsync'); })()",
        iterations: asyncIterations)
    let asyncOnThread = try await measure(
        context, "(async () => { for (let i = 0; i < \(asyncIterations); i++) await JSBridge.call('noopAsyncOnThread'); })()",
        iterations: asyncIterations)
    let concurrentCalls = try await measure(
        context,
        """
        (async () => { const all = []; for (let i = 0; i < \(asyncIterations); i++) all.push(JSBridge.call('noopAsync'));
          await Promise.all(all); })()
        """, iterations: asyncIterations)

    rows += [
        Row(name: "sync JSBridge.callSync no-op", ours: syncCall, baselineName: "raw JSC callback", baseline: rawCallback),
        Row(name: "async await JSBridge.call no-op", ours: asyncCall, baselineName: "await Promise.resolve()", baseline: awaitedResolve),
        Row(name: "async await JSBridge.call no-op", ours: asyncCall, baselineName: "raw JSC callback", baseline: rawCallback),
        Row(
            name: "async await call, runtimeThread placement", ours: asyncOnThread, baselineName: "await Promise.resolve()",
            baseline: awaitedResolve),
        Row(name: "async JSBridge.call, 1 batch in flight", ours: concurrentCalls, baselineName: "raw JSC callback", baseline: rawCallback),
    ]
    print(
        String(
            format: "async round trips per second (awaited one by one): %.0f concurrent placement, %.0f runtimeThread placement",
            1e9 / asyncCall, 1e9 / asyncOnThread))
    await context.release()
    await runtime.shutdown()
}
if sections.contains("sync-profile") {
    // Only the sync loop, long enough to profile (`perf record … hybrid-bench sync-profile`).
    let table = try BridgeMethodTable([.sync("noop") { _ in .undefined }])
    let runtime = JSRuntime()
    let context = try await runtime.makeContext(.init(name: "bench", bridge: table, executionTimeLimit: nil))
    let nanos = try await measure(context, "for (let i = 0; i < 5000000; i++) JSBridge.callSync('noop')", iterations: 5_000_000)
    print(String(format: "sync JSBridge.callSync no-op: %.1f ns", nanos))
    await context.release()
    await runtime.shutdown()
}
if wants("large") {
    rows += try await LargeAppBenchmark.run(launches: scale == 1 ? 20 : 100)
}
if sections.contains("code-cache") {
    try await CodeCacheProbe.run()
}
if sections.contains("large-profile") {
    try await LargeAppBenchmark.profile(launches: 100)
}
if sections.contains("memory") {
    rows += try LargeAppMemory.run(counts: [1, 10, 100])
}
if sections.contains("memory-child"), let index = arguments.firstIndex(of: "memory-child"), index + 2 < arguments.count {
    try await LargeAppMemory.childMain(mode: arguments[index + 1], count: Int(arguments[index + 2]) ?? 1)
}
if sections.contains("navigation-profile") {
    try await MiniProgramBenchmark.profileNavigation(roundTrips: 5_000)
}
if sections.contains("navigation-parts") {
    try await MiniProgramBenchmark.navigationParts(roundTrips: 5_000)
}
if sections.contains("storage-profile") {
    try await MiniProgramBenchmark.profileStorage(runs: 2_000_000)
}
if sections.contains("async-profile") {
    // Only the awaited runtimeThread-placement loop, for `perf record`.
    let table = try BridgeMethodTable([.async("noopAsyncOnThread", placement: .runtimeThread) { _ in .undefined }])
    let runtime = JSRuntime()
    let context = try await runtime.makeContext(.init(name: "bench", bridge: table, executionTimeLimit: nil))
    let nanos = try await measure(
        context, "(async () => { for (let i = 0; i < 1000000; i++) await JSBridge.call('noopAsyncOnThread'); })()",
        iterations: 1_000_000)
    print(String(format: "awaited JSBridge.call no-op, runtimeThread placement: %.1f ns", nanos))
    await context.release()
    await runtime.shutdown()
}
if sections.contains("soak") {
    func option(_ name: String, _ fallback: Double) -> Double {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
        return Double(arguments[index + 1]) ?? fallback
    }
    try await Soak.run(
        minutes: option("--minutes", 5), apps: Int(option("--apps", 100)), relaunchPerPeriod: Int(option("--relaunch", 10)))
}
if sections.contains("chaos") {
    func option(_ name: String, _ fallback: Double) -> Double {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
        return Double(arguments[index + 1]) ?? fallback
    }
    try await Chaos.run(minutes: option("--minutes", 5), apps: Int(option("--apps", 50)))
}
if wants("binary") {
    rows.append(try await MoreBenchmarks.binary(iterations: scale == 1 ? 200 : 1000))
}
if wants("launch") {
    rows += try await MoreBenchmarks.coldLaunch(runs: scale == 1 ? 100 : 1000)
}
if wants("resolve") {
    rows += try await MoreBenchmarks.resolution(iterations: scale == 1 ? 5_000 : 50_000)
}
if wants("scaling") {
    try await MoreBenchmarks.scaling(callsPerApp: scale == 1 ? 2_000 : 10_000)
}
if wants("apps") {
    let threads = arguments.firstIndex(of: "--threads").flatMap { index in
        index + 1 < arguments.count ? Int(arguments[index + 1]).map { [$0] } : nil
    }
    try await AppsBenchmark.run(apps: scale == 1 ? 100 : 1000, threadCounts: threads ?? [1, 2, 4])
}
if sections.contains("delta") {
    // hybrid-bench delta OLD NEW: a real pair of versions of a file.
    let files = arguments.dropFirst().filter { !$0.hasPrefix("--") && $0 != "delta" }
    guard files.count == 2 else { fatalError("usage: hybrid-bench delta OLD NEW") }
    rows += try DeltaBenchmark.run(old: URL(fileURLWithPath: files[0]), new: URL(fileURLWithPath: files[1]))
}
if sections.contains("context-pool") {
    try await ContextPoolProbe.run(runs: 200)
}
if wants("miniprogram") {
    rows += try await MiniProgramBenchmark.run(scale: scale)
}
if wants("render") {
    rows += try await RenderBenchmark.run(runs: scale == 1 ? 10 : 50)
}
if sections.contains("render-profile") {
    try await RenderBenchmark.profile(only: arguments.contains("full") ? "full" : "one", runs: 200)
}
if sections.contains("pictures") {
    rows += try await PicturesBenchmark.run(scale: scale)
}
if wants("codecs") {
    rows += try await FileCodecBenchmark.run(scale: scale)
}
if sections.contains("tracing") {
    rows += try await TracingBenchmark.run(scale: scale)
}
if wants("install") {
    rows += try InstallBenchmark.run(runs: scale == 1 ? 3 : 5)
}

if let index = arguments.firstIndex(of: "--json"), index + 1 < arguments.count {
    let list = rows.map {
        ["row": $0.name, "ours_ns": $0.ours, "baseline": $0.baselineName, "baseline_ns": $0.baseline, "ratio": $0.ratio] as [String: Any]
    }
    let data = try JSONSerialization.data(withJSONObject: list, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: arguments[index + 1]))
}

func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
print(pad("row", 42) + pad("ours ns/op", 14) + pad("baseline", 26) + pad("base ns/op", 14) + "ratio")
for row in rows {
    print(
        pad(row.name, 42) + pad(String(format: "%.1f", row.ours), 14) + pad(row.baselineName, 26)
            + pad(String(format: "%.1f", row.baseline), 14) + String(format: "%.1f×", row.ratio))
}

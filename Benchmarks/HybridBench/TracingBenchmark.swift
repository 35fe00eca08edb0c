// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging
import Tracing

/// `hybrid-bench tracing`: what spans cost a JSAPI call through the container (AppBridge), sync
/// and async, in one process: a container without a tracer (the default: handlers unwrapped),
/// one with swift-distributed-tracing's `NoOpTracer` given explicitly (also unwrapped: it is
/// recognised), and one writing a trace-event file (`TraceEventTracer`: a span per call).
enum TracingBenchmark {
    struct CallsPlugin: Plugin {
        let name = "calls"
        var methods: [PluginMethod] {
            [
                .sync("noopSync", permission: nil) { _ in .null },
                .async("noopAsync", permission: nil, placement: .runtimeThread) { _ in .null },
            ]
        }
    }

    static func run(scale: Int) async throws -> [Row] {
        let syncCalls = 20_000 * scale
        let asyncCalls = 5_000 * scale
        var medians: [String: (sync: Double, async: Double)] = [:]
        let tracers: [(String, (any Tracer)?)] = [
            ("no tracer", nil), ("NoOpTracer", NoOpTracer()), ("TraceEventTracer", TraceEventTracer(maximumEvents: 10_000_000)),
        ]
        // Alternating rounds, medians: one slow moment of a shared machine does not decide a ratio.
        var rounds: [String: [(Double, Double)]] = [:]
        let contexts = try await tracers.asyncMap { name, tracer in (name, try await makeContext(tracer: tracer)) }
        for _ in 0..<5 {
            for (name, context) in contexts {
                let sync = try await measure(
                    context.1, "for (let i = 0; i < \(syncCalls); i++) JSBridge.callSync('noopSync')", iterations: syncCalls)
                let async = try await measure(
                    context.1, "(async () => { for (let i = 0; i < \(asyncCalls); i++) await JSBridge.call('noopAsync'); })()",
                    iterations: asyncCalls)
                rounds[name, default: []].append((sync, async))
            }
        }
        for (name, samples) in rounds {
            medians[name] = (MoreBenchmarks.median(samples.map(\.0)), MoreBenchmarks.median(samples.map(\.1)))
        }
        for (_, context) in contexts { await context.0.shutdown() }
        let none = medians["no tracer"]!
        return [
            Row(name: "container sync call, NoOpTracer", ours: medians["NoOpTracer"]!.sync, baselineName: "no tracer", baseline: none.sync),
            Row(
                name: "container async call, NoOpTracer", ours: medians["NoOpTracer"]!.async, baselineName: "no tracer",
                baseline: none.async),
            Row(
                name: "container sync call, trace-event spans", ours: medians["TraceEventTracer"]!.sync, baselineName: "no tracer",
                baseline: none.sync),
            Row(
                name: "container async call, trace-event spans", ours: medians["TraceEventTracer"]!.async,
                baselineName: "no tracer", baseline: none.async),
        ]
    }

    /// A container (with `tracer`) running one app whose context the calls are evaluated in.
    static func makeContext(tracer: (any Tracer)?) async throws -> (MicroAppContainer, ScriptContext) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-tracing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("app"), withIntermediateDirectories: true)
        try Data("App({})".utf8).write(to: root.appendingPathComponent("app/index.js"))
        let manifest = #"{"appId": "calls", "name": "calls", "version": "1.0.0", "entry": "index.js", "files": {}}"#
        try Data(manifest.utf8).write(to: root.appendingPathComponent("app/manifest.json"))
        var configuration = ContainerConfiguration(storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([]))
        configuration.developerMode = true
        configuration.logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        configuration.executionTimeLimit = .seconds(600)
        configuration.tracer = tracer
        try configuration.plugins.register(CallsPlugin())
        let container = try await MicroAppContainer(configuration: configuration)
        let app = try await container.launch(.directory(root.appendingPathComponent("app")))
        return (container, try await container.context(of: app.instanceID))
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import JSBridge
import Synchronization

/// Rows of the large app (``LargeApp``, installed as a signed package):
/// (a) cold launch to the first rendered page against the same JavaScript — app, first page,
/// its components and their `require`s — evaluated in a fresh context, p50 and p99;
/// (c) pages per second of the all-pages run against navigating the same pages from the host.
/// (b), memory per idle instance, runs in child processes (``LargeAppMemory``).
enum LargeAppBenchmark {
    /// Counts tree renders, so a launch is known to have drawn its first page.
    final class CountingSink: RenderSink {
        let trees = Atomic<Int>(0)
        func render(_ update: RenderUpdate) {
            if update.kind == .tree { trees.add(1, ordering: .relaxed) }
        }
    }

    /// A signed package of the large app installed in a fresh container (and the folder it came from).
    static func installed(
        root: URL, sink: CountingSink, tracer: TraceEventTracer? = nil, developerMode: Bool = false
    ) async throws -> (MicroAppContainer, URL) {
        let folder = root.appendingPathComponent("large")
        try LargeApp.write(to: folder)
        let key = PackageSigningKey.generate()
        let package = root.appendingPathComponent("large.zip")
        try PackageBuilder.build(from: folder, signingKey: key, output: package)
        let container = try await BenchApps.container(root: root) {
            $0.trustedKeys = TrustedKeys([key.publicKey])
            $0.developerMode = developerMode
            $0.miniProgram.renderSink = sink
            if let tracer { $0.tracer = tracer }
        }
        try container.store.install(packageAt: package)
        return (container, folder)
    }

    static func run(launches: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sink = CountingSink()
        let (container, folder) = try await installed(root: root, sink: sink)

        // (a) cold launches, each to its first rendered page, alternating with the baseline.
        let scripts = try LargeApp.firstPageScripts(in: folder)
        let runtime = JSRuntime()
        var ours: [Double] = []
        var baseline: [Double] = []
        for _ in 0..<launches {
            let before = sink.trees.load(ordering: .relaxed)
            var id: UInt64 = 0
            ours.append(try await MoreBenchmarks.nanos { id = try await container.launch(.installed(LargeApp.appId)).instanceID })
            guard sink.trees.load(ordering: .relaxed) > before else { fatalError("the launch returned before its first page rendered") }
            try await container.destroy(id)
            baseline.append(try await freshContextEvaluation(scripts, runtime: runtime))
        }
        await runtime.shutdown()

        // (c) every page: the all-pages run against host navigations of the same pages.
        let smoke = try await MoreBenchmarks.nanos {
            let report = try await container.smokeTest(.installed(LargeApp.appId), pageTimeout: .seconds(30))
            guard report.passed else { fatalError("the large app's all-pages run failed: \(report.failures) \(report.navigationErrors)") }
        }
        let launched = try await container.launch(.installed(LargeApp.appId))
        let session = try await container.miniProgram(launched.instanceID)
        let host = try await MoreBenchmarks.nanos {
            for route in LargeApp.routes { try await session.navigate(.reLaunch("/" + route)) }
        }
        try await container.destroy(launched.instanceID)
        await container.shutdown()

        let pages = Double(LargeApp.routes.count)
        print(
            String(
                format: "large app: %d launches; all-pages %.0f pages/s, host reLaunch %.0f pages/s", launches, pages / (smoke / 1e9),
                pages / (host / 1e9)))
        return [
            Row(
                name: "large app cold launch p50", ours: percentile(ours, 0.5), baselineName: "same JS in a fresh context p50",
                baseline: percentile(baseline, 0.5)),
            Row(
                name: "large app cold launch p99", ours: percentile(ours, 0.99), baselineName: "same JS in a fresh context p99",
                baseline: percentile(baseline, 0.99)),
            Row(
                name: "all-pages per page (200-page app)", ours: smoke / pages, baselineName: "host reLaunch per page",
                baseline: host / pages),
        ]
    }

    /// Only launches of the large app, for `perf record … hybrid-bench large-profile`.
    static func profile(launches: Int) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-large-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // With HYBRID_BENCH_TRACE=FILE, the launches' spans are written there (Chrome trace-event JSON).
        let traceFile = ProcessInfo.processInfo.environment["HYBRID_BENCH_TRACE"]
        let tracer = traceFile.map { _ in TraceEventTracer() }
        let (container, _) = try await installed(root: root, sink: CountingSink(), tracer: tracer)
        let nanos = try await MoreBenchmarks.nanos {
            for _ in 0..<launches {
                let id = try await container.launch(.installed(LargeApp.appId)).instanceID
                try await container.destroy(id)
            }
        }
        print(String(format: "large app launch + destroy: %.2f ms", nanos / Double(launches) / 1e6))
        await container.shutdown()
        if let traceFile, let tracer { try tracer.json().write(to: URL(fileURLWithPath: traceFile)) }
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }

    /// The floor of a launch: a fresh context, a small CommonJS loader, and the first page's
    /// JavaScript evaluated and run (App's onLaunch, the page's onLoad, every component's
    /// registration) — no framework, no templates, no rendering.
    static func freshContextEvaluation(_ scripts: [(path: String, text: String)], runtime: JSRuntime) async throws -> Double {
        let sources = scripts.map { script in
            (
                "__define(\(JSONValue.quote(script.path)), function (module, exports, require) {\n" + script.text + "\n});",
                "baseline://" + script.path
            )
        }
        var context: ScriptContext?
        let nanos = try await MoreBenchmarks.nanos {
            let made = try await runtime.makeContext(.init(name: "baseline", executionTimeLimit: nil))
            context = made
            try await made.evaluate(baselineLoader)
            for (source, url) in sources { try await made.evaluate(source, sourceURL: url) }
            try await made.evaluate("__run()")
        }
        await context?.release()
        return nanos
    }

    static let baselineLoader = """
        (function () {
          const factories = Object.create(null), cache = Object.create(null), order = [];
          globalThis.__define = (path, factory) => { factories[path] = factory; order.push(path); };
          const resolve = (from, request) => {
            if (!request.startsWith('.') && !request.startsWith('/')) return 'miniprogram_npm/' + request + (request.endsWith('.js') ? '' : '.js');
            const parts = from.split('/').slice(0, -1);
            for (const part of request.split('/')) { if (part === '..') parts.pop(); else if (part !== '.') parts.push(part); }
            const path = parts.join('/');
            return path.endsWith('.js') ? path : path + '.js';
          };
          const load = (path) => {
            if (cache[path]) return cache[path].exports;
            const module = cache[path] = { exports: {} };
            factories[path].call(module.exports, module, module.exports, (request) => load(resolve(path, request)));
            return module.exports;
          };
          const registered = [];
          globalThis.Behavior = (options) => options;
          globalThis.Component = (options) => { registered.push(options); };
          globalThis.App = (options) => { if (options.onLaunch) options.onLaunch.call(options); };
          globalThis.Page = (options) => {
            const page = Object.assign({ data: Object.assign({}, options.data), setData(changes) { Object.assign(this.data, changes); } }, options);
            if (options.onLoad) options.onLoad.call(page, {});
          };
          globalThis.__run = () => { for (const path of order) load(path); return registered.length; };
        })();
        """
}

/// Whether JavaScriptCore's code cache serves a script evaluated again in another context of
/// the same runtime (`hybrid-bench code-cache`): the 1 MB vendor bundle and the framework's
/// size of script, each evaluated in fresh contexts one after another.
enum CodeCacheProbe {
    static func run() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try LargeApp.write(to: root)
        let vendor = try String(contentsOf: root.appendingPathComponent("vendor/bundle.js"), encoding: .utf8)
        let runtime = JSRuntime()
        for (label, source, url) in [
            ("vendor, same URL", "(function (module) {" + vendor + "\n})({})", "probe://vendor.js"),
            ("vendor, same URL again", "(function (module) {" + vendor + "\n})({})", "probe://vendor.js"),
        ] {
            var times: [Double] = []
            for _ in 0..<5 {
                let context = try await runtime.makeContext(.init(name: "probe", executionTimeLimit: nil))
                times.append(try await MoreBenchmarks.nanos { try await context.evaluate(source, sourceURL: url) })
                await context.release()
            }
            print(label + ": " + times.map { String(format: "%.2f ms", $0 / 1e6) }.joined(separator: ", "))
        }
        var times: [Double] = []
        for index in 0..<5 {
            let context = try await runtime.makeContext(.init(name: "probe", executionTimeLimit: nil))
            times.append(
                try await MoreBenchmarks.nanos {
                    try await context.evaluate("(function (module) {" + vendor + "\n})({})", sourceURL: "probe://vendor-\(index).js")
                })
            await context.release()
        }
        print("vendor, new URL each time: " + times.map { String(format: "%.2f ms", $0 / 1e6) }.joined(separator: ", "))
        await runtime.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation
import HybridContainer
import Logging
import LoopbackServer

/// Rows 3, 4, 8 and 9 of the benchmarks issue.
enum MoreBenchmarks {
    static func nanos(_ body: () async throws -> Void) async rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return Double(DispatchTime.now().uptimeNanoseconds - start)
    }

    /// Row 3: 1 MB JS → native → JS through an async no-op-copy API, against memcpy of 1 MB.
    static func binary(iterations: Int) async throws -> Row {
        let table = try BridgeMethodTable([.async("echoBytes", placement: .runtimeThread) { $0.params }])
        let runtime = JSRuntime()
        let context = try await runtime.makeContext(.init(name: "binary", bridge: table, executionTimeLimit: nil))
        let script = """
            (async () => { const data = new Uint8Array(1 << 20);
              for (let i = 0; i < \(iterations); i++) { const back = await JSBridge.call('echoBytes', data); if (back.byteLength !== data.length) throw 1; } })()
            """
        _ = try await context.evaluateAwaiting(script)
        let ours = try await nanos { _ = try await context.evaluateAwaiting(script) } / Double(iterations)
        let source = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 64)
        let target = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { source.deallocate(); target.deallocate() }
        memset(source, 7, 1 << 20)
        let copies = 2000
        var checksum = 0
        let baseline =
            await nanos {
                for index in 0..<copies {
                    memcpy(target, source, 1 << 20)
                    checksum &+= Int(target.load(fromByteOffset: (index * 4099) % (1 << 20), as: UInt8.self))
                    source.storeBytes(of: UInt8(truncatingIfNeeded: index), toByteOffset: index % (1 << 20), as: UInt8.self)
                }
            } / Double(copies)
        if checksum == -1 { print(checksum) }  // keeps the copies observable
        await runtime.shutdown()
        return Row(name: "1 MB binary JS → native → JS", ours: ours, baselineName: "memcpy 1 MB", baseline: baseline)
    }

    static let appScript = "App({ onLaunch() { return Promise.resolve(this.items = Array.from({ length: 50 }, (_, i) => i)); } });"

    /// Row 4: launch of an installed small app to onLaunch resolved, against creating a context
    /// in a group and evaluating the same script raw (1,000 in a row after ours: the stable row).
    /// A second row takes the raw baseline once after each of our launches instead, so both run
    /// with the caches and heap our launches leave (what the raw loop alone never sees).
    static func coldLaunch(runs: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-launch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = PackageSigningKey.generate()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data(appScript.utf8).write(to: root.appendingPathComponent("src/index.js"))
        try PackageBuilder.build(
            from: root.appendingPathComponent("src"),
            template: PackageTemplate(appId: AppID(rawValue: "cold")!, name: "cold", version: PackageVersion("1.0")!, entry: "index.js"),
            signingKey: key, output: root.appendingPathComponent("cold.zip"))
        var configuration = ContainerConfiguration(
            storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
        configuration.logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        // `--no-pool`: the same launches without warm contexts (what the pool saves).
        if CommandLine.arguments.contains("--no-pool") { configuration.warmContextsPerThread = 0 }
        // `--no-spin`: every hand-off between threads waits for a wake-up (what `launchSpin` saves).
        if CommandLine.arguments.contains("--no-spin") { configuration.launchSpin = .zero }
        let container = try await MicroAppContainer(configuration: configuration)
        try container.store.install(packageAt: root.appendingPathComponent("cold.zip"))
        let group = JSContextGroupCreate()
        defer { JSContextGroupRelease(group) }
        let script = JSStringCreateWithUTF8CString("function App(c) { return c.onLaunch(); }\n" + appScript)
        defer { JSStringRelease(script) }
        let raw = {
            await nanos {
                let context = JSGlobalContextCreateInGroup(group, nil)
                _ = JSEvaluateScript(context, script, nil, nil, 1, nil)
                JSGlobalContextRelease(context)
            }
        }
        var ours: [Double] = []
        var interleaved: [Double] = []
        for _ in 0..<runs {
            var id: UInt64 = 0
            // The warm pool refills while the thread is idle; between launches here, it is.
            await container.prewarm()
            ours.append(try await nanos { id = try await container.launch(.installed("cold"), start: false).instanceID })
            try await container.destroy(id)
            interleaved.append(await raw())
        }
        await container.shutdown()
        let sorted = ours.sorted()
        print(
            String(
                format: "cold launch latency over %d launches: p50 %.3f ms, p99 %.3f ms", runs, sorted[runs / 2] / 1e6,
                sorted[min(runs - 1, runs * 99 / 100)] / 1e6))
        var inARow: [Double] = []
        for _ in 0..<runs { inARow.append(await raw()) }
        return [
            Row(
                name: "cold launch to onLaunch resolved", ours: median(ours), baselineName: "raw context + same script",
                baseline: median(inARow)),
            Row(
                name: "cold launch, baseline interleaved", ours: median(ours), baselineName: "raw, after each launch",
                baseline: median(interleaved)),
        ]
    }

    /// Row 8: resolving a verified file (hot path) against reading it; a fallback fetch from a
    /// local server against a plain GET of the same URL.
    static func resolution(iterations: Int) async throws -> [Row] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-resolve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = PackageSigningKey.generate()
        let source = root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let body = Data(String(repeating: "export const x = 1;\n", count: 1000).utf8)
        try body.write(to: source.appendingPathComponent("index.js"))
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(appId: AppID(rawValue: "res")!, name: "res", version: PackageVersion("1")!, entry: "index.js"),
            signingKey: key, output: root.appendingPathComponent("res.zip"))
        let store = try PackageStore(
            configuration: .init(
                root: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]),
                logger: Logger(label: "b", factory: { _ in SwiftLogNoOpLogHandler() })))
        try store.install(packageAt: root.appendingPathComponent("res.zip"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("web/res"), withIntermediateDirectories: true)
        try body.write(to: root.appendingPathComponent("web/res/online.js"))
        let server = try await LoopbackServer.serving(root.appendingPathComponent("web"))
        let resolver = ResourceResolver(
            store: store, fetcher: CachingFetcher(cache: try HTTPResourceCache(directory: root.appendingPathComponent("cache"))),
            onlineApps: [.init(appId: AppID(rawValue: "res")!, fallbackBaseURL: server.url("/res/"))],
            logger: Logger(label: "b", factory: { _ in SwiftLogNoOpLogHandler() }))
        let appId = AppID(rawValue: "res")!
        _ = try await resolver.resolve(appId: appId, path: "index.js")
        let hot =
            try await nanos { for _ in 0..<iterations { _ = try await resolver.resolve(appId: appId, path: "index.js") } }
            / Double(iterations)
        let file = try require(try store.activePackage(appId)).filesDirectory.appendingPathComponent("index.js")
        let plain = await nanos { for _ in 0..<iterations { _ = FileManager.default.contents(atPath: file.path) } } / Double(iterations)
        let fetches = 200
        let fallback =
            try await nanos {
                for _ in 0..<fetches { _ = try await resolver.resolve(appId: appId, path: "online.js") }
            } / Double(fetches)
        let fetcher = HTTPFetcher()
        let direct = try await nanos { for _ in 0..<fetches { _ = try await fetcher.get(server.url("/res/online.js")) } } / Double(fetches)
        await server.shutdown()
        return [
            Row(name: "resolve verified file (20 KB, hot path)", ours: hot, baselineName: "FileManager read", baseline: plain),
            Row(name: "fallback fetch, revalidated (ETag)", ours: fallback, baselineName: "plain GET same URL", baseline: direct),
        ]
    }

    /// Row 9: aggregate awaited async calls per second with 1, 2, 8 and 64 apps.
    static func scaling(callsPerApp: Int) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = PackageSigningKey.generate()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data("App({})".utf8).write(to: root.appendingPathComponent("src/index.js"))
        try PackageBuilder.build(
            from: root.appendingPathComponent("src"),
            template: PackageTemplate(appId: AppID(rawValue: "calls")!, name: "calls", version: PackageVersion("1")!, entry: "index.js"),
            signingKey: key, output: root.appendingPathComponent("calls.zip"))
        var configuration = ContainerConfiguration(
            storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
        configuration.logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        try configuration.plugins.register(NoopPlugin())
        let container = try await MicroAppContainer(configuration: configuration)
        try container.store.install(packageAt: root.appendingPathComponent("calls.zip"))
        print("scaling: awaited async no-op calls (runtimeThread placement), \(callsPerApp) per app")
        for count in [1, 2, 8, 64] {
            var contexts: [ScriptContext] = []
            for _ in 0..<count {
                contexts.append(try await container.context(of: try await container.launch(.installed("calls")).instanceID))
            }
            let script = "(async () => { for (let i = 0; i < \(callsPerApp); i++) await JSBridge.call('noop'); })()"
            let elapsed = try await nanos {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for context in contexts { group.addTask { _ = try await context.evaluateAwaiting(script) } }
                    try await group.waitForAll()
                }
            }
            print(String(format: "  %3d app(s): %.0f calls/s in all", count, Double(count * callsPerApp) / (elapsed / 1e9)))
            for app in await container.runningApps() { try await container.destroy(app.instanceID) }
        }
        await container.shutdown()
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}

struct NoopPlugin: Plugin {
    let name = "noop"
    var methods: [PluginMethod] { [.async("noop", permission: nil, placement: .runtimeThread) { _ in .null }] }
}

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw ContainerError.shutDown }
    return value
}

/// `hybrid-bench context-pool`: what one `makeContext` costs with a warm context and without.
enum ContextPoolProbe {
    static func run(runs: Int) async throws {
        for warm in [0, 1] {
            let runtime = JSRuntime(configuration: .init(name: "probe", warmContexts: warm))
            var samples: [Double] = []
            for _ in 0..<runs {
                await runtime.prewarm()
                var made: ScriptContext?
                samples.append(try await MoreBenchmarks.nanos { made = try await runtime.makeContext(.init(name: "x")) })
                await made?.release()
            }
            print(String(format: "makeContext with %d warm: median %.1f µs", warm, MoreBenchmarks.median(samples) / 1000))
            await runtime.shutdown()
        }
        try await memoryPerContext(count: 200)
    }

    /// RSS per context: `count` warm contexts in a pool (warm-up script run) against `count`
    /// made directly, each set in a runtime of its own (its start-up included in the figure).
    static func memoryPerContext(count: Int) async throws {
        // One mode per process (`--pooled` or not): memory freed by one set is not reused by the other.
        for pooled in [CommandLine.arguments.contains("--pooled")] {
            let before = AppsBenchmark.residentBytes()
            let runtime = JSRuntime(configuration: .init(name: "probe", warmContexts: pooled ? count : 0))
            var contexts: [ScriptContext] = []
            if pooled {
                contexts.append(try await runtime.makeContext(.init(name: "first")))  // makes the pool known
                await runtime.prewarm()
            } else {
                for index in 0..<count { contexts.append(try await runtime.makeContext(.init(name: "c\(index)"))) }
            }
            await runtime.collectGarbage()
            let perContext = Double(AppsBenchmark.residentBytes() - before) / Double(count) / 1024
            print(String(format: "RSS per context, %@: %.0f KiB", pooled ? "warm in the pool" : "made directly", perContext))
            for context in contexts { await context.release() }
            await runtime.shutdown()
        }
    }
}

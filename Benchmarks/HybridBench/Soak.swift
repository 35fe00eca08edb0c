// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging
import Synchronization

/// `hybrid-bench soak [--minutes N] [--apps N]`: many apps with timers and bridge calls for
/// minutes, some relaunched every period; resident memory sampled over time. Run by hand
/// (`make soak`); its figures go in RELIABILITY.md.
enum Soak {
    static let appScript = """
        let calls = 0, failures = 0;
        App({
          onLaunch() {
            this.timer = setInterval(async () => {
              const key = 'k' + (calls % 16);
              try {
                await JSBridge.call('setStorage', { key, data: { calls, at: Date.now(), text: 'x'.repeat(64) } });
                const got = await JSBridge.call('getStorage', { key });
                if (!got.data) failures++;
                JSBridge.callSync('getSystemInfo');
                const bytes = new Uint8Array(1024); bytes[0] = calls & 255;
                await JSBridge.call('reportEvent', { name: 'tick', data: { n: calls } });
                calls += 4;
              } catch (e) { failures++; }
            }, 50);
          },
          onDestroy() { clearInterval(this.timer); },
        });
        globalThis.counts = () => [calls, failures];
        """

    static func run(minutes: Double, apps: Int, relaunchPerPeriod: Int = 10) async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("soak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = PackageSigningKey.generate()
        let source = root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(appScript.utf8).write(to: source.appendingPathComponent("index.js"))
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(
                appId: AppID(rawValue: "soak")!, name: "soak", version: PackageVersion("1.0")!, entry: "index.js",
                permissions: ["storage"]),
            signingKey: key, output: root.appendingPathComponent("soak.zip"))
        var configuration = ContainerConfiguration(
            storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
        configuration.logger = Logger(label: "soak", factory: { _ in SwiftLogNoOpLogHandler() })
        try BuiltInPlugins.register(
            into: &configuration.plugins, storageDatabase: root.appendingPathComponent("storage.sqlite"), deviceID: "soak")
        configuration.probationPeriod = .zero
        let failures = FailureCount()
        configuration.onEvent = { event in
            if case .hookFailed = event { failures.add() }
            if case .runtimeStalled = event { failures.add() }
        }
        let container = try await MicroAppContainer(configuration: configuration)
        try container.store.install(packageAt: root.appendingPathComponent("soak.zip"))
        var running: [UInt64] = []
        for _ in 0..<apps { running.append(try await container.launch(.installed("soak")).instanceID) }
        let clock = ContinuousClock()
        let start = clock.now
        let period = Duration.seconds(10)
        var relaunched = 0
        var samples: [(seconds: Int, rssMiB: Double)] = []
        say(
            "soak: \(apps) apps, each storage set+get, a sync call and a report every 50 ms, \(relaunchPerPeriod) apps relaunched every \(period)"
        )
        say("t (s)   RSS (MiB)   calls so far   app failures")
        var totalCalls = 0
        var retiredCalls = 0
        while clock.now - start < .seconds(minutes * 60) {
            try await Task.sleep(for: period)
            // Replace 10 apps: destroy and relaunch (contexts, plugins and leases come and go).
            for _ in 0..<min(relaunchPerPeriod, running.count) {
                let id = running.removeFirst()
                if let counts = try? await container.context(of: id).evaluate("counts()", as: [Int].self) { retiredCalls += counts[0] }
                try await container.destroy(id)
                running.append(try await container.launch(.installed("soak")).instanceID)
                relaunched += 1
            }
            totalCalls = retiredCalls
            for id in running {
                if let counts = try? await container.context(of: id).evaluate("counts()", as: [Int].self) { totalCalls += counts[0] }
            }
            let seconds = Int((clock.now - start).components.seconds)
            let rss = Double(AppsBenchmark.residentBytes()) / 1_048_576
            samples.append((seconds, rss))
            if ProcessInfo.processInfo.environment["SOAK_FORCE_GC"] != nil { await container.collectGarbage() }
            let natives = await container.runtimeStatistics().reduce(0) { $0 + $1.liveNativeFunctions }
            say(String(format: "%5d   %9.1f   %12d   %d   (live native functions %d)", seconds, rss, totalCalls, failures.value, natives))
        }
        await container.shutdown()
        if samples.count >= 3 {
            let settled = samples[1].rssMiB
            let last = samples[samples.count - 1].rssMiB
            say(
                String(
                    format: "RSS after the first period %.1f MiB, at the end %.1f MiB (%+.1f%%); %d relaunches; %d app failures",
                    settled, last, (last - settled) / settled * 100, relaunched, failures.value))
        }
    }
}

/// Writes a line unbuffered (a soak is watched while it runs).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Counts failures reported from any thread.
final class FailureCount: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

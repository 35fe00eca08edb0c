// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging
import LoopbackServer

/// `hybrid-bench chaos [--minutes N] [--apps N]`: apps calling random built-in APIs with random
/// hostile values, random timers and intervals (hostile delays too), random relaunches, for
/// minutes. Reports calls made and settled, host crashes (the run ends early if the host dies:
/// it must not), and RSS over time. Run by hand (`make chaos`); figures go in RELIABILITY.md.
enum Chaos {
    static func script(server: String) -> String {
        """
        const SERVER = '\(server)';
        let made = 0, settled = 0, badCodes = 0, intervals = 0;
        const valid = {
          request: { url: SERVER + '/ok', method: 'GET', timeout: 2000 }, setStorage: { key: 'k', data: 1 },
          getStorage: { key: 'k' }, removeStorage: { key: 'k' }, clearStorage: {}, getStorageInfo: {},
          postNotification: { name: 'n', data: 1 }, getConfig: { key: 'flag' }, reportEvent: { name: 'e' },
          getSystemInfo: {}, getAppInfo: {}, setStorageSync: { key: 's', data: 2 }, getStorageSync: { key: 's' },
        };
        const apis = Object.keys(valid);
        const hostile = [Infinity, -Infinity, NaN, -0, 1e308, 2 ** 64, -1, 1.5, '', 'x'.repeat(1 << 16), [], {}, null, true,
          'a\\r\\nb', new ArrayBuffer(8), undefined, { get a() { throw new Error('getter'); } }];
        const pick = (list) => list[Math.floor(Math.random() * list.length)];
        const good = (code) => code === 0 || (code >= 1 && code <= 6) || code >= 1000;
        function oneCall() {
          const api = pick(apis);
          const params = Object.assign({}, valid[api]);
          const fields = Object.keys(params);
          if (fields.length && Math.random() < 0.7) params[pick(fields)] = pick(hostile);
          made++;
          if (api.endsWith('Sync') || api === 'getConfig' || api === 'getSystemInfo' || api === 'getAppInfo') {
            let code = 0;
            try { JSBridge.callSync(api, params); } catch (e) { code = e && e.error; }
            settled++;
            if (!good(code)) badCodes++;
            return;
          }
          JSBridge.call(api, params).then(() => 0, (e) => e && e.error).then((code) => { settled++; if (!good(code)) badCodes++; });
        }
        App({
          onLaunch() {
            this.main = setInterval(() => {
              for (let i = 0; i < 4; i++) oneCall();
              if (Math.random() < 0.05) {
                intervals++;
                const id = setInterval(() => oneCall(), pick([NaN, -5, 1, 10, Infinity]));
                setTimeout(() => clearInterval(id), pick([NaN, 50, 500, 1e300]) === 1e300 ? 2000 : 300);
              }
              if (Math.random() < 0.05) setTimeout(() => oneCall(), pick([NaN, Infinity, -1, 0, 5]));
            }, 20);
          },
        });
        globalThis.counts = () => [made, settled, badCodes];
        """
    }

    static func run(minutes: Double, apps: Int) async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chaos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try await LoopbackServer.start { request in
            request.path == "/ok" ? .ok(Data("{\"ok\":1}".utf8)) : .response(status: 302, headers: [("Location", "/ok")])
        }
        let key = PackageSigningKey.generate()
        let source = root.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let base = server.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        try Data(script(server: base).utf8).write(to: source.appendingPathComponent("index.js"))
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(
                appId: AppID(rawValue: "chaos")!, name: "chaos", version: PackageVersion("1.0")!, entry: "index.js",
                permissions: ["storage", "request", "notification"], allowedDomains: ["127.0.0.1"]),
            signingKey: key, output: root.appendingPathComponent("chaos.zip"))
        var configuration = ContainerConfiguration(
            storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
        configuration.logger = Logger(label: "chaos", factory: { _ in SwiftLogNoOpLogHandler() })
        try BuiltInPlugins.register(
            into: &configuration.plugins, storageDatabase: root.appendingPathComponent("storage.sqlite"), deviceID: "chaos",
            configSwitches: [ConfigSwitch(key: "flag", value: true)])
        configuration.probationPeriod = .zero
        let stalls = FailureCount()
        configuration.onEvent = { event in
            if case .runtimeStalled = event { stalls.add() }
        }
        let container = try await MicroAppContainer(configuration: configuration)
        try container.store.install(packageAt: root.appendingPathComponent("chaos.zip"))
        var running: [UInt64] = []
        for _ in 0..<apps { running.append(try await container.launch(.installed("chaos")).instanceID) }
        let clock = ContinuousClock()
        let start = clock.now
        var retired = (made: 0, settled: 0, bad: 0)
        var relaunches = 0
        say("chaos: \(apps) apps calling random APIs with hostile values, random timers; random relaunches every 5 s")
        say("t (s)   RSS (MiB)   calls made   settled   bad codes   relaunches   stalls")
        while clock.now - start < .seconds(minutes * 60) {
            try await Task.sleep(for: .seconds(5))
            for _ in 0..<Int.random(in: 1...max(1, apps / 5)) {
                let index = Int.random(in: 0..<running.count)
                let id = running[index]
                if let counts = try? await container.context(of: id).evaluate("counts()", as: [Int].self) {
                    retired.made += counts[0]; retired.settled += counts[1]; retired.bad += counts[2]
                }
                try? await container.destroy(id)
                running[index] = try await container.launch(.installed("chaos")).instanceID
                relaunches += 1
            }
            var total = retired
            for id in running {
                if let counts = try? await container.context(of: id).evaluate("counts()", as: [Int].self) {
                    total.made += counts[0]; total.settled += counts[1]; total.bad += counts[2]
                }
            }
            let seconds = Int((clock.now - start).components.seconds)
            let rss = Double(AppsBenchmark.residentBytes()) / 1_048_576
            say(
                String(
                    format: "%5d   %9.1f   %10d   %7d   %9d   %10d   %6d", seconds, rss, total.made, total.settled, total.bad, relaunches,
                    stalls.value))
        }
        await container.shutdown()
        await server.shutdown()
        say("chaos: done, host crashes 0 (the process is alive to say so)")
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Dispatch
import Foundation
import FuzzSupport
import HybridContainer
import Logging
import LoopbackServer

/// libFuzzer target: `JSBridge.call` / `callSync` of every built-in JSAPI with fuzzed parameters,
/// in a container with the built-ins, a local server on 127.0.0.1 and an app holding every
/// permission (so calls reach the handlers, not the permission gate).
///
/// Input: the first byte picks the API; the rest is JSON text (or, if it does not parse, a
/// string). An object is merged over a valid call of that API, so one field at a time changes;
/// `$SERVER` in strings becomes the local server's URL. Every call must settle with a code in
/// 1–6 or ≥ 1000 (or succeed), and the process must survive. `FUZZ_BRIDGE_TRACE=1` prints each
/// call that settled well (to check a replay reaches the handlers).
let apis = [
    "request", "setStorage", "getStorage", "removeStorage", "clearStorage", "getStorageInfo", "setStorageSync",
    "getStorageSync", "removeStorageSync", "clearStorageSync", "getStorageInfoSync", "postNotification", "getConfig",
    "reportEvent", "openApp", "getSystemInfo", "getAppInfo",
]

/// Runs `body` to completion from synchronous code (libFuzzer's callback).
func blocking<T>(_ body: @escaping @Sendable () async throws -> T) -> T? {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = try? await body()
        done.signal()
    }
    done.wait()
    return box.value
}

struct Harness: Sendable {
    let context: ScriptContext
}

let harness: Harness = blocking {
    LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("hc-fuzz-bridge-\(getpid())")
    try? FileManager.default.removeItem(at: root)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let server = try await LoopbackServer.start { request in
        request.path == "/redirect" ? .response(status: 302, headers: [("Location", "/ok")]) : .ok(Data("{\"ok\":1}".utf8))
    }
    let key = PackageSigningKey.generate()
    var configuration = ContainerConfiguration(
        storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
    try BuiltInPlugins.register(
        into: &configuration.plugins, storageDatabase: root.appendingPathComponent("storage.sqlite"), deviceID: "fuzz",
        configSwitches: [ConfigSwitch(key: "flag", value: 1)],
        request: .init(requestsPerSecond: 1e9, burst: 1e9, breakerThreshold: 1 << 30))
    configuration.apiRateLimits = .none
    configuration.callTimeout = .seconds(10)
    configuration.logger = Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
    let container = try await MicroAppContainer(configuration: configuration)
    let source = root.appendingPathComponent("src")
    try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
    try Data("App({});".utf8).write(to: source.appendingPathComponent("index.js"))
    let package = root.appendingPathComponent("fuzz.zip")
    try PackageBuilder.build(
        from: source,
        template: PackageTemplate(
            appId: AppID(rawValue: "fuzz")!, name: "fuzz", version: PackageVersion("1.0.0")!, entry: "index.js",
            permissions: ["request", "storage", "notification", "navigation"], allowedDomains: ["127.0.0.1"]),
        signingKey: key, output: package)
    try container.store.install(packageAt: package)
    let app = try await container.launch(.installed("fuzz"))
    let context = try await container.context(of: app.instanceID)
    let base = server.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    try await context.evaluate(
        """
        globalThis.SERVER = '\(base)';
        globalThis.valid = {
          request: { url: SERVER + '/ok', method: 'GET', timeout: 3000 }, setStorage: { key: 'k', data: 1 }, getStorage: { key: 'k' },
          removeStorage: { key: 'k' }, clearStorage: {}, getStorageInfo: {}, postNotification: { name: 'n' },
          getConfig: { key: 'flag' }, reportEvent: { name: 'e' }, openApp: { appId: 'fuzz' }, getSystemInfo: {}, getAppInfo: {},
        };
        const fill = (v) => typeof v === 'string' ? v.split('$SERVER').join(SERVER)
          : Array.isArray(v) ? v.map(fill) : (v && typeof v === 'object') ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)])) : v;
        const good = (code) => code === 0 || (typeof code === 'number' && ((code >= 1 && code <= 6) || code >= 1000));
        globalThis.fuzzCall = async (api, text) => {
          let params;
          try { params = fill(JSON.parse(text)); } catch { params = text; }
          const base = valid[api.replace(/Sync$/, '')] || {};
          if (params && typeof params === 'object' && !Array.isArray(params)) params = Object.assign({}, base, params);
          let code;
          if (api.endsWith('Sync') || api === 'getConfig' || api === 'getSystemInfo' || api === 'getAppInfo') {
            try { JSBridge.callSync(api, params); code = 0; } catch (e) { code = e && e.error; }
            if (!good(code)) return 'callSync(' + api + ') settled with ' + String(code);
          }
          code = await JSBridge.call(api, params).then(() => 0, (e) => e && e.error);
          return good(code) ? null : 'call(' + api + ') settled with ' + String(code);
        };
        """)
    return Harness(context: context)
}!

func fuzzOne(_ data: Data) {
    guard let first = data.first else { return }
    let api = apis[Int(first) % apis.count]
    let text = String(decoding: data.dropFirst(), as: UTF8.self)
    let outcome = blocking { () -> Result<JSONValue, any Error> in
        do {
            return .success(try await harness.context.callAwaiting("fuzzCall", [.string(api), .string(text)], timeout: .seconds(30)))
        } catch { return .failure(error) }
    }
    switch outcome {
    case .success(.null)?: if ProcessInfo.processInfo.environment["FUZZ_BRIDGE_TRACE"] != nil { print("ok \(api)") }
    case .success(let problem)?: preconditionFailure("\(problem)")
    case .failure(let error)?: preconditionFailure("the harness call failed: \(error)")
    case nil: preconditionFailure("no outcome")
    }
}

#if FUZZING
/// The entry point SwiftPM links as `main` (see FuzzSupport): libFuzzer drives `fuzzOne`.
@_cdecl("fuzz_bridge_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzTarget(argc, argv) { fuzzOne($0) }
}
#else
/// Without libFuzzer: replays the files given as arguments (a corpus, crash reproducers).
@main
enum Replay {
    static func main() {
        exit(replayCorpus { fuzzOne($0) })
    }
}
#endif

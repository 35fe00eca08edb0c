// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging
import LoopbackServer

// The hostile-values run as a child process (see HostileValuesTests): a trap here is reported by
// the parent as the case that was running ("BEGIN <case>" is printed, flushed, before each call),
// not as the death of the test runner.
//
// Usage: hostile-values [API | timers | console | miniprogram]   (no argument: every batch)
// Output: "BEGIN <case>", "END <code> <case>" per call, then "SUMMARY <json>"; exit 0 when the
// run completed (the parent judges the codes), 3 when set-up failed.

LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }

/// Writes protocol lines straight to stdout, unbuffered, so the last line survives a trap.
func emit(_ line: String) {
    let data = Data((line.replacingOccurrences(of: "\n", with: "\\n") + "\n").utf8)
    FileHandle.standardOutput.write(data)
}

/// `hv.begin(label)` / `hv.end(label, code)`: the script's progress, to stdout.
struct ProgressPlugin: Plugin {
    let name = "hostile-values-progress"
    var methods: [PluginMethod] {
        [
            .sync("hv.begin", permission: nil) { call in
                emit("BEGIN " + (call.params["0"]?.stringValue ?? call.params.stringValue ?? "?"))
                return .null
            },
            .sync("hv.end", permission: nil) { call in
                emit("END \(call.params["code"].map { "\($0)" } ?? "?") \(call.params["label"]?.stringValue ?? "?")")
                return .null
            },
        ]
    }
}

let only = CommandLine.arguments.dropFirst().first
let root = FileManager.default.temporaryDirectory.appendingPathComponent("hc-hostile-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: root) }

do {
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let server = try await LoopbackServer.start { request in
        switch request.path {
        case "/redirect": return .response(status: 302, headers: [("Location", "/ok")])
        default: return .ok(Data("{\"ok\":true}".utf8), headers: [("Content-Type", "application/json")])
        }
    }
    let key = PackageSigningKey.generate()
    var configuration = ContainerConfiguration(
        storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
    try BuiltInPlugins.register(
        into: &configuration.plugins, storageDatabase: root.appendingPathComponent("storage.sqlite"), deviceID: "device-1",
        configSwitches: [ConfigSwitch(key: "flag", value: true)],
        request: .init(requestsPerSecond: 1e9, burst: 1e9, breakerThreshold: 1 << 30))
    try configuration.plugins.register(ProgressPlugin())
    // Every call must reach its handler: no flood limits in this run (they are tested elsewhere).
    configuration.apiRateLimits = .none
    configuration.executionTimeLimit = .seconds(10)
    configuration.callTimeout = .seconds(15)
    configuration.logger = Logger(label: "hostile", factory: { _ in SwiftLogNoOpLogHandler() })
    configuration.developerMode = true
    let container = try await MicroAppContainer(configuration: configuration)

    func install(_ appId: String, script: String, permissions: [String], domains: [String] = []) throws {
        let source = root.appendingPathComponent("src-\(appId)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(script.utf8).write(to: source.appendingPathComponent("index.js"))
        let output = root.appendingPathComponent("\(appId).zip")
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(
                appId: AppID(rawValue: appId)!, name: appId, version: PackageVersion("1.0.0")!, entry: "index.js",
                permissions: permissions, allowedDomains: domains),
            signingKey: key, output: output)
        try container.store.install(packageAt: output)
    }
    try install(
        "bystander",
        script: "App({ onLaunch() { JSBridge.callSync('setStorageSync', { key: 'keep', data: { n: 1, list: [1, 2, 3] } }); } });",
        permissions: ["storage"])
    try install(
        "hostile", script: "App({});", permissions: ["request", "storage", "file", "websocket", "notification", "navigation"],
        domains: ["127.0.0.1"])

    let bystander = try await container.launch(.installed("bystander"))
    let bystanderContext = try await container.context(of: bystander.instanceID)
    _ = await bystanderContext.waitUntilIdle(timeout: .seconds(30))
    let hostile = try await container.launch(.installed("hostile"))
    let context = try await container.context(of: hostile.instanceID)
    // `hv` forwards progress with positional labels.
    _ = try await context.evaluate(
        """
        globalThis.hv = {
          begin: (label) => JSBridge.callSync('hv.begin', { 0: label }),
          end: (label, code) => JSBridge.callSync('hv.end', { label, code: typeof code === 'number' ? code : String(code) }),
        };
        """)
    let serverBase = server.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    let progress = """
        globalThis.hv = {
          begin: (label) => JSBridge.callSync('hv.begin', { 0: label }),
          end: (label, code) => JSBridge.callSync('hv.end', { label, code: typeof code === 'number' ? code : String(code) }),
        };
        """
    var result: JSONValue = ["cases": 0, "failures": []]
    if only != "miniprogram" {
        result = try await context.evaluateAwaiting(
            HostileScript.source(server: serverBase, only: only), sourceURL: "hostile-values.js", timeout: .seconds(3600))
    }
    // The mini-program batch: wx.* / my.* and setData with hostile options, in a page.
    if only == nil || only == "miniprogram" {
        let folder = root.appendingPathComponent("mini")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try Data(HostileMiniProgram.appJSON.utf8).write(to: folder.appendingPathComponent("app.json"))
        try Data("App({});".utf8).write(to: folder.appendingPathComponent("app.js"))
        try Data(HostileMiniProgram.page(server: serverBase).utf8).write(to: folder.appendingPathComponent("pages/index.js"))
        try Data("Page({});".utf8).write(to: folder.appendingPathComponent("pages/other.js"))
        try Data(
            #"{"appId":"mini","name":"mini","version":"1.0.0","entry":"app.json","permissions":["storage","request","file","websocket"],"allowedDomains":["127.0.0.1"]}"#
                .utf8
        )
        .write(to: folder.appendingPathComponent("manifest.json"))
        let mini = try await container.launch(.directory(folder))
        let miniContext = try await container.context(of: mini.instanceID)
        _ = try await miniContext.evaluate(progress)
        let batch = try await miniContext.evaluateAwaiting(
            "getCurrentPages()[0].hostile()", sourceURL: "hostile-mini.js", timeout: .seconds(3600))
        result = [
            "cases": .number((result["cases"]?.numberValue ?? 0) + (batch["cases"]?.numberValue ?? 0)),
            "failures": .array((result["failures"]?.arrayValue ?? []) + (batch["failures"]?.arrayValue ?? [])),
        ]
    }
    let kept = try await bystanderContext.evaluate("JSON.stringify(JSBridge.callSync('getStorageSync', { key: 'keep' }).data)")
    let running = await container.runningApps().count
    let summary: JSONValue = [
        "cases": result["cases"] ?? .null, "failures": result["failures"] ?? .null,
        "bystanderData": kept, "apps": .number(Double(running)),
    ]
    let encoded = try JSONEncoder().encode(summary)
    emit("SUMMARY " + String(decoding: encoded, as: UTF8.self))
    await container.shutdown()
    await server.shutdown()
} catch {
    emit("SETUP-FAILED \(error)")
    exit(3)
}

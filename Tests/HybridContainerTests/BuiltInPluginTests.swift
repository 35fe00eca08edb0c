// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GreeterPlugin
import HybridContainer
import LoopbackServer
import Testing

/// Runs `body` (an async JS function body) in a fresh instance of an app and returns its value.
func run(_ container: MicroAppContainer, _ appId: String, _ body: String) async throws -> JSONValue {
    let app = try await container.launch(.installed(appId))
    defer { Task { try? await container.destroy(app.instanceID) } }
    return try await container.context(of: app.instanceID).evaluateAwaiting("(async () => { \(body) })()")
}

/// `{error, errorMessage}` of a failing call expression, or the value.
let catching = """
    const attempt = async (promise) => { try { return { ok: await promise }; } catch (e) { return { error: e.error, message: e.errorMessage }; } };
    """

@Suite("Built-in JSAPIs, permissions and isolation")
struct BuiltInPluginTests {
    @Test("storage: set/get/remove/clear/info, sync variants, quota and binary refusal")
    func storage() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("notes", script: "App({})", permissions: ["storage"], into: container)
        let value = try await run(
            container, "notes",
            catching + """
                await JSBridge.call('setStorage', { key: 'a', data: { n: 1, list: ['x'] } });
                JSBridge.callSync('setStorageSync', { key: 'b', data: 'two' });
                const a = (await JSBridge.call('getStorage', { key: 'a' })).data;
                const b = JSBridge.callSync('getStorageSync', { key: 'b' }).data;
                const missing = (await JSBridge.call('getStorage', { key: 'nope' })).data;
                const info = await JSBridge.call('getStorageInfo');
                await JSBridge.call('removeStorage', { key: 'a' });
                const afterRemove = (await JSBridge.call('getStorage', { key: 'a' })).data;
                const binary = await attempt(JSBridge.call('setStorage', { key: 'c', data: new Uint8Array(4) }));
                const noKey = await attempt(JSBridge.call('setStorage', { data: 1 }));
                const huge = await attempt(JSBridge.call('setStorage', { key: 'big', data: 'x'.repeat(11 << 20) }));
                await JSBridge.call('clearStorage');
                const keysAfterClear = (await JSBridge.call('getStorageInfo')).keys;
                return { a, b, missing, keys: info.keys, afterRemove, binary: binary.error, noKey: noKey.error,
                         huge: huge.error, keysAfterClear };
                """)
        #expect(
            value == [
                "a": ["n": 1, "list": ["x"]], "b": "two", "missing": nil, "keys": ["a", "b"], "afterRemove": nil,
                "binary": 2, "noKey": 2, "huge": 1001, "keysAfterClear": [],
            ])
        await container.shutdown()
    }

    @Test("calls are denied (code 4) without the manifest permission or when the host denies them")
    func permissions() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.permissions = PermissionPolicy(deniedPerApp: ["granted": ["notification"]]) }
        try fixture.install("bare", script: "App({})", into: container)
        try fixture.install("granted", script: "App({})", permissions: ["storage", "notification"], into: container)
        let bare = try await run(
            container, "bare",
            catching + """
                return [ (await attempt(JSBridge.call('setStorage', { key: 'k', data: 1 }))).error,
                         (await attempt(JSBridge.call('getSystemInfo'))).ok.platform,
                         (await attempt(JSBridge.call('noSuchApi'))).error ];
                """)
        #expect(bare == [4, "linux", 1])
        let granted = try await run(
            container, "granted",
            catching + """
                return [ (await attempt(JSBridge.call('setStorage', { key: 'k', data: 1 }))).ok,
                         (await attempt(JSBridge.call('postNotification', { name: 'x' }))).error ];
                """)
        #expect(granted == [nil, 4])
        await container.shutdown()
    }

    @Test("apps are isolated: no shared globals, storage namespaced per app")
    func isolation() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("one", script: "globalThis.secret = 'one'; App({})", permissions: ["storage"], into: container)
        try fixture.install("two", script: "App({})", permissions: ["storage"], into: container)
        let first = try await container.launch(.installed("one"))
        let second = try await container.launch(.installed("two"))
        try await container.context(of: first.instanceID).evaluateAwaiting("JSBridge.call('setStorage', {key: 'k', data: 'one'})")
        let seen = try await container.context(of: second.instanceID).evaluateAwaiting(
            "(async () => [typeof secret, (await JSBridge.call('getStorage', {key: 'k'})).data])()")
        #expect(seen == ["undefined", nil])
        await container.shutdown()
    }

    @Test("getAppInfo, getSystemInfo, reportEvent and getConfig with gray rules")
    func infoAndConfig() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container(switches: [
            ConfigSwitch(key: "everyone", value: "on"),
            ConfigSwitch(key: "nobody", value: "on", defaultValue: "off", percentage: 0),
            ConfigSwitch(key: "newApps", value: "v2", defaultValue: "v1", minimumAppVersion: PackageVersion("2.0")),
            ConfigSwitch(key: "otherApp", value: "yes", defaultValue: "no", appIds: ["someone-else"]),
        ])
        try fixture.install("info", script: "App({})", version: "1.5.0", into: container)
        let value = try await run(
            container, "info",
            """
            const app = JSBridge.callSync('getAppInfo');
            const system = await JSBridge.call('getSystemInfo');
            await JSBridge.call('reportEvent', { name: 'opened', data: { from: 'test' } });
            const config = (key) => JSBridge.callSync('getConfig', { key }).value;
            return { appId: app.appId, version: app.version, offline: app.offline, source: app.source,
                     cores: system.processorCount > 0,
                     everyone: config('everyone'), nobody: config('nobody'), newApps: config('newApps'),
                     otherApp: config('otherApp'), unknown: config('unknown') };
            """)
        #expect(
            value == [
                "appId": "info", "version": "1.5.0", "offline": true, "source": "offline", "cores": true,
                "everyone": "on", "nobody": "off", "newApps": "v1", "otherApp": "no", "unknown": nil,
            ])
        await container.shutdown()
    }

    @Test("postNotification reaches the other running apps; openApp and exitApp drive instances")
    func notificationsAndNavigation() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install(
            "listener",
            script: """
                App({});
                JSBridge.on('notification', (n) => JSBridge.callSync('log', { entry: 'got ' + n.name + ' ' + n.data.v + ' from ' + n.from }));
                """, into: container)
        try fixture.install("sender", script: "App({})", permissions: ["notification", "navigation"], into: container)
        _ = try await container.launch(.installed("listener"))
        let sender = try await container.launch(.installed("sender"))
        let context = try await container.context(of: sender.instanceID)
        try await context.evaluateAwaiting("JSBridge.call('postNotification', { name: 'ping', data: { v: 7 } })")
        #expect(await fixture.log.waitFor { $0 == "got ping 7 from sender" })
        let opened = try await context.evaluateAwaiting("JSBridge.call('openApp', { appId: 'listener', query: { a: '1' } })")
        #expect(opened["appId"] == "listener")
        #expect(await container.runningApps().count == 3)
        try await context.evaluateAwaiting("JSBridge.call('exitApp')")
        #expect(await fixture.log.waitFor { $0.hasPrefix("event: sender#\(sender.instanceID) destroyed") })
        #expect(await container.runningApps().map(\.appId.rawValue).sorted() == ["listener", "listener"])
        await container.shutdown()
    }

    @Test("a plugin from a separate module: JSAPIs, events back to JS, launch rewrite and veto")
    func customPlugin() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container(plugins: [GreeterPlugin()])
        try fixture.install(
            "greeted",
            script: """
                App({ onLaunch(options) { JSBridge.callSync('log', { entry: 'greeting: ' + options.greeting }); } });
                JSBridge.on('greeted', (p) => JSBridge.callSync('log', { entry: 'event greeted ' + p.name }));
                """, permissions: ["greeter"], into: container)
        let app = try await container.launch(.installed("greeted"))
        let answer = try await container.context(of: app.instanceID).evaluateAwaiting(
            """
            (async () => [await JSBridge.call('greet', { name: 'Ada' }), JSBridge.callSync('greetCount')])()
            """)
        #expect(answer == ["Hello, Ada!", 1])
        #expect(await fixture.log.waitFor { $0 == "event greeted Ada" })
        #expect(fixture.log.all.contains("greeting: hi from GreeterPlugin"))
        await #expect(throws: ContainerError.self) {
            try await container.launch(.installed("greeted"), options: .init(query: ["blocked": "1"]))
        }
        await container.shutdown()
    }
}

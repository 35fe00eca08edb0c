// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

/// Every documented `wx.*` and `my.*` name (Resources/platform-apis) exists and behaves as its
/// kind says: unsupported calls fail in the platform's shape, listeners register and hear the
/// host, factories and tasks return objects with every listed method.
@Suite("The documented API surface of both platforms")
struct PlatformSurfaceTests {
    /// Walks one namespace inside the app; returns the problems found (empty: all well).
    static let walk = """
        async (namespace, list, wechat) => {
          const api = globalThis[namespace];
          const problems = [];
          const unsupportedFailure = (name, value) => wechat
            ? value && value.errMsg === name + ':fail not supported by this host'
            : value && value.error === 1 && value.errorMessage === namespace + '.' + name + ' is not supported by this host';
          const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
          for (const [name, entry] of Object.entries(list.apis)) {
            if (typeof api[name] !== 'function') { problems.push(name + ' is not a function'); continue; }
            const works = api.canIUse(name);
            switch (entry.kind) {
              case 'listener': {
                if (!works) problems.push(name + ': canIUse is false for a listener');
                if (name === 'on') break;
                const event = name.charAt(2).toLowerCase() + name.slice(3);
                const heard = [];
                const callback = (payload) => heard.push(payload);
                api[name](callback);
                __hcMini.emit(event, { n: 1 });
                const off = 'off' + name.slice(2);
                if (typeof api[off] === 'function') api[off](callback);
                __hcMini.emit(event, { n: 2 });
                if (typeof api[off] === 'function' ? heard.length !== 1 : heard.length !== 2) {
                  problems.push(name + ': heard ' + JSON.stringify(heard));
                }
                break;
              }
              case 'unlisten':
                if (!works) problems.push(name + ': canIUse is false for an unlisten');
                break;
              case 'sync':
                if (works) break;
                try { api[name](); problems.push(name + ': an unsupported sync API returned'); }
                catch (error) { if (!unsupportedFailure(name, error)) problems.push(name + ': threw ' + String(error)); }
                break;
              case 'factory': {
                let object;
                try { object = api[name](); } catch (error) { problems.push(name + ': threw ' + String(error)); break; }
                for (const method of entry.methods || []) {
                  if (typeof object[method] !== 'function') problems.push(name + '() has no method ' + method);
                }
                break;
              }
              case 'task': {
                if (works && name !== 'request') break;
                const seen = [];
                const handle = api[name]({ url: 5, fail: (r) => seen.push(['fail', r]), complete: (r) => seen.push(['complete', r]) });
                for (const method of entry.methods || []) {
                  if (!handle || typeof handle[method] !== 'function') problems.push(name + '() task has no method ' + method);
                }
                await settle();
                if (seen.map((s) => s[0]).join() !== 'fail,complete') problems.push(name + ': callbacks ' + JSON.stringify(seen));
                if (!works && !unsupportedFailure(name, seen[0] && seen[0][1])) problems.push(name + ': failed with ' + JSON.stringify(seen));
                break;
              }
              default: {
                if (works) break;
                const seen = [];
                api[name]({ fail: (r) => seen.push(['fail', r]), complete: (r) => seen.push(['complete', r]) });
                await settle();
                if (seen.map((s) => s[0]).join() !== 'fail,complete' || !unsupportedFailure(name, seen[0][1])) {
                  problems.push(name + ': callbacks ' + JSON.stringify(seen));
                }
                try { await api[name](); problems.push(name + ': the promise of an unsupported API resolved'); }
                catch (failure) { if (!unsupportedFailure(name, failure)) problems.push(name + ': rejected with ' + JSON.stringify(failure)); }
              }
            }
          }
          return problems;
        }
        """

    @Test("every listed name is a function that behaves as its kind says", arguments: [("wx", true), ("my", false)])
    func everyName(namespace: String, wechat: Bool) async throws {
        let list = try PlatformAPIs.list(for: wechat ? .wechat : .alipay)
        let names = try #require(list["apis"]?.objectValue)
        #expect(names.count > (wechat ? 400 : 250))
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch(["pages/index.js": "Page({})"])
        let listText = try #require(list.stringified())
        let problems = try await context.evaluateAwaiting("(\(Self.walk))('\(namespace)', \(listText), \(wechat))")
        #expect(problems == [], "\(problems)")
        let statistics = try await session.statistics()
        #expect(statistics.unsupportedCalls.keys.contains("\(namespace).\(wechat ? "stopWifi" : "getBackgroundAudioManager")"))
        #expect(Set(statistics.apiCalls.keys).isDisjoint(with: statistics.unsupportedCalls.keys))
        await harness.container.shutdown()
    }

    @Test("a namespace is built when the app first touches it, then is a fixed read-only global; `my` of a WeChat app never is")
    func namespacesOnFirstUse() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "pages/index.js": "Page({ onLoad() { this.info = wx.getSystemInfoSync().platform; } })"
        ])
        let described = """
            (name) => { const d = Object.getOwnPropertyDescriptor(globalThis, name);
              return [typeof d.get, 'value' in d, d.writable === true, d.configurable]; }
            """
        // wx was touched by the page: a plain read-only value now; my never was: still its getter.
        #expect(try await context.evaluate("(\(described))('wx')") == ["undefined", true, false, false])
        #expect(try await context.evaluate("(\(described))('my')") == ["function", false, false, true])
        #expect(try await context.evaluate("typeof my.getStorageSync === 'function' && my === my") == true)
        #expect(try await context.evaluate("(\(described))('my')") == ["undefined", true, false, false])
        // Writes to the global do not replace it (as before: a fixed binding).
        #expect(try await context.evaluate("(() => { const before = wx; try { wx = {}; } catch (e) {} return wx === before; })()") == true)
        await harness.container.shutdown()
    }

    @Test("the issue's examples: documented APIs exist, listeners the host knows register and hear it, global exists")
    func fieldExamples() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "app.js": "global.isDemo = true; App({});",
            "pages/index.js": """
            Page({
              onLoad() {
                this.heard = [];
                wx.onNetworkStatusChange((r) => this.heard.push('wx ' + r.networkType));
                const handle = my.on('networkStatusChange', (r) => this.heard.push('my ' + r.networkType));
                this.removeMine = () => handle.remove();
                my.onSocketClose(() => {}); wx.onCompassChange(() => {}); wx.onUserCaptureScreen(() => {});
                my.offBLEConnectionStateChanged(); my.getScreenBrightness({});
                this.audio = my.getBackgroundAudioManager();
                wx.stopWifi({}); wx.closeBluetoothAdapter({}); wx.stopBeaconDiscovery({}); wx.getBackgroundAudioPlayerState({});
              },
            });
            """,
        ])
        #expect(try await context.evaluate("global.isDemo === true && typeof getCurrentPages()[0].audio.play") == "function")
        #expect(try await session.emit("networkStatusChange", payload: ["networkType": "wifi"]) == 2)
        _ = try await context.evaluate("getCurrentPages()[0].removeMine()")
        #expect(try await session.emit("networkStatusChange", payload: ["networkType": "none"]) == 1)
        #expect(try await context.evaluate("getCurrentPages()[0].heard") == ["wx wifi", "my wifi", "wx none"])
        #expect(
            try await context.evaluate("wx.canIUse('onNetworkStatusChange') && !wx.canIUse('stopWifi') && wx.canIUse('request')") == true)
        // Selector queries: one answer per request, null where nothing matched (no tree yet).
        let answers = try await context.evaluateAwaiting(
            """
            new Promise((resolve) => {
              const own = [];
              wx.createSelectorQuery().select('#c').boundingClientRect((r) => own.push(r))
                .selectAll('.item').fields({ dataset: true }).selectViewport().scrollOffset()
                .exec((all) => resolve({ all, own }));
            })
            """)
        #expect(
            answers == [
                "all": [nil, [], ["scrollLeft": 0, "scrollTop": 0, "scrollWidth": 0, "scrollHeight": 0, "id": "", "dataset": [:]]],
                "own": [nil],
            ])
        let report = try await harness.container.smokeTest(
            .directory(try harness.write(["pages/index.js": "Page({ onLoad() { wx.stopWifi({}); } })"])))
        #expect(report.passed, "\(report)")
        // Counted apart from errors (the smoke run opens the page at launch and again by route).
        #expect((report.unsupportedCalls["wx.stopWifi"] ?? 0) >= 1)
        #expect(report.failures.isEmpty)
        #expect(report.description.contains("Unsupported API calls: "))
        await harness.container.shutdown()
    }
}

@Suite("Key order from the app to the host and back")
struct KeyOrderEndToEndTests {
    @Test("storage, setData diffs and request bodies keep the app's key order")
    func keyOrder() async throws {
        let server = try await LoopbackServer.start { _ in .ok(Data(#"{"zeta":1,"alpha":{"y":2,"b":3},"mid":[]}"#.utf8)) }
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "manifest.json":
                #"{"appId": "order", "name": "order", "version": "1.0.0", "entry": "app.json", "permissions": ["storage", "request"], "allowedDomains": ["127.0.0.1"]}"#,
            "pages/index.js": """
            Page({
              data: { first: 0 },
              onLoad() {
                wx.setStorageSync('k', { n: 1, s: 'x', list: [{ z: 1, a: 2 }] });
                this.setData({ zoo: 1, apple: { y: 1, b: 2 }, middle: 3 });
              },
            });
            """,
        ])
        let base = server.baseURL.absoluteString
        let keys = try await context.evaluateAwaiting(
            """
            (async () => {
              const stored = wx.getStorageSync('k');
              const viaMy = (await my.getStorage({ key: 'k' })).data;
              const response = await wx.request({ url: '\(base)/data' });
              return [Object.keys(stored).join(), Object.keys(stored.list[0]).join(), Object.keys(viaMy).join(),
                      Object.keys(response.data).join(), Object.keys(response.data.alpha).join()];
            })()
            """)
        #expect(keys == ["n,s,list", "z,a", "n,s,list", "zeta,alpha,mid", "y,b"])
        let diff = try #require(harness.sink.updates().last { $0.kind == .diff })
        #expect(Array(diff.data.keys) == ["zoo", "apple", "middle"], "\(diff.data)")
        #expect(diff.data["apple"]?.objectValue.map { Array($0.keys) } == ["y", "b"])
        await harness.container.shutdown()
        await server.shutdown()
    }
}

@Suite("TypeScript mini-programs")
struct TypeScriptMiniProgramTests {
    static let files: [String: String] = [
        "app.json": #"{"pages": ["pages/index/index"]}"#,
        "app.ts": "interface Globals { started: number }\nconst globals: Globals = { started: 1 };\nApp({ globalData: globals });",
        "utils/format.ts": "export function label(n: number, unit?: string): string {\n  return `${n}${unit ?? ''}`;\n}\n",
        "pages/index/index.ts": """
        import { label } from '../../utils/format';
        type Data = { text: string; count: number };
        Page({
          data: { text: '', count: 0 } as Data,
          onLoad(query: Record<string, string>): void {
            const count: number = Number(query.n ?? 2);
            this.setData({ text: label(count, 'x'), count });
          },
        });
        """,
    ]

    func folder(_ root: URL, _ files: [String: String]) throws -> URL {
        let folder = root.appendingPathComponent("ts-\(UUID().uuidString.prefix(8))")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    @Test("a folder of .ts files runs in developer mode: app.ts, a .ts page, an imported .ts module; all pages pass")
    func developerMode() async throws {
        let harness = try await MiniProgramHarness.make()
        let source = try folder(harness.fixture.root, Self.files)
        let app = try await harness.container.launch(.directory(source), options: LaunchOptions(query: ["n": "3"]))
        let session = try await harness.container.miniProgram(app.instanceID)
        #expect(try await session.data()["text"] == "3x")
        #expect(try await harness.container.context(of: app.instanceID).evaluate("getApp().globalData.started") == 1)
        let report = try await harness.container.smokeTest(.directory(source))
        #expect(report.passed, "\(report)")
        await harness.container.shutdown()
    }

    @Test("pack ships .js with the types erased; the package runs")
    func packed() async throws {
        let harness = try await MiniProgramHarness.make()
        var files = Self.files
        files["manifest.json"] = #"{"appId": "ts-app", "name": "ts", "version": "1.0.0", "entry": "app.json"}"#
        let source = try folder(harness.fixture.root, files)
        let package = harness.fixture.root.appendingPathComponent("ts-app.zip")
        let manifest = try PackageBuilder.build(
            from: source, signingKey: harness.fixture.key, output: package, transform: TypeScriptModules.packageTransform)
        #expect(manifest.files.keys.sorted() == ["app.js", "app.json", "pages/index/index.js", "utils/format.js"])
        let app = try await harness.container.launch(.packageFile(package))
        #expect(try await harness.container.miniProgram(app.instanceID).data()["text"] == "2x")
        await harness.container.shutdown()
    }

    @Test("a construct that needs generated code fails the load with the .ts file and line")
    func refused() async throws {
        let harness = try await MiniProgramHarness.make()
        var files = Self.files
        files["utils/format.ts"] = "export const x = 1;\nnamespace Shapes { export const r = 1; }\nexport function label() { return ''; }\n"
        let source = try folder(harness.fixture.root, files)
        do {
            _ = try await harness.container.launch(.directory(source))
            Issue.record("the launch should fail")
        } catch let error as ContainerError {
            #expect(error.code == .scriptFailed)
            #expect("\(error)".contains("utils/format.ts:2: namespace blocks need generated code"), "\(error)")
        }
        await harness.container.shutdown()
    }
}

/// A host's own battery API, for `MiniProgramOptions.hostAPIs`.
struct BatteryPlugin: Plugin {
    let name = "battery"
    var methods: [PluginMethod] {
        [
            .async("battery.info", permission: nil) { call in
                ["level": 80, "isCharging": true, "asked": call.params["unit"] ?? .null]
            },
            .sync("battery.infoSync", permission: nil) { _ in ["level": 80] },
        ]
    }
}

@Suite("A host implements a documented API")
struct HostAPITests {
    @Test("hostAPIs route a documented name to the host's JSAPI, in each platform's shape; canIUse turns true")
    func hostImplementation() async throws {
        let harness = try await MiniProgramHarness.make {
            _ = try? $0.plugins.register(BatteryPlugin())
            $0.miniProgram.hostAPIs = ["getBatteryInfo": "battery.info", "getBatteryInfoSync": "battery.infoSync"]
        }
        let (session, context) = try await harness.launch(["pages/index.js": "Page({})"])
        let answers = try await context.evaluateAwaiting(
            """
            (async () => [
              await wx.getBatteryInfo({ unit: '%' }),
              await new Promise((resolve) => my.getBatteryInfo({ success: resolve })),
              wx.getBatteryInfoSync().level,
              wx.canIUse('getBatteryInfo'), wx.canIUse('getBatteryInfoSync'),
            ])()
            """)
        #expect(
            answers == [
                ["level": 80, "isCharging": true, "asked": "%", "errMsg": "getBatteryInfo:ok"],
                ["level": 80, "isCharging": true, "asked": nil], 80, true, true,
            ])
        #expect(try await session.statistics().unsupportedCalls.isEmpty)
        await harness.container.shutdown()
    }
}

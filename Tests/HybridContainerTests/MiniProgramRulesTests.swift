// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Mini-program rules: setData, pages, navigation, APIs, errors")
struct MiniProgramRulesTests {
    @Test("setData: path keys update this.data at once and send the least diff; callback after")
    func setDataPaths() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            Page({
              data: { user: { name: 'ann', age: 3 }, list: [{ name: 'x' }, { name: 'y' }], flag: false },
              run() {
                const seen = [];
                this.setData({ 'user.name': 'bob', 'list[1].name': 'z', 'deep.new[1].leaf': 1 }, () => seen.push('callback'));
                seen.push(this.data.user.name + ',' + this.data.list[1].name + ',' + JSON.stringify(this.data.deep));
                this.setData({ user: { name: 'bob', age: 4 } });       // only age changed
                this.setData({ flag: false });                           // nothing changed: no update
                this.data.list.push({ name: 'pushed' });                 // mutated in place, then set
                this.setData({ list: this.data.list });
                this.setData({ user: { name: 'bob' } });                 // a key removed: whole object
                globalThis.seen = seen;
              },
              bad() { this.setData({ 'a..b': 1 }); },
              splice() { this.$spliceData({ list: [1, 1, { name: 'new' }, { name: 'more' }] }); },
            });
            """
        ])
        harness.sink.removeAll()
        try await session.firePageEvent("run")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        let diffs = harness.sink.updates().filter { $0.kind == .diff }.map(\.data)
        #expect(
            diffs == [
                ["user.name": "bob", "list[1].name": "z", "deep.new[1].leaf": 1],
                ["user.age": 4],
                ["list[2]": ["name": "pushed"]],
                ["user": ["name": "bob"]],
            ])
        #expect(try await context.evaluate("seen.join('|')") == #"bob,z,{"new":[null,{"leaf":1}]}|callback"#)
        harness.sink.removeAll()
        try await session.firePageEvent("splice")
        #expect(harness.sink.updates().map(\.data) == [["list[1].name": "new", "list[2].name": "more", "list[3]": ["name": "pushed"]]])
        try await session.firePageEvent("bad")
        #expect(await harness.fixture.log.waitFor { $0.contains(#"setData: "a..b" is not a valid data path"#) })
        await harness.container.shutdown()
    }

    @Test("setData refuses paths through __proto__, constructor and prototype; nothing outside the page changes")
    func setDataPrototypePaths() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            Page({
              data: { list: [{ name: 'x' }] },
              attempt(key) {
                try { this.setData({ [key]: 'yes' }); return 'set'; } catch (error) { return String(error.message); }
              },
              run() {
                globalThis.outcomes = ['__proto__.polluted', 'constructor.prototype.polluted', 'list[0].__proto__.polluted',
                  'list.constructor.prototype.polluted'].map((key) => this.attempt(key));
                this.setData({ copied: JSON.parse('{"__proto__": {"polluted": "yes"}}') });
              },
            });
            """
        ])
        try await session.firePageEvent("run")
        let outcomes = try await context.evaluate("outcomes")
        guard case .array(let messages) = outcomes else { Issue.record("no outcomes: \(outcomes)"); return }
        #expect(messages.count == 4)
        for message in messages { #expect(message.stringValue?.contains("which a data path may not use") == true, "\(message)") }
        #expect(try await context.evaluate("({}).polluted === undefined && [].polluted === undefined") == true)
        #expect(try await context.evaluate("Object.getPrototypeOf(getCurrentPages()[0].data.copied) === Object.prototype") == true)
        #expect(try await context.evaluate("getCurrentPages()[0].data.copied.polluted === undefined") == true)
        await harness.container.shutdown()
    }

    @Test("each page instance has its own deep copy of data; handlers are bound")
    func copiesAndBinding() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            const shared = { items: [1] };
            Page({
              data: { shared },
              extra: { count: 0 },
              push() { this.data.shared.items.push(2); this.extra.count += 1; },
              detached() { const f = this.whoAmI; return f(); },
              whoAmI() { return this.route + '#' + this.$id; },
            });
            globalThis.shared = shared;
            """
        ])
        try await session.navigate(.navigateTo("/pages/a"))
        try await session.firePageEvent("push")
        let pages = try await session.pages()
        #expect(try await session.data(ofPage: pages[0].id)["shared"] == ["items": [1]])
        #expect(try await session.data(ofPage: pages[1].id)["shared"] == ["items": [1, 2]])
        #expect(try await context.evaluate("shared.items.length") == 1)
        #expect(try await context.evaluate("getCurrentPages()[0].extra.count") == 0)
        #expect(try await session.firePageEvent("detached") == .string("pages/a#\(pages[1].id)"))
        await harness.container.shutdown()
    }

    @Test("lifecycle order across launch, navigation, stop/start and destroy")
    func lifecycleOrder() async throws {
        let harness = try await MiniProgramHarness.make()
        let page = { (name: String) in
            "Page({ onLoad(q) { log('\(name) load ' + JSON.stringify(q)); }, onShow() { log('\(name) show'); }, onReady() { log('\(name) ready'); }, onHide() { log('\(name) hide'); }, onUnload() { log('\(name) unload'); } });"
        }
        let app = try await harness.container.launch(
            .directory(
                try harness.write(
                    [
                        "app.js": """
                        globalThis.events = []; globalThis.log = (e) => events.push(e);
                        App({ onLaunch(o) { log('app launch ' + o.path + ' ' + JSON.stringify(o.query)); }, onShow() { log('app show'); }, onHide() { log('app hide'); } });
                        """,
                        "pages/a.js": page("a"), "pages/b.js": page("b"), "pages/c.js": page("c"),
                    ], pages: ["pages/a", "pages/b", "pages/c"])), options: LaunchOptions(query: ["x": "1"]))
        let session = try await harness.container.miniProgram(app.instanceID)
        try await session.navigate(.navigateTo("b?k=v&e=%20"))
        try await session.navigate(.navigateTo("/pages/c"))
        try await session.navigate(.navigateBack(delta: 5))
        try await session.navigate(.redirectTo("/pages/b"))
        try await harness.container.stop(app.instanceID)
        try await harness.container.start(app.instanceID)
        try await session.navigate(.reLaunch("/pages/c"))
        let context = try await harness.container.context(of: app.instanceID)
        let events = try await context.evaluate("events", as: [String].self)
        try await harness.container.destroy(app.instanceID)
        #expect(
            events == [
                #"app launch pages/a {"x":"1"}"#, "app show", #"a load {"x":"1"}"#, "a show", "a ready",
                "a hide", #"b load {"k":"v","e":" "}"#, "b show", "b ready",
                "b hide", "c load {}", "c show", "c ready",
                "c hide", "c unload", "b unload", "a show",
                "a hide", "a unload", "b load {}", "b show", "b ready",
                "b hide", "app hide", "app show", "b show",
                "b hide", "b unload", "c load {}", "c show", "c ready",
            ])
        await harness.container.shutdown()
    }

    @Test("navigation rules: unknown pages, tab pages, going back from the root, a full stack")
    func navigationRules() async throws {
        let harness = try await MiniProgramHarness.make { $0.miniProgram.maximumPageStack = 3 }
        let (session, _) = try await harness.launch([
            "app.json":
                #"{"pages": ["pages/home", "pages/other", "pages/tab2"], "tabBar": {"list": [{"pagePath": "pages/home"}, {"pagePath": "pages/tab2"}]}}"#,
            "pages/home.js": "Page({});", "pages/other.js": "Page({});", "pages/tab2.js": "Page({});",
        ])
        await #expect(throws: MiniProgramError.navigationFailed(#"page "pages/nope" is not found in app.json"#)) {
            try await session.navigate(.navigateTo("/pages/nope"))
        }
        await #expect(throws: MiniProgramError.navigationFailed("can not navigateTo a tab page (pages/tab2); use switchTab")) {
            try await session.navigate(.navigateTo("/pages/tab2"))
        }
        await #expect(throws: MiniProgramError.navigationFailed("there is no page to go back to")) {
            try await session.navigate(.navigateBack(delta: 1))
        }
        await #expect(throws: MiniProgramError.navigationFailed("pages/other is not a tab page")) {
            try await session.navigate(.switchTab("/pages/other"))
        }
        await #expect(throws: MiniProgramError.navigationFailed(#""../../x" leaves the package"#)) {
            try await session.navigate(.navigateTo("../../x"))
        }
        try await session.navigate(.navigateTo("other"))
        try await session.navigate(.navigateTo("other"))
        await #expect(throws: MiniProgramError.navigationFailed("the page stack is full (3 pages)")) {
            try await session.navigate(.navigateTo("other"))
        }
        #expect(try await session.navigate(.switchTab("/pages/tab2")).map(\.route) == ["pages/tab2"])
        await harness.container.shutdown()
    }

    @Test("wx and my: platform shapes for results, errors and sync variants; aliases")
    func apiShapes() async throws {
        let harness = try await MiniProgramHarness.make { $0.miniProgram.namespaces["dd"] = .alipay }
        let (_, context) = try await harness.launch(["pages/a.js": "Page({});"])
        let script = """
            (async () => {
              const out = {};
              wx.setStorageSync('k', { v: 1 });
              out.wxSync = wx.getStorageSync('k');
              out.wxMissingSync = wx.getStorageSync('missing');
              out.mySync = my.getStorageSync({ key: 'k' });
              out.myMissingSync = my.getStorageSync({ key: 'missing' });
              out.wxGet = await wx.getStorage({ key: 'k' });
              out.wxMissing = await wx.getStorage({ key: 'missing' }).catch((e) => e);
              out.myMissing = await my.getStorage({ key: 'missing' });
              out.wxInfo = await wx.getStorageInfo();
              out.wxBadDomain = await wx.request({ url: 'http://example.com/x' }).catch((e) => e);
              out.myBadDomain = await my.request({ url: 'http://example.com/x' }).catch((e) => e);
              out.myBadKey = await my.setStorage({ key: 42 }).catch((e) => e);
              out.callbacks = await new Promise((resolve) => {
                const seen = [];
                const returned = wx.setStorage({ key: 'c', data: 1, success: (r) => seen.push(r.errMsg), complete: () => resolve(seen.concat(String(returned))) });
              });
              try { wx.getStorageSync(''); } catch (e) { out.wxThrown = e.errMsg; }
              try { my.getStorageSync({}); } catch (e) { out.myThrown = [e.error, e.errorMessage]; }
              out.alias = dd.getStorageSync({ key: 'k' }).data;
              out.system = Object.keys(wx.getSystemInfoSync()).sort();
              out.sdk = [my.SDKVersion, wx.getSystemInfoSync().SDKVersion];
              out.account = wx.getAccountInfoSync().miniProgram.envVersion;
              out.launch = wx.getLaunchOptionsSync().path;
              out.myCall = await my.call('getAppInfo');
              out.base64 = wx.arrayBufferToBase64(new Uint8Array([104, 105, 255]).buffer);
              out.bytes = Array.from(new Uint8Array(wx.base64ToArrayBuffer(out.base64)));
              out.tick = await new Promise((resolve) => wx.nextTick(() => resolve('ticked')));
              out.updateManager = [typeof wx.getUpdateManager().onUpdateReady, wx.canIUse('getUpdateManager')];
              out.baseInfo = wx.getAppBaseInfo().SDKVersion;
              return out;
            })()
            """
        let out = try await context.evaluateAwaiting(script)
        #expect(out["wxSync"] == ["v": 1])
        #expect(out["wxMissingSync"] == "")
        #expect(out["mySync"] == ["data": ["v": 1]])
        #expect(out["myMissingSync"] == ["data": .null])
        #expect(out["wxGet"] == ["data": ["v": 1], "errMsg": "getStorage:ok"])
        #expect(out["wxMissing"] == ["errMsg": "getStorage:fail data not found"])
        #expect(out["myMissing"] == ["data": .null])
        #expect(out["wxInfo"]?["errMsg"] == "getStorageInfo:ok")
        #expect(out["wxInfo"]?["keys"] == ["k"])
        #expect(out["wxBadDomain"]?["errMsg"]?.stringValue?.hasPrefix("request:fail request: example.com is not in") == true)
        #expect(out["myBadDomain"]?["error"] == 4)
        #expect(out["myBadKey"] == ["error": 2, "errorMessage": "key must be a non-empty string"])
        #expect(out["callbacks"] == ["setStorage:ok", "undefined"])
        #expect(out["wxThrown"] == "getStorageSync:fail key must be a non-empty string")
        #expect(out["myThrown"] == [2, "key must be a non-empty string"])
        #expect(out["alias"] == ["v": 1])
        #expect(
            out["system"]?.arrayValue?.count ?? 0 > 30
                && ["SDKVersion", "hostName", "language", "platform", "system", "version", "windowHeight", "safeArea"].allSatisfy {
                    out["system"]?.arrayValue?.contains(.string($0)) == true
                })
        #expect(out["sdk"] == [.string(MiniProgramOptions.alipayBaseLibrary), .string(PlatformAPIs.baseLibrary(for: .wechat))])
        #expect(out["account"] == "develop")
        #expect(out["launch"] == "pages/a")
        #expect(out["myCall"]?["source"] == "developer")
        #expect(out["base64"] == "aGn/")
        #expect(out["bytes"] == [104, 105, 255])
        #expect(out["tick"] == "ticked")
        // Unsupported, yet the documented object with its methods (they fail or do nothing).
        #expect(out["updateManager"] == ["function", false])
        #expect(out["baseInfo"] == .string(PlatformAPIs.baseLibrary(for: .wechat)))
        await harness.container.shutdown()
    }

    @Test("APIs the host does not provide fail clearly; canIUse tells; UI goes to the delegate")
    func unsupportedAndUI() async throws {
        struct Confirming: MiniProgramUIDelegate {
            let seen = RecordingRenderSink()
            func present(_ request: UIRequest) async -> UIAnswer {
                switch request.api {
                case "showModal", "prompt": return .confirmed(inputValue: "typed")
                case "showActionSheet": return .selected(index: 2)
                default: return .shown
                }
            }
        }
        let dismissing = try await MiniProgramHarness.make()
        let (_, plain) = try await dismissing.launch(["pages/a.js": "Page({});"])
        let answers = try await plain.evaluateAwaiting(
            """
            (async () => [
              await wx.login().catch((e) => e.errMsg),
              await my.tradePay({}).catch((e) => e.errorMessage),
              (() => { try { wx.onNetworkStatusChange(() => {}); return 'no throw'; } catch (e) { return e.errMsg; } })(),
              wx.canIUse('login'), wx.canIUse('request'), wx.canIUse('request.success.statusCode'), wx.canIUse('nope'),
              await wx.showModal({ title: 't' }), await wx.showActionSheet({ itemList: ['a'] }).catch((e) => e.errMsg),
              await my.confirm({}), await my.showActionSheet({ items: ['a'] }), await wx.showToast({ title: 'hi' }),
              await new Promise((resolve) => wx.createSelectorQuery().select('#x').boundingClientRect().exec(resolve)),
            ])()
            """)
        #expect(
            answers == [
                "login:fail not supported by this host", "my.tradePay is not supported by this host",
                "no throw",
                false, true, true, false,
                ["confirm": false, "cancel": true, "errMsg": "showModal:ok"], "showActionSheet:fail cancel",
                ["confirm": false], ["index": -1], ["errMsg": "showToast:ok"], [nil],
            ])
        await dismissing.container.shutdown()

        let confirming = try await MiniProgramHarness.make { $0.miniProgram.uiDelegate = Confirming() }
        let (_, context) = try await confirming.launch(["pages/a.js": "Page({});"])
        #expect(
            try await context.evaluateAwaiting(
                """
                (async () => [await wx.showModal({}), (await wx.showActionSheet({ itemList: [] })).tapIndex, await my.prompt({})])()
                """) == [
                    ["confirm": true, "cancel": false, "content": "typed", "errMsg": "showModal:ok"], 2,
                    ["ok": true, "inputValue": "typed"],
                ])
        await confirming.container.shutdown()
    }

    @Test("a page hook that throws reaches App.onError with file:line; the app keeps working")
    func hookErrors() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch(
            [
                "app.js":
                    "globalThis.errors = []; globalThis.rejections = []; App({ onError(message) { errors.push(message.split('\\n')[0]); }, onUnhandledRejection(event) { rejections.push(String(event.reason)); } });",
                "pages/a.js": "Page({});",
                "pages/b.js":
                    "Page({\n  onLoad() {\n    null.boom;\n  },\n  ok() { return 'still fine'; },\n  reject() { Promise.reject(new Error('nobody caught this')); },\n});",
            ], pages: ["pages/a", "pages/b"])
        try await session.navigate(.navigateTo("/pages/b"))
        #expect(await harness.fixture.log.waitFor { $0.contains("pages/b onLoad") && $0.contains("(at pages/b.js:3)") })
        #expect(try await harness.container.waitUntilSettled(session.app.instanceID, timeout: .seconds(60)), "never settled")
        #expect(try await context.evaluate("errors.length") == 1)
        #expect(try await context.evaluate("errors[0]").stringValue?.contains("TypeError") == true)
        #expect(try await session.firePageEvent("ok") == "still fine")
        try await session.firePageEvent("reject")
        #expect(await harness.fixture.log.waitFor { $0.contains("unhandled rejection") })
        #expect(try await harness.container.waitUntilSettled(session.app.instanceID, timeout: .seconds(60)), "never settled")
        #expect(try await context.evaluate("rejections.length") == 1)
        #expect(try await context.evaluate("rejections[0]").stringValue?.contains("nobody caught this") == true)
        #expect(try await context.evaluate("errors.length") == 1, "rejections go to onUnhandledRejection, not onError")
        await harness.container.shutdown()
    }

    @Test("App.onError hears what the watchdog stopped: a promise job, a timer, a page event's promise job")
    func watchdogStopsReachOnError() async throws {
        let harness = try await MiniProgramHarness.make {
            $0.executionTimeLimit = ContainerFixture.runawayLimit
            $0.runtimeStallLimit = .seconds(5)
        }
        let (session, context) = try await harness.launch([
            "app.js": """
            globalThis.errors = [];
            App({ onError(message) { errors.push(String(message)); },
                  onLaunch() { Promise.resolve().then(() => { while (true) {} }); } });
            """,
            "pages/a.js": """
            Page({
              onLoad() { setTimeout(() => { while (true) {} }, 0); },
              spin() { Promise.resolve().then(() => { for (;;) {} }); return 'returned'; },
            });
            """,
        ])
        let timerStopped = await harness.fixture.log.waitFor {
            $0.contains("setTimeout callback") && $0.contains("stopped by the watchdog")
        }
        #expect(timerStopped, "\(harness.fixture.log.all.joined(separator: "\n"))")
        #expect(try await harness.container.waitUntilSettled(session.app.instanceID, timeout: .seconds(60)), "never settled")
        #expect(try await context.evaluate("errors.filter((m) => m.includes('stopped by the watchdog')).length") == 2)
        #expect(try await session.firePageEvent("spin") == "returned")
        #expect(try await harness.container.waitUntilSettled(session.app.instanceID, timeout: .seconds(60)), "never settled")
        let errors = try await context.evaluate("errors")
        #expect(
            try await context.evaluate("errors.filter((m) => m.includes('stopped by the watchdog')).length") == 3,
            "errors: \(errors); log: \(harness.fixture.log.all.joined(separator: "\n"))")
        #expect(!harness.fixture.log.all.contains { $0.contains("is not a function") }, "\(harness.fixture.log.all)")
        await harness.container.shutdown()
    }

    @Test("a page that redirects to itself in onLoad is stopped as a navigation loop with a clear error; the app keeps serving")
    func navigationLoop() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch(
            [
                "app.js": "globalThis.errors = []; globalThis.loads = 0; App({ onError(message) { errors.push(String(message)); } });",
                "pages/a.js": """
                Page({ onLoad() { loads++; wx.redirectTo({ url: '/pages/a', fail: (e) => { globalThis.failure = e.errMsg; } }); } });
                """,
                "pages/b.js": "Page({ ok() { return 'fine'; } });",
                "pages/c.js": """
                globalThis.loadsC = 0;
                Page({ onLoad() { loadsC++; Promise.resolve().then(() =>
                  wx.redirectTo({ url: '/pages/c', fail: (e) => { globalThis.failureC = e.errMsg; } })); } });
                """,
            ], pages: ["pages/a", "pages/b", "pages/c"])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        let loads = try await context.evaluate("loads").numberValue ?? 0
        #expect(loads > 1 && loads <= 40, "\(loads) loads")
        #expect(try await context.evaluate("failure").stringValue?.contains("redirectTo:fail") == true)
        #expect(try await context.evaluate("failure").stringValue?.contains("navigation loop") == true)
        #expect(try await context.evaluate("errors.some((m) => m.includes('navigation loop'))") == true)
        #expect(try await context.evaluate("getCurrentPages().length") == 1)
        // Host navigations are turns of their own: many in a row are fine.
        for _ in 0..<40 { try await session.navigate(.redirectTo("/pages/b")) }
        #expect(try await session.firePageEvent("ok") == "fine")
        // A loop a host navigation starts in promise jobs (after the host's turn ended) is
        // counted from zero and stopped the same way.
        try await session.navigate(.redirectTo("/pages/c"))
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        let loadsC = try await context.evaluate("loadsC").numberValue ?? 0
        #expect(loadsC > 1 && loadsC <= 40, "\(loadsC) loads")
        #expect(try await context.evaluate("failureC").stringValue?.contains("navigation loop") == true)
        #expect(try await session.pages().map(\.route) == ["pages/c"])
        await harness.container.shutdown()
    }

    @Test("module errors at launch name the file and line; app.json problems are typed")
    func loadErrors() async throws {
        let harness = try await MiniProgramHarness.make()
        do {
            _ = try await harness.launch(["pages/a.js": "\nconst x = require('./missing');\nPage({});"])
            Issue.record("a missing module must fail the launch")
        } catch let error as ContainerError where error.code == .scriptFailed {
            let exception = try #require(error.scriptException)
            #expect(exception.message == "Cannot find module './missing' from 'pages/a.js'")
            #expect(exception.sourceURL == "pages/a.js")
            #expect(exception.line == 2)
        }
        do {
            _ = try await harness.launch(["app.js": "App({\n  onLaunch() {}\n  oops\n});", "pages/a.js": "Page({});"])
            Issue.record("a syntax error must fail the launch")
        } catch let error as ContainerError where error.code == .scriptFailed {
            let exception = try #require(error.scriptException)
            #expect(exception.name == "SyntaxError")
            #expect(exception.sourceURL == "app.js")
            #expect(exception.line == 3)
        }
        do {
            _ = try await harness.launch(["pages/a.js": "// no Page() here"])
            Issue.record("a page file without Page() must fail the launch")
        } catch let error as ContainerError where error.code == .scriptFailed {
            #expect(error.scriptException?.message == "pages/a.js did not call Page() or Component()")
        }
        do {
            _ = try await harness.launch(["app.json": #"{"pages": []}"#])
            Issue.record("app.json without pages must fail")
        } catch let error as ContainerError where error.code == .loadFailed {
            #expect(error.underlyingError as? MiniProgramConfigError == .noPages)
        }
        do {
            _ = try await harness.launch([
                "app.json": #"{"pages": ["pages/a"], "tabBar": {"list": [{"pagePath": "pages/zz"}]}}"#, "pages/a.js": "Page({});",
            ])
            Issue.record("a tab page that is not a page must fail")
        } catch let error as ContainerError where error.code == .loadFailed {
            #expect(error.underlyingError as? MiniProgramConfigError == .invalidField("tabBar.list", "pages/zz is not in pages"))
        }
        for root in ["../outside", "sub/../../x", "./sub", "a//b"] {
            do {
                _ = try await harness.launch([
                    "app.json": #"{"pages": ["pages/a"], "subpackages": [{"root": "\#(root)", "pages": ["pages/b"]}]}"#,
                    "pages/a.js": "Page({});",
                ])
                Issue.record("a subpackage root \(root) must fail")
            } catch let error as ContainerError where error.code == .loadFailed {
                guard case .invalidField(let field, _)? = error.underlyingError as? MiniProgramConfigError else {
                    Issue.record("\(root): \(error)")
                    continue
                }
                #expect(field == "subpackages.root", "\(root)")
            }
        }
        await harness.container.shutdown()
    }

    @Test("an <include> cycle is a template error with the cycle and file:line, not a stack overflow")
    func includeCycle() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, _) = try await harness.launch([
            "pages/a.js": "Page({});",
            "pages/a.wxml": "<view id=\"top\">a</view>\n<include src=\"../parts/b.wxml\"/>",
            "parts/b.wxml": "<view>b</view>\n\n<include src=\"../pages/a.wxml\"/>",
        ])
        let errors = try await session.templateDiagnostics().templateErrors
        #expect(
            errors.contains { $0.contains("parts/b.wxml:3: <include> cycle: pages/a.wxml → parts/b.wxml → pages/a.wxml") },
            "\(errors)")
        #expect(!errors.contains { $0.contains("RangeError") }, "\(errors)")
        await harness.container.shutdown()
    }
}

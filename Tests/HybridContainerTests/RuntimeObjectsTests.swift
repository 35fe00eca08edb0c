// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Plugins
import Testing

/// A test cloud: functions answered from Swift, one collection, files in memory.
struct EchoCloud: CloudService {
    func callFunction(_ call: CloudFunctionCall) async throws -> JSONValue {
        guard call.name == "sum" else { throw CloudError.notFound("function \(call.name)") }
        let numbers = call.data["numbers"]?.arrayValue?.compactMap(\.numberValue) ?? []
        return ["sum": .number(numbers.reduce(0, +)), "env": call.environment.map(JSONValue.string) ?? .null]
    }

    func database(_ request: CloudDatabaseRequest) async throws -> JSONValue {
        switch request.action {
        case "get" where request.documentID != nil: ["data": ["_id": .string(request.documentID ?? ""), "title": "one"]]
        case "get": ["data": [["_id": "a", "query": request.query, "limit": request.options["limit"] ?? .null]]]
        case "add": ["_id": "new-id"]
        default: throw CloudError.notOffered(request.action)
        }
    }

    func uploadFile(cloudPath: String, contents: Data, app: AppHandle) async throws -> String {
        "cloud://env/\(cloudPath)#\(contents.count)"
    }

    func downloadFile(fileID: String, app: AppHandle) async throws -> Data { Data("from the cloud".utf8) }
}

/// Objects real apps call methods on: wx.cloud, factories, this.animate, canvas nodes, and
/// Alipay component2 instances.
@Suite("Runtime objects: cloud, factories, animations, canvas, component2")
struct RuntimeObjectsTests {
    @Test("wx.cloud: callFunction answered from Swift, database, files; without a cloud every call says 'cloud not configured'")
    func cloud() async throws {
        let script = """
            (async () => {
              const out = {};
              wx.cloud.init({ env: 'test-env' });
              out.sum = await wx.cloud.callFunction({ name: 'sum', data: { numbers: [1, 2, 3] } });
              out.missing = await wx.cloud.callFunction({ name: 'nope' }).catch((e) => e.errMsg);
              const db = wx.cloud.database();
              out.doc = (await db.collection('todos').doc('x1').get()).data;
              out.query = (await db.collection('todos').where({ n: db.command.gt(2) }).limit(5).get()).data[0];
              out.add = (await db.collection('todos').add({ data: { t: 1 } }))._id;
              out.messages = [(await db.collection('todos').doc('x1').get()).errMsg,
                await db.collection('todos').doc('x1').remove().then(() => 'removed', (e) => e.errMsg)];
              const fs = wx.getFileSystemManager();
              fs.writeFileSync(wx.env.USER_DATA_PATH + '/up.txt', 'hello', 'utf8');
              out.upload = (await wx.cloud.uploadFile({ cloudPath: 'a/up.txt', filePath: wx.env.USER_DATA_PATH + '/up.txt' })).fileID;
              const down = await wx.cloud.downloadFile({ fileID: 'cloud://env/a/b.txt' });
              out.download = fs.readFileSync(down.tempFilePath, 'utf8');
              out.callback = await new Promise((resolve) => wx.cloud.callFunction({ name: 'sum', data: { numbers: [4] }, success: (r) => resolve(r.errMsg) }));
              return out;
            })()
            """
        let harness = try await MiniProgramHarness.make { _ = try? $0.plugins.register(CloudPlugin(service: EchoCloud())) }
        let (_, context) = try await harness.launch(["pages/a.js": "Page({});"])
        let out = try await context.evaluateAwaiting(script)
        #expect(out["sum"]?["result"] == ["sum": 6, "env": "test-env"])
        #expect(out["sum"]?["errMsg"] == "cloud.callFunction:ok")
        #expect(out["missing"] == "cloud.callFunction:fail function nope not found")
        #expect(out["doc"] == ["_id": "x1", "title": "one"])
        #expect(out["query"]?["query"] == ["n": ["$cmd": "gt", "value": 2]])
        #expect(out["query"]?["limit"] == 5)
        #expect(out["add"] == "new-id")
        #expect(out["messages"] == ["document.get:ok", "document.remove:fail remove is not offered by this host's cloud"])
        #expect(out["upload"] == "cloud://env/a/up.txt#5")
        #expect(out["download"] == "from the cloud")
        #expect(out["callback"] == "cloud.callFunction:ok")
        await harness.container.shutdown()

        let bare = try await MiniProgramHarness.make()
        let (bareSession, bareContext) = try await bare.launch(["pages/a.js": "wx.cloud.init(); Page({});"])
        let failure = try await bareContext.evaluateAwaiting(
            """
            (async () => {
              wx.cloud.callFunction({ name: 'ignored' });
              wx.cloud.database().collection('c').get();
              return wx.cloud.callFunction({ name: 'sum' }).then(() => 'ok', (e) => e.errMsg);
            })()
            """)
        #expect(failure.stringValue?.hasPrefix("cloud.callFunction:fail cloud not configured") == true, "\(failure)")
        #expect(await bareContext.waitUntilIdle(timeout: .seconds(60)))
        // Ignored failures of a host without a cloud are not the app's errors; they count as unsupported.
        #expect(!bare.fixture.log.all.contains { $0.contains("nhandled") }, "\(bare.fixture.log.all)")
        #expect(try await bareSession.statistics().unsupportedCalls["wx.cloud.callFunction"] == 2)
        await bare.container.shutdown()
    }

    @Test("factories have every documented method; unsupported ones fail in the platform's shape, never a TypeError")
    func factories() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/a.js": "Page({});"])
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const out = {};
              const audio = wx.getBackgroundAudioManager();
              audio.onCanplay(() => {});
              out.audio = typeof audio.play;
              const ad = wx.createInterstitialAd({ adUnitId: 'x' });
              out.ad = await ad.show().then(() => 'shown', (e) => e.errMsg);
              const animation = wx.createAnimation({ duration: 200 });
              out.animation = animation.translateX(10).opacity(0.5).step().rotate(45).step({ duration: 100 }).export();
              const canvas = wx.createOffscreenCanvas({ type: '2d', width: 50, height: 40 });
              const ctx = canvas.getContext('2d');
              ctx.fillStyle = 'red';
              ctx.fillRect(0, 0, 10, 10);
              out.offscreen = [canvas.width, canvas.height, canvas.drawing()];
              return out;
            })()
            """)
        #expect(out["audio"] == "function")
        #expect(out["ad"] == "InterstitialAd.show:fail not supported by this host")
        #expect(out["animation"]?["actions"]?.arrayValue?.count == 2)
        #expect(
            out["animation"]?["actions"]?[0]?["animates"] == [["type": "translateX", "args": [10]], ["type": "opacity", "args": [0.5]]])
        #expect(out["animation"]?["actions"]?[1]?["option"]?["transition"]?["duration"] == 100)
        #expect(out["offscreen"] == [50, 40, [["set", "fillStyle", "red"], ["fillRect", 0, 0, 10, 10]]])
        await harness.container.shutdown()
    }

    @Test("this.animate ends in the node's style and calls back; clearAnimation removes it; canvas nodes record what is drawn")
    func animateAndCanvas() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            Page({
              onReady() {
                this.animate('#box', [{ opacity: 1 }, { opacity: 0.5, translateX: 20, backgroundColor: '#f00' }], 300, () => {
                  globalThis.animated = true;
                });
                this.createSelectorQuery().select('#c').fields({ node: true, size: true }).exec((res) => {
                  const canvas = res[0].node;
                  const ctx = canvas.getContext('2d');
                  ctx.beginPath();
                  ctx.arc(10, 10, 5, 0, Math.PI);
                  ctx.fill();
                  globalThis.canvasInfo = [canvas.width, canvas.height, canvas.drawing().map((call) => call[0]),
                    typeof canvas.createImage, typeof canvas.requestAnimationFrame, ctx.measureText('abc').width > 0];
                });
              },
              clear() { this.clearAnimation('#box', { opacity: true }, () => { globalThis.cleared = true; }); },
              skyline() {
                const { shared, timing, derived } = wx.worklet;
                const width = shared(10);
                width.value = timing(80, { duration: 300 }, () => { globalThis.timed = true; });
                const label = derived(() => width.value + 'px');
                this.applyAnimatedStyle('#sky', () => ({ width: label.value }));
              },
              bump() { this.setData({ n: (this.data.n || 0) + 1 }); },
            });
            """,
            "pages/a.wxml":
                #"<view id="box" style="color: blue" data-n="{{n}}"/><canvas id="c" type="2d" width="120" height="80"/><view id="sky"/>"#,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await context.evaluate("animated") == true)
        #expect(
            try await session.query("#box").first?.style == "color: blue; opacity: 0.5; background-color: #f00; transform: translateX(20px)"
        )
        #expect(try await context.evaluate("canvasInfo") == [120, 80, ["beginPath", "arc", "fill"], "function", "function", true])
        // The end state stays when the node renders again, as on the platforms.
        try await session.firePageEvent("bump")
        #expect(try await session.query("#box").first?.dataset?["n"] == 1)
        #expect(
            try await session.query("#box").first?.style
                == "color: blue; opacity: 0.5; background-color: #f00; transform: translateX(20px)")
        try await session.firePageEvent("clear")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await context.evaluate("cleared") == true)
        try await session.firePageEvent("skyline")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query("#sky").first?.style == "width: 80px", "worklet animations end in their target")
        #expect(try await context.evaluate("timed") == true)
        #expect(try await session.query("#box").first?.style == "color: blue; background-color: #f00; transform: translateX(20px)")
        await harness.container.shutdown()
    }

    @Test(
        "Alipay component2: canIUse, read-only props updated by the parent, didUpdate(prevProps, prevData), $page, $id, is, ref, own properties"
    )
    func component2() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            Page({
              data: { n: 1 },
              saveChild(child) { this.child = child; },
              bump() { this.setData({ n: this.data.n + 1 }); },
            });
            """,
            "pages/a.json": #"{"usingComponents": {"my-item": "/components/item/item"}}"#,
            "pages/a.axml": #"<my-item ref="saveChild" count="{{n}}" data-kind="x"/>"#,
            "components/item/item.ts": """
            interface Props { count: number }
            const trail: string[] = [];
            Component({
              props: { count: 0 } as Props,
              data: { doubled: 0 },
              onInit() { trail.push('onInit ' + (this as any).props.count); },
              deriveDataFromProps(next: Props) { this.setData({ doubled: next.count * 2 }); },
              didMount() {
                const self = this as any;
                self.dataset = { own: true };
                self.cache = [];
                trail.push('didMount ' + self.is + ' ' + typeof self.$id + ' ' + (self.$page && self.$page.route));
                try { self.props.count = 99; } catch (e) { /* strict code throws */ }
                trail.push('props still ' + self.props.count);
                (globalThis as any).trail = trail;
                (globalThis as any).dataset = self.dataset;
              },
              didUpdate(prevProps: Props, prevData: { doubled: number }) {
                trail.push('didUpdate ' + prevProps.count + '->' + (this as any).props.count + ' prev doubled ' + prevData.doubled);
              },
              methods: { hello(): string { return 'hi from ' + (<any>this).props.count; } },
            });
            """,
            "components/item/item.axml": "<text class=\"v\">{{props.count}}/{{doubled}}</text>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await context.evaluate("my.canIUse('component2')") == true)
        try await session.firePageEvent("bump")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query("my-item >>> .v").first?.textContent == "2/4")
        #expect(
            try await context.evaluate("trail") == [
                "onInit 1", "didMount /components/item/item number pages/a", "props still 1", "didUpdate 1->2 prev doubled 2",
            ])
        #expect(try await context.evaluate("dataset") == ["own": true])
        #expect(try await context.evaluate("getCurrentPages()[0].child.hello()") == "hi from 2")
        await harness.container.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// What component libraries and compiled frameworks are made of: registrations through helpers,
/// decorators and re-exports; load failures that name their own file and line; WXS with ES5-era
/// names; the template grammar they use; compiled-framework templates and data paths.
@Suite("Component libraries and compiled frameworks")
struct ComponentLibraryTests {
    @Test("Component() belongs to the file being loaded: a helper module, a decorator, a re-export")
    func registrationContext() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            // A page registered by a helper in another module, as frameworks' page factories do.
            "pages/a.js": "require('../lib/page-factory').definePage({ data: { from: 'factory' } });",
            "lib/page-factory.js":
                "exports.definePage = (options) => Page(Object.assign({ onLoad() { globalThis.pageLoaded = this.route; } }, options));",
            "pages/a.json":
                #"{"usingComponents": {"lib-button": "lib-ui/button/index", "deco-card": "/deco/card", "re-tag": "/re/tag", "ts-panel": "/deco/panel"}}"#,
            "pages/a.wxml": #"<lib-button label="go"/><deco-card title="t"/><re-tag name="n"/><ts-panel title="p"/>"#,
            // The same decorator written in TypeScript source: erased and applied after the class.
            "deco/panel.ts": """
            import { wxComponent } from './decorators';
            @wxComponent()
            class Panel {
              properties = { title: String };
              data: { from: string } = { from: 'ts-decorator' };
            }
            """,
            "deco/panel.wxml": "<view class=\"panel\">{{from}}:{{title}}</view>",
            // A library's helper (`common/component.js`) calls Component() for the file that requires it.
            "miniprogram_npm/lib-ui/common/component.js": """
            function LibComponent(options) {
              options.options = Object.assign({ addGlobalClass: true }, options.options);
              Component(options);
            }
            module.exports = { LibComponent };
            """,
            "miniprogram_npm/lib-ui/button/index.js": """
            const { LibComponent } = require('../common/component');
            LibComponent({ properties: { label: String }, data: { kind: 'lib' } });
            """,
            "miniprogram_npm/lib-ui/button/index.json": #"{"component": true}"#,
            "miniprogram_npm/lib-ui/button/index.wxml": "<view class=\"btn\">{{kind}}:{{label}}</view>",
            // TypeScript's decorator helper, as `tsc` emits it: the decorator calls Component().
            "deco/decorators.js": """
            exports.wxComponent = function () {
              return function (target) { const o = new target(); Component({ properties: o.properties, data: o.data }); return target; };
            };
            """,
            "deco/card.js": """
            var __decorate = (this && this.__decorate) || function (decorators, target) {
              for (var i = decorators.length - 1; i >= 0; i--) target = decorators[i](target) || target;
              return target;
            };
            const { wxComponent } = require('./decorators');
            let Card = class Card { constructor() { this.properties = { title: String }; this.data = { from: 'decorator' }; } };
            Card = __decorate([wxComponent()], Card);
            """,
            "deco/card.wxml": "<view class=\"card\">{{from}}:{{title}}</view>",
            // A file that only re-exports another component file.
            "re/tag.js": "module.exports = require('./real-tag');",
            "re/real-tag.js": "Component({ properties: { name: String }, data: { from: 're-export' } });",
            "re/tag.wxml": "<text class=\"tag\">{{from}}:{{name}}</text>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query("lib-button >>> .btn").first?.textContent == "lib:go")
        #expect(try await session.query("deco-card >>> .card").first?.textContent == "decorator:t")
        #expect(try await session.query("re-tag >>> .tag").first?.textContent == "re-export:n")
        #expect(try await session.query("ts-panel >>> .panel").first?.textContent == "ts-decorator:p")
        #expect(try await context.evaluate("pageLoaded") == "pages/a")
        #expect(try await session.data()["from"] == "factory")
        #expect(try await session.templateDiagnostics().missingComponents.isEmpty)
        #expect(!harness.console.contains { $0.contains("did not call Component()") }, "\(harness.console)")
        await harness.container.shutdown()
    }

    @Test("relations: ancestor/descendant through slots (library style getters), parent/child, behavior targets, unlinked, export()")
    func relations() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            Page({ data: { tabs: ['one', 'two', 'three'] },
              drop() { this.setData({ tabs: ['one', 'three'] }); },
              read() { globalThis.exported = this.selectComponent('#tabs'); } });
            """,
            "pages/a.json": #"{"usingComponents": {"x-tabs": "/ui/tabs/index", "x-tab": "/ui/tab/index"}}"#,
            "pages/a.wxml": """
            <x-tabs id="tabs"><x-tab wx:for="{{tabs}}" wx:key="*this" title="{{item}}"/></x-tabs>
            """,
            // The way a popular library wires them: relations plus getters over getRelationNodes.
            "ui/relation.js": """
            const log = (line) => { (globalThis.trail = globalThis.trail || []).push(line); };
            exports.useParent = (name) => ({
              relations: { ['../' + name + '/index']: { type: 'ancestor', linked() { log('tab linked'); }, unlinked() { log('tab unlinked'); } } },
              mixin: Behavior({ created() { Object.defineProperty(this, 'parent', { get: () => this.getRelationNodes('../' + name + '/index')[0] }); } }),
            });
            exports.useChildren = (name) => ({
              relations: { ['../' + name + '/index']: { type: 'descendant', linked(t) { log('tabs got ' + t.data.title); }, unlinked(t) { log('tabs lost ' + t.data.title); } } },
              mixin: Behavior({ created() { Object.defineProperty(this, 'children', { get: () => this.getRelationNodes('../' + name + '/index') }); } }),
            });
            """,
            "ui/tabs/index.js": """
            const { useChildren } = require('../relation');
            const relation = useChildren('tab');
            Component({ relations: relation.relations, behaviors: [relation.mixin],
              export() { return { count: this.children.length, titles: this.children.map((c) => c.data.title) }; } });
            """,
            "ui/tabs/index.wxml": "<view class=\"tabs\"><slot/></view>",
            "ui/tab/index.js": """
            const { useParent } = require('../relation');
            const relation = useParent('tabs');
            Component({ properties: { title: String }, relations: relation.relations, behaviors: [relation.mixin],
              lifetimes: { ready() { (globalThis.parents = globalThis.parents || []).push(!!this.parent); } } });
            """,
            "ui/tab/index.wxml": "<text class=\"tab\">{{title}}</text>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(
            try await context.evaluate("trail") == [
                "tabs got one", "tab linked", "tabs got two", "tab linked", "tabs got three", "tab linked",
            ])
        #expect(try await context.evaluate("parents") == [true, true, true], "this.parent is there by ready")
        try await session.firePageEvent("read")
        #expect(try await context.evaluate("exported") == ["count": 3, "titles": ["one", "two", "three"]])
        try await session.firePageEvent("drop")
        try await session.firePageEvent("read")
        #expect(try await context.evaluate("trail.slice(6)") == ["tabs lost two", "tab unlinked"])
        #expect(try await context.evaluate("exported") == ["count": 2, "titles": ["one", "three"]])
        await harness.container.shutdown()
    }

    @Test("a component whose dependency throws while loading: its own message, the dependency's file and line, who needed it")
    func throwingDependency() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "pages/a.js": "Page({});",
            "pages/a.json": #"{"usingComponents": {"c-bad": "/c/bad"}}"#,
            "pages/a.wxml": "<c-bad/><view id=\"after\">still here</view>",
            "c/bad.js": "const helper = require('./helper');\nComponent({});",
            "c/helper.js": "const x = 1;\nthrow new RangeError('helper exploded');\n",
            "c/bad.wxml": "<view/>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        let reports = harness.fixture.log.all.joined(separator: "\n")
        #expect(
            reports.contains("c/bad.js (needed by pages/a) failed while loading: RangeError: helper exploded at c/helper.js:2"),
            "\(reports)")
        #expect(!reports.contains("did not call Component()"))
        await harness.container.shutdown()
    }

    @Test("an unsupported API's error points at the app's line that called it, not into the framework")
    func unsupportedAPILocation() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/a.js": "Page({\n  onLoad() {\n    wx.isVKSupport('v2');\n  },\n});\n"])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        let reports = harness.fixture.log.all.filter { $0.contains("isVKSupport:fail") }
        #expect(!reports.isEmpty && reports.allSatisfy { $0.contains("pages/a.js:3") && !$0.contains("api-support.js") }, "\(reports)")
        await harness.container.shutdown()
    }

    @Test("WXS with ES5-era names, template literals, Alipay style objects, spread data, repeated attributes")
    func grammar() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": "Page({ data: { x: 3, w: 50, obj: { b: 2, c: 3 }, cls: 'on' } });",
            "pages/a.wxml": """
            <wxs module="tools">
            var class = 'k-';
            function name(enum) { var extends = class + enum; return extends; }
            function kinds() { return [[].constructor, ({}).constructor, 'x'.constructor, (1).constructor, getDate().constructor,
              [].constructor === 'Array', ({}).constructor == 'Object'].join(','); }
            module.exports = { name: name, when: getDate(0).getTime(), re: getRegExp('a+', 'g').test('aa'), kinds: kinds };
            </wxs>
            <template name="pair"><text class="pair">{{a}}-{{b}}-{{c}}</text></template>
            <view id="wxs" class="{{tools.name(cls)}}">{{tools.when}} {{tools.re}}</view>
            <view id="kinds">{{tools.kinds()}}</view>
            <view id="literal" style="{{`width: ${w}px`}}">{{`x is ${x * 2}`}}</view>
            <view id="object" style="{{width: w + '%', backgroundColor: 'red'}}"/>
            <template is="pair" data="{{a: 1, ...obj}}"/>
            <image id="img" mode="aspectFit" mode="widthFix"/>
            """,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        let wxs = try #require(try await session.query("#wxs").first)
        #expect(wxs.classes == ["k-on"])
        #expect(wxs.textContent == "0 true")
        let kinds = try await session.query("#kinds").first?.textContent
        #expect(kinds == "Array,Object,String,Number,Date,true,true", "WXS constructors are type names")
        let literal = try #require(try await session.query("#literal").first)
        #expect(literal.style == "width: 50px")
        #expect(literal.textContent == "x is 6")
        #expect(try await session.query("#object").first?.style == "width: 50%; background-color: red")
        #expect(try await session.query(".pair").first?.textContent == "1-2-3")
        #expect(try await session.query("#img").first?.attributes?["mode"] == "widthFix")
        #expect(harness.console.contains { $0.contains("pages/a.wxml:") && $0.contains("mode twice") }, "\(harness.console)")
        #expect(try await session.templateDiagnostics().templateErrors.isEmpty)
        await harness.container.shutdown()
    }

    @Test("a webpack-style bundle: page and component files push chunks that a runtime loaded by app.js runs")
    func webpackChunks() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "app.js": "require('./runtime.js'); require('./common.js'); App({});",
            // The bundler's runtime: modules by id, chunks pushed onto wx.webpackJsonp run their entries at once.
            "runtime.js": """
            const modules = {}, cache = {};
            function load(id) { if (!cache[id]) { cache[id] = { exports: {} }; modules[id](cache[id], cache[id].exports, load); } return cache[id].exports; }
            const queue = wx.webpackJsonp = wx.webpackJsonp || [];
            const push = (chunk) => { Object.assign(modules, chunk[1]); (chunk[2] || []).forEach((entry) => load(entry[0])); };
            queue.forEach(push);
            queue.push = push;
            """,
            "common.js": """
            (wx.webpackJsonp = wx.webpackJsonp || []).push([['common'], {
              'shared/create': (module) => { module.exports = { page: (data) => Page({ data }), component: (data) => Component({ data }) }; },
            }]);
            """,
            "pages/a.js": """
            (wx.webpackJsonp = wx.webpackJsonp || []).push([['pages/a'], {
              'pages/a': (module, exports, require) => { require('shared/create').page({ title: 'from a chunk' }); },
            }, [['pages/a']]]);
            """,
            "pages/a.json": #"{"usingComponents": {"x-box": "/comps/box"}}"#,
            "pages/a.wxml": "<text id=\"t\">{{title}}</text><x-box/>",
            "comps/box.js": """
            (wx.webpackJsonp = wx.webpackJsonp || []).push([['comps/box'], {
              'comps/box': (module, exports, require) => { require('shared/create').component({ label: 'chunk component' }); },
            }, [['comps/box']]]);
            """,
            "comps/box.json": #"{"component": true}"#,
            "comps/box.wxml": "<text class=\"box\">{{label}}</text>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query("#t").first?.textContent == "from a chunk")
        #expect(try await session.query("x-box >>> .box").first?.textContent == "chunk component")
        await harness.container.shutdown()
    }

    @Test("a compiled-framework page: one bundle, generic recursive templates dispatched by name, .[n] data paths, custom-wrapper")
    func compiledFramework() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "app.json": #"{"pages": ["pages/index/index"], "usingComponents": {"custom-wrapper": "/custom-wrapper"}}"#,
            // The framework's runtime and every page in one bundle, as compiled frameworks ship.
            "runtime.js": """
            module.exports.createPage = function () {
              return {
                data: { root: { cn: [] } },
                onLoad() {
                  this.setData({ 'root.cn.[0]': { nn: 'view', cl: 'box', cn: [{ nn: '#text', v: 'hello' }] } });
                  this.setData({ 'root.cn.[0].cn.[1]': { nn: 'view', cl: 'inner', cn: [{ nn: '#text', v: 'deep' }] } });
                  this.setData({ 'root.cn.[1]': { nn: 'custom-wrapper', cn: [{ nn: '#text', v: 'wrapped' }] } });
                },
              };
            };
            """,
            "pages/index/index.js": "Page(require('../../runtime.js').createPage());",
            "pages/index/index.wxml": """
            <import src="../../base.wxml"/>
            <template is="tmpl_0_container" data="{{i: root}}"/>
            """,
            "base.wxml": """
            <template name="tmpl_0_container">
              <block wx:for="{{i.cn}}" wx:key="index"><template is="{{'tmpl_0_' + item.nn}}" data="{{i: item}}"/></block>
            </template>
            <template name="tmpl_0_view">
              <view class="{{i.cl}}"><block wx:for="{{i.cn}}" wx:key="index"><template is="{{'tmpl_0_' + item.nn}}" data="{{i: item}}"/></block></view>
            </template>
            <template name="tmpl_0_#text"><block>{{i.v}}</block></template>
            <template name="tmpl_0_custom-wrapper"><custom-wrapper i="{{i}}"/></template>
            """,
            "custom-wrapper.js": "Component({ properties: { i: Object } });",
            "custom-wrapper.json": #"{"component": true, "usingComponents": {"custom-wrapper": "./custom-wrapper"}}"#,
            "custom-wrapper.wxml": """
            <import src="./base.wxml"/>
            <view class="wrapper"><block wx:for="{{i.cn}}" wx:key="index"><template is="{{'tmpl_0_' + item.nn}}" data="{{i: item}}"/></block></view>
            """,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query(".box").first?.textContent == "hello deep")
        #expect(try await session.query(".box > .inner").first?.textContent == "deep")
        #expect(try await session.query("custom-wrapper >>> .wrapper").first?.textContent == "wrapped")
        #expect(try await session.templateDiagnostics().templateErrors.isEmpty)
        #expect(try await session.data()["root"]?["cn"]?[0]?["cn"]?[1]?["cl"] == "inner")
        await harness.container.shutdown()
    }
}

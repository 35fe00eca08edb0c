// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// The render layer's rules, one at a time: lifetime order, event phases across component
/// boundaries, slots, imports and includes, npm components, queries scoped to components, and
/// template errors with file:line that leave the rest of the page rendered.
@Suite("Render layer rules")
struct RenderLayerRulesTests {
    static let logger = """
        const log = (line) => { (globalThis.trail = globalThis.trail || []).push(line); };
        module.exports = log;
        """

    @Test("lifetimes: component created/attached before page onLoad, ready before onReady, detached when removed")
    func lifetimeOrder() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "log.js": Self.logger,
            "pages/a/a.js": """
            const log = require('../../log.js');
            Page({ data: { show: true },
              onLoad() { log('page onLoad'); }, onShow() { log('page onShow'); }, onReady() { log('page onReady'); },
              hideIt() { this.setData({ show: false }); } });
            """,
            "pages/a/a.json": #"{"usingComponents": {"c-box": "../../c/box"}}"#,
            "pages/a/a.wxml": #"<c-box wx:if="{{show}}" id="box" label="one"/><button id="hide" bindtap="hideIt">x</button>"#,
            "c/box.js": """
            const log = require('../log.js');
            Component({ properties: { label: String },
              lifetimes: { created() { log('box created'); }, attached() { log('box attached ' + this.data.label); },
                           ready() { log('box ready'); }, detached() { log('box detached'); } },
              pageLifetimes: { show() { log('box page show'); } } });
            """,
            "c/box.wxml": "<text>{{label}}</text>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        try await session.tap("#hide")
        #expect(
            try await context.evaluate("trail") == [
                "box created", "box attached one", "page onLoad", "page onShow", "box page show", "box ready", "page onReady",
                "box detached",
            ])
        #expect(try await session.query("c-box").isEmpty)
        await harness.container.shutdown()
    }

    @Test("events: capture then bubble, catch stops, mut-bind excludes, target retargeted at component boundaries, marks")
    func eventPhases() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "log.js": Self.logger,
            "pages/a/a.js": """
            const log = require('../../log.js');
            const record = (name) => function (e) { log(name + ' ' + e.type + ' target=' + e.target.id + ' current=' + e.currentTarget.id +
              ' mark=' + JSON.stringify(e.mark) + ' detail=' + JSON.stringify(e.detail)); };
            Page({ outerCapture: record('outerCapture'), outer: record('outer'), inner: record('inner'), mutOuter: record('mutOuter'),
              mutInner: record('mutInner'), caught: record('caught'), fromBox: record('fromBox') });
            """,
            "pages/a/a.json": #"{"usingComponents": {"c-box": "/c/box"}}"#,
            "pages/a/a.wxml": """
            <view id="outer" capture-bind:tap="outerCapture" bindtap="outer" mut-bind:tap="mutOuter" mark:level="outer">
              <view id="inner" bindtap="inner" mut-bind:tap="mutInner" mark:level="inner" mark:only="x">
                <c-box id="box" bind:ping="fromBox" bind:tap="fromBox"/>
              </view>
              <view id="stop" catchtap="caught"/>
            </view>
            """,
            "c/box.js": """
            Component({ methods: { press() { this.triggerEvent('ping', { n: 1 }); } } });
            """,
            "c/box.wxml": #"<button id="press" class="press" bindtap="press">p</button>"#,
        ])
        #expect(try await session.tap("#inner") == 4)
        #expect(try await session.tap("#stop") == 2)
        #expect(try await session.tap("#box >>> .press") == 6)
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(
            try await context.evaluate("trail") == [
                #"outerCapture tap target=inner current=outer mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"inner tap target=inner current=inner mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"mutInner tap target=inner current=inner mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"outer tap target=inner current=outer mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"outerCapture tap target=stop current=outer mark={"level":"outer"} detail={"x":0,"y":0}"#,
                #"caught tap target=stop current=stop mark={"level":"outer"} detail={"x":0,"y":0}"#,
                // Inside the component: its own handler, then the page sees the host as target.
                #"outerCapture tap target=box current=outer mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"fromBox ping target=box current=box mark={} detail={"n":1}"#,
                #"fromBox tap target=box current=box mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"inner tap target=box current=inner mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"mutInner tap target=box current=inner mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
                #"outer tap target=box current=outer mark={"level":"inner","only":"x"} detail={"x":0,"y":0}"#,
            ])
        await harness.container.shutdown()
    }

    @Test("slots (default and named), <import>, <include>, <template is>, npm components, queries in(component)")
    func composition() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a/a.js": """
            Page({ data: { rows: [{ t: 'r1' }, { t: 'r2' }], n: 3 },
              onReady() {
                const card = this.selectComponent('.card');
                const all = this.selectAllComponents('.card');
                this.createSelectorQuery().in(card).selectAll('.inside').fields({ id: true }).exec((res) => {
                  globalThis.result = { inside: res[0].map((x) => x.id), cards: all.length,
                    owner: card.selectOwnerComponent() === this, button: card.selectComponent('ui-button') !== null };
                });
              } });
            """,
            "pages/a/a.json": #"{"usingComponents": {"card": "../../c/card", "ui-button": "ui-kit/button"}}"#,
            "pages/a/a.wxml": """
            <import src="../../t/rows.wxml"/>
            <include src="../../t/header.wxml"/>
            <card class="card">
              <text slot="title">Title {{n}}</text>
              <template is="row" wx:for="{{rows}}" data="{{...item}}"/>
            </card>
            <ui-button id="ok">OK</ui-button>
            """,
            "t/rows.wxml": #"<template name="row"><view class="row">{{t}}</view></template>"#,
            "t/header.wxml": #"<template name="unused"><view/></template><view id="header">Header</view>"#,
            "c/card.js": "Component({ options: { multipleSlots: true } });",
            "c/card.json": #"{"component": true, "usingComponents": {"ui-button": "ui-kit/button"}}"#,
            "c/card.wxml": """
            <view class="frame"><slot name="title"/><view id="i1" class="inside"><slot/></view><view id="i2" class="inside"/>
            <ui-button>inner</ui-button></view>
            """,
            "miniprogram_npm/ui-kit/button/index.js": "Component({});",
            "miniprogram_npm/ui-kit/button/index.wxml": #"<view class="ui-button"><slot/></view>"#,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(
            try await session.treeText() == """
                page pages/a/a
                  view#header "Header"
                  card.card <c/card>
                    view.frame
                      text "Title 3"
                      view#i1.inside
                        view.row "r1"
                        view.row "r2"
                      view#i2.inside
                      ui-button <miniprogram_npm/ui-kit/button/index>
                        view.ui-button "inner"
                  ui-button#ok <miniprogram_npm/ui-kit/button/index>
                    view.ui-button "OK"

                """)
        #expect(try await context.evaluate("result") == ["inside": ["i1", "i2"], "cards": 1, "owner": true, "button": true])
        #expect(try await session.templateDiagnostics().isClean)
        await harness.container.shutdown()
    }

    @Test("a bad expression is an error with file:line; the rest of the page renders; the smoke run fails")
    func templateErrors() async throws {
        let harness = try await MiniProgramHarness.make()
        let files = [
            "pages/a/a.js": "Page({ data: { n: 1 } });",
            "pages/a/a.wxml": "<view id=\"ok\">{{n}}</view>\n<view>{{n +}}</view>\n<mystery-tag/>",
        ]
        let (session, context) = try await harness.launch(files)
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        let diagnostics = try await session.templateDiagnostics()
        #expect(diagnostics.templateErrors.count == 1)
        #expect(diagnostics.templateErrors.first?.hasPrefix("pages/a/a.wxml:2: ") == true, "\(diagnostics)")
        #expect(try await session.tree().children?.isEmpty == true, "a template that does not compile renders nothing")

        let report = try await harness.container.smokeTest(.directory(try harness.write(files)))
        #expect(!report.passed)
        #expect(report.failures.contains { $0.message.contains("pages/a/a.wxml:2") }, "\(report)")
        await harness.container.shutdown()
    }

    @Test("a first render stopped by the watchdog: the host is told the page did not finish loading; the app keeps serving")
    func firstRenderStopped() async throws {
        let harness = try await MiniProgramHarness.make { $0.executionTimeLimit = ContainerFixture.runawayLimit }
        let (session, context) = try await harness.launch([
            "pages/a/a.js": "Page({ data: { n: 1 } });",
            "pages/a/a.wxml": "<wxs module=\"spin\">for (;;) {}</wxs>\n<view>{{n}}</view>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        await #expect {
            try await session.treeText()
        } throws: { error in
            "\(error)".contains("the page pages/a/a did not finish loading (stopped before its first render")
        }
        #expect(try await context.evaluate("getCurrentPages().length") == 1)
        await harness.container.shutdown()
    }

    @Test("a page nested 100 elements deep reaches the host whole (tree, render sink); deeper than the bridge takes is an error")
    func deepTree() async throws {
        let harness = try await MiniProgramHarness.make()
        let nested =
            String(repeating: "<view class=\"n\">", count: 100) + "<text id=\"leaf\">deep</text>"
            + String(repeating: "</view>", count: 100)
        let (session, context) = try await harness.launch(["pages/a/a.js": "Page({});", "pages/a/a.wxml": nested])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        var depth = 0
        var node: RenderNode? = try await session.tree()
        while let current = node, let first = current.children?.first {
            depth += 1
            node = first
        }
        #expect(depth >= 100, "the host's tree is \(depth) deep")
        #expect(try await session.query("#leaf").first?.textContent == "deep")
        #expect(!harness.fixture.log.all.contains { $0.contains("nested deeper than") }, "\(harness.fixture.log.all)")
        await harness.container.shutdown()
    }

    @Test("hostile template values: no globals, no constructors, bounded ranges, errors per node")
    func hostileValues() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a/a.js": "globalThis.secret = 'leak'; Page({ data: { s: 'x', o: { toString: 1 }, big: 1e9, list: [1, 2] } });",
            "pages/a/a.wxml": """
            <view id="g">{{secret}}|{{globalThis}}|{{s.constructor}}</view>
            <view id="call">{{s.constructor.constructor('return secret')()}}</view>
            <view id="big"><text wx:for="{{big}}">.</text></view>
            <view id="after">{{list.length}}</view>
            <view id="push">{{list.push(4)}}</view>
            <view id="repeat">{{s.repeat(268435456)}}</view>
            <view id="allowed">{{s.toUpperCase()}}{{list.join('+')}}</view>
            """,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query("#g").first?.textContent == "||")
        #expect(try await session.query("#call").first?.children?.isEmpty == true, "the text whose expression failed is left out")
        #expect(try await session.query("#big").first?.children?.count == 0, "a range beyond the limit renders nothing")
        #expect(try await session.query("#after").first?.textContent == "2", "the refused push changed nothing")
        #expect(try await session.query("#allowed").first?.textContent == "X1+2")
        #expect(try await context.evaluate("getCurrentPages()[0].data.list.length") == 2)
        let errors = try await session.templateDiagnostics().templateErrors
        #expect(errors.contains { $0.contains("not a function") }, "\(errors)")
        #expect(errors.contains { $0.contains("wx:for") }, "\(errors)")
        #expect(errors.contains { $0.contains("push can not be called from a template") }, "\(errors)")
        #expect(errors.contains { $0.contains("repeat can not be called from a template") }, "\(errors)")
        await harness.container.shutdown()
    }

    @Test("wx.createSelectorQuery and wx.createIntersectionObserver answer from the top page's tree")
    func globalQueries() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "pages/a/a.js": """
            Page({ onReady() {
              wx.createSelectorQuery().selectAll('.x').boundingClientRect().select('#none').fields({ id: true })
                .exec((res) => { globalThis.q = { all: res[0].map((r) => [r.id, r.dataset.k === undefined ? null : r.dataset.k, r.width]),
                                                  none: res[1] }; });
              wx.createIntersectionObserver(this, { observeAll: true }).relativeToViewport()
                .observe('.x', (r) => { (globalThis.seen = globalThis.seen || []).push([r.id, r.intersectionRatio]); });
            } });
            """,
            "pages/a/a.wxml": #"<view id="a" class="x" data-k="{{1}}"/><view class="x y"/><view class="z"/>"#,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await context.evaluate("q") == ["all": [["a", 1, 0], ["", nil, 0]], "none": nil])
        #expect(try await context.evaluate("seen") == [["a", 0], ["", 0]])
        await harness.container.shutdown()
    }

    @Test("wx:for items a setData did not touch are kept; everything a change can reach renders again")
    func keptItems() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a/a.js": """
            Page({ data: { items: [{ n: 'a' }, { n: 'b' }, { n: 'c' }], selected: 'b', title: 't', rows: [1, 2], fields: ['x'] },
              one() { this.setData({ 'items[1].n': 'B' }); },
              // Changes data behind setData's back, as the platforms' view never sees either.
              sneak() { this.data.items[2].n = 'zzz'; this.setData({ 'items[1].n': 'b2' }); },
              pick() { this.setData({ selected: 'c' }); },
              retitle() { this.setData({ title: 'T' }); },
              append() { this.setData({ 'items[3]': { n: 'd' } }); },
              row() { this.setData({ 'rows[0]': 10 }); } });
            """,
            "pages/a/a.json": #"{"usingComponents": {"c-tag": "/c/tag"}}"#,
            "pages/a/a.wxml": """
            <view id="title">{{title}}</view>
            <view wx:for="{{items}}" wx:key="n" class="item {{item.n === selected ? 'on' : ''}}">{{index}}:{{item.n}}<c-tag wx:if="{{index === 0}}" label="{{item.n}}"/></view>
            <view wx:for="{{rows}}" class="row">{{item}} of {{rows.length}}</view>
            <input wx:for="{{fields}}" class="field" value="{{item}}"/>
            """,
            "c/tag.js": "Component({ properties: { label: String } });",
            "c/tag.wxml": "<text class=\"tag\">{{label}}</text>",
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        func items() async throws -> [String] {
            try await session.query(".item").map { ($0.classes.contains("on") ? "*" : "") + $0.textContent }
        }
        #expect(try await items() == ["0:a a", "*1:b", "2:c"])
        try await session.firePageEvent("one")
        let afterOne = try await items()
        #expect(afterOne == ["0:a a", "1:B", "2:c"], "\(afterOne)")
        try await session.firePageEvent("pick")
        #expect(try await items() == ["0:a a", "1:B", "*2:c"], "the item template reads `selected`: every item renders again")
        try await session.firePageEvent("retitle")
        #expect(try await session.query("#title").first?.textContent == "T")
        #expect(try await items() == ["0:a a", "1:B", "*2:c"])
        try await session.firePageEvent("append")
        #expect(try await items() == ["0:a a", "1:B", "*2:c", "3:d"])
        try await session.firePageEvent("row")
        #expect(try await session.query(".row").map(\.textContent) == ["10 of 2", "2 of 2"], "the body reads the list itself")
        // Only what setData sent reaches the tree (a kept item does not see a direct mutation).
        try await session.firePageEvent("sneak")
        #expect(try await items() == ["0:a a", "1:b2", "*2:c", "3:d"])
        // A kept node that changed after it was serialised (a field the user typed into).
        #expect(try await session.query(".field").first?.attributes?["value"] == "x")
        try await session.trigger(".field", event: "input", detail: ["value": "typed"])
        try await session.firePageEvent("retitle")
        #expect(try await session.query(".field").first?.attributes?["value"] == "typed")
        await harness.container.shutdown()
    }
}

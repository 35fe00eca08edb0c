// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

/// A mini-program in the shape of real ones, generated the same way on every run: 200 pages, a
/// component library of 60 components in `miniprogram_npm/bench-ui` registering through a helper
/// module (as Vant Weapp's `common/component.js` does), a 1 MB vendor bundle in the shape
/// compiled frameworks ship (a module table and a small loader), a page with a 2,000-line
/// template and one with a 5,000-item list. `home` is the first page: it uses 12 library
/// components and the vendor bundle.
enum LargeApp {
    static let appId = "large"
    static let pageCount = 200
    static let componentCount = 60
    static let homeComponents = 12

    /// The routes of `app.json`, first page first.
    static var routes: [String] {
        ["pages/home/index", "pages/long-list/index", "pages/big-template/index"]
            + (3..<pageCount).map { "pages/p\($0)/index" }
    }

    /// Writes the app's files (with a manifest) into `folder`. Its app.json asks for on-demand
    /// page code (`lazyCodeLoading`), as WeChat's project template does.
    static func write(to folder: URL) throws {
        var files: [String: String] = [:]
        files["manifest.json"] =
            #"{"appId": "\#(appId)", "name": "Large", "version": "1.0.0", "entry": "app.json", "permissions": ["storage"]}"#
        files["app.json"] =
            #"{"pages": [\#(routes.map { "\"\($0)\"" }.joined(separator: ", "))], "window": {"navigationBarTitleText": "Large"}, "lazyCodeLoading": "requiredComponents"}"#
        files["app.js"] = """
            const vendor = require('./vendor/bundle.js');
            const format = require('./utils/format.js');
            App({
              globalData: { theme: 'light', user: null },
              onLaunch() { this.globalData.started = format.stamp(vendor.require(1).value); },
            });
            """
        files["app.wxss"] = "page { font-size: 28rpx; color: #333; } .row { display: flex; padding: 16rpx; }"
        files["utils/format.js"] = """
            exports.stamp = (n) => 'v' + n;
            exports.price = (cents) => (cents / 100).toFixed(2);
            exports.title = (s) => s.charAt(0).toUpperCase() + s.slice(1);
            """
        files["vendor/bundle.js"] = vendorBundle()
        files["miniprogram_npm/bench-ui/common/component.js"] = """
            const { basic } = require('../mixins/basic');
            function BenchComponent(options) {
              options.externalClasses = (options.externalClasses || []).concat(['custom-class']);
              options.behaviors = [basic].concat(options.behaviors || []);
              options.options = Object.assign({ multipleSlots: true, addGlobalClass: true }, options.options);
              if (options.props) { options.properties = options.props; delete options.props; }
              Component(options);
            }
            module.exports = { BenchComponent };
            """
        files["miniprogram_npm/bench-ui/mixins/basic.js"] = """
            exports.basic = Behavior({ methods: { $emit(name, detail) { this.triggerEvent(name, detail); } } });
            """
        for index in 0..<componentCount { component(index, into: &files) }
        files["pages/home/index.js"] = """
            const vendor = require('../../vendor/bundle.js');
            const format = require('../../utils/format.js');
            Page({
              data: { title: 'Home', cards: [], tab: 0 },
              onLoad() {
                const cards = [];
                for (let i = 0; i < 20; i++) cards.push({ id: i, name: format.title('card ' + i), price: format.price(i * 199), tag: vendor.require(i % 50).value });
                this.setData({ cards });
              },
              onTab(event) { this.setData({ tab: event.detail.index }); },
            });
            """
        files["pages/home/index.json"] = usingComponents(Array(0..<homeComponents))
        files["pages/home/index.wxml"] = """
            <view class="home">
              <c0 title="{{title}}" custom-class="header"/>
              <c1 active="{{tab}}" bind:change="onTab"/>
              <view wx:for="{{cards}}" wx:key="id" class="row">
                <c2 title="{{item.name}}" value="{{item.price}}"/>
                <c3 wx:if="{{item.id % 2 === 0}}" title="{{item.tag}}"/>
                <c4 wx:else title="odd"/>
              </view>
              <c5 title="five"/><c6 title="six"/><c7 title="seven"/><c8 title="eight"/><c9 title="nine"/>
              <c10 title="ten"/><c11 title="eleven"/>
            </view>
            """
        files["pages/home/index.wxss"] = ".home { padding: 24rpx; } .header { font-weight: bold; }"
        files["pages/long-list/index.js"] = """
            Page({
              data: { items: [] },
              onLoad() {
                const items = [];
                for (let i = 0; i < 5000; i++) items.push({ id: i, name: 'item ' + i, done: i % 3 === 0 });
                this.setData({ items });
              },
            });
            """
        files["pages/long-list/index.wxml"] = """
            <view wx:for="{{items}}" wx:key="id" class="row {{item.done ? 'done' : ''}}"><text>{{item.name}}</text></view>
            """
        files["pages/big-template/index.js"] = "Page({ data: { n: 7, on: true, label: 'big' } });"
        files["pages/big-template/index.wxml"] = bigTemplate(lines: 2_000)
        for index in 3..<pageCount { page(index, into: &files) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The JavaScript the first page needs, in the order the app loads it: vendor bundle, app,
    /// the library's helper and mixin, the home page's components, the page (the baseline's input).
    static func firstPageScripts(in folder: URL) throws -> [(path: String, text: String)] {
        let paths =
            [
                "vendor/bundle.js", "utils/format.js", "app.js", "miniprogram_npm/bench-ui/mixins/basic.js",
                "miniprogram_npm/bench-ui/common/component.js",
            ]
            + (0..<homeComponents).map { "miniprogram_npm/bench-ui/c\($0)/index.js" } + ["pages/home/index.js"]
        return try paths.map { ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
    }

    private static func usingComponents(_ indexes: [Int]) -> String {
        let entries = indexes.map { #""c\#($0)": "bench-ui/c\#($0)/index""# }
        return #"{"usingComponents": {\#(entries.joined(separator: ", "))}}"#
    }

    private static func component(_ index: Int, into files: inout [String: String]) {
        let base = "miniprogram_npm/bench-ui/c\(index)/index"
        files[base + ".js"] = """
            const { BenchComponent } = require('../common/component');
            BenchComponent({
              props: { title: { type: String, value: '' }, value: { type: null, value: '' }, active: { type: Number, value: 0 } },
              data: { open: false, count: \(index) },
              observers: { title(next) { this.setData({ upper: String(next).toUpperCase() }); } },
              lifetimes: { attached() { this.setData({ ready: true }); } },
              methods: {
                toggle() { this.setData({ open: !this.data.open }); this.$emit('change', { index: this.data.count }); },
                format(v) { return '[' + v + ']'; },
              },
            });
            """
        files[base + ".json"] = #"{"component": true}"#
        files[base + ".wxml"] = """
            <view class="bench-c\(index) custom-class {{open ? 'open' : ''}}" bindtap="toggle">
              <text class="title">{{title}}</text>
              <text wx:if="{{value !== ''}}" class="value">{{value}}</text>
              <slot/>
            </view>
            """
        files[base + ".wxss"] = ".bench-c\(index) { display: flex; padding: \(index % 8)px; } .open { color: #07c160; }"
    }

    private static func page(_ index: Int, into files: inout [String: String]) {
        let base = "pages/p\(index)/index"
        let used = [index % componentCount, (index * 7) % componentCount, (index * 13) % componentCount]
        files[base + ".js"] = """
            const format = require('../../utils/format.js');
            Page({
              data: { title: 'Page \(index)', rows: [], loading: true },
              onLoad(query) {
                const rows = [];
                for (let i = 0; i < 12; i++) rows.push({ id: i, label: format.title('row ' + i), price: format.price(i * \(index)) });
                this.setData({ rows, loading: false });
              },
              onShow() { this.shown = (this.shown || 0) + 1; },
              onPullDownRefresh() { this.onLoad({}); },
              pick(event) { this.setData({ picked: event.currentTarget.dataset.id }); },
            });
            """
        files[base + ".json"] = usingComponents(used)
        files[base + ".wxml"] = """
            <view class="page-\(index)">
              <c\(used[0]) title="{{title}}"/>
              <view wx:if="{{loading}}">loading…</view>
              <block wx:else>
                <view wx:for="{{rows}}" wx:key="id" class="row" data-id="{{item.id}}" bindtap="pick">
                  <c\(used[1]) title="{{item.label}}" value="{{item.price}}"/>
                </view>
              </block>
              <c\(used[2]) title="footer \(index)"><text>slotted \(index)</text></c\(used[2])>
            </view>
            """
        files[base + ".wxss"] = ".page-\(index) { padding: \(index % 20)rpx; }"
    }

    /// About 1 MB of JavaScript in the shape of a compiled framework bundle: a table of module
    /// functions and a loader that runs one on first `require`.
    private static func vendorBundle() -> String {
        var text = """
            var __modules = {};
            var __cache = {};
            function __require(id) {
              if (__cache[id]) return __cache[id].exports;
              var module = __cache[id] = { exports: {} };
              __modules[id](module, module.exports, __require);
              return module.exports;
            }

            """
        var id = 0
        while text.utf8.count < 1_000_000 {
            text += """
                __modules[\(id)] = function (module, exports, require) {
                  'use strict';
                  var table\(id) = [\((0..<12).map { "\(($0 * 31 + id * 17) % 1000)" }.joined(separator: ", "))];
                  function map\(id)(list, fn) { var out = []; for (var i = 0; i < list.length; i++) out.push(fn(list[i], i)); return out; }
                  function reduce\(id)(list, fn, acc) { for (var i = 0; i < list.length; i++) acc = fn(acc, list[i]); return acc; }
                  function shape\(id)(input) {
                    if (input == null) return { kind: 'empty', id: \(id) };
                    if (typeof input === 'string') return { kind: 'text', length: input.length, id: \(id) };
                    return { kind: 'value', sum: reduce\(id)(map\(id)(table\(id), function (x) { return x * 2; }), function (a, b) { return a + b; }, 0) };
                  }
                  exports.value = \(id);
                  exports.shape = shape\(id);
                  exports.name = 'module-\(id)';
                };

                """
            id += 1
        }
        text += "module.exports = { require: __require, count: \(id) };\n"
        return text
    }

    /// A template of `lines` lines: nested views, conditions, bindings and text.
    private static func bigTemplate(lines: Int) -> String {
        var out: [String] = ["<view class=\"big\">"]
        var index = 0
        while out.count < lines - 1 {
            out.append("  <view class=\"section s\(index)\" wx:if=\"{{on}}\">")
            out.append("    <text class=\"label\">{{label}} \(index): {{n * \(index % 10)}}</text>")
            out.append("    <view class=\"row\" data-i=\"\(index)\"><text>cell {{n + \(index)}}</text></view>")
            out.append("  </view>")
            index += 1
        }
        out.append("</view>")
        return out.joined(separator: "\n")
    }
}

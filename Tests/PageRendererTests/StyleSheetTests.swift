// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import PageRenderer
import Testing

@Suite("WXSS / ACSS to CSS: imports, rpx, selectors")
struct StyleSheetTests {
    static func compiler(_ files: [String: String], width: Double = 375) -> StyleSheetCompiler {
        StyleSheetCompiler(screenWidth: width) { files[$0] }
    }

    @Test("rpx becomes px at 750rpx = screen width; text in strings and identifiers is left alone")
    func rpx() throws {
        let css = try #require(
            try Self.compiler([
                "a.wxss": #".bar { width: 750rpx; height: 200rpx; margin: -10rpx .5rpx 1.5RPX 0; content: "10rpx"; } .x10rpx { top: 0 }"#
            ])
            .compile("a.wxss"))
        #expect(css.contains("width: 375px"))
        #expect(css.contains("height: 100px"))
        #expect(css.contains("margin: -5px 0.25px 0.75px 0"))
        #expect(css.contains(#"content: "10rpx""#))
        #expect(css.contains(".x10rpx"))
        let wide = try #require(try Self.compiler(["a.wxss": ".a { width: 750rpx }"], width: 414).compile("a.wxss"))
        #expect(wide.contains("width: 414px"))
    }

    @Test("type selectors and page aim at the document's elements; classes, ids, attributes, pseudo-classes stay")
    func selectors() throws {
        let source = """
            page { background: #eee; }
            view.row > text, .card image:not(view) { color: red; }
            button[type="primary"]::after, #main:nth-child(odd) { color: blue; }
            @media (min-width: 300px) { view { margin: 0; } }
            @keyframes fade { from { opacity: 0; } to { opacity: 1; } }
            .q::before { content: "view { } @import 'x'; \\" 10rpx"; }
            """
        let css = try #require(try Self.compiler(["a.wxss": source]).compile("a.wxss"))
        #expect(css.contains("wx-page {"))
        #expect(css.contains("wx-view.row > wx-text, .card wx-image:not(wx-view)"))
        #expect(css.contains(#"wx-button[type="primary"]::after, #main:nth-child(odd)"#))
        #expect(css.contains("@media (min-width: 300px) { wx-view {"))
        #expect(css.contains("from { opacity: 0; } to { opacity: 1; }"))
        #expect(css.contains(#".q::before { content: "view { } @import 'x'; \" 10rpx"; }"#), "strings are left alone")
    }

    @Test("@import inlines relative, absolute and extension-less sheets once each; comments go, lines stay")
    func imports() throws {
        let files = [
            "pages/a/a.wxss": "/* header */ @import \"../../common/base.wxss\";\n@import '/common/colors';\n.a { color: red; }",
            "common/base.wxss": ".base { margin: 0; }",
            "common/colors.wxss": ".blue { color: blue; }",
        ]
        let css = try #require(try Self.compiler(files).compile("pages/a/a.wxss"))
        #expect(css.contains(".base { margin: 0; }"))
        #expect(css.contains(".blue { color: blue; }"))
        #expect(css.contains(".a { color: red; }"))
        #expect(!css.contains("header"))
        #expect(!css.contains("@import"))
        #expect(try Self.compiler([:]).compile("missing.wxss") == nil)
    }

    @Test("import cycles, missing imports, imports leaving the package and URLs are typed errors")
    func badImports() {
        #expect(throws: StyleSheetError.importCycle(["a.wxss", "b.wxss", "a.wxss"])) {
            try Self.compiler(["a.wxss": "@import 'b.wxss';", "b.wxss": "@import 'a.wxss';"]).compile("a.wxss")
        }
        #expect(throws: StyleSheetError.missingImport("c.wxss", importer: "a.wxss:2")) {
            try Self.compiler(["a.wxss": "\n@import 'c.wxss';"]).compile("a.wxss")
        }
        #expect(throws: StyleSheetError.importOutsidePackage("../../etc/x.wxss", importer: "a.wxss:1")) {
            try Self.compiler(["a.wxss": "@import '../../etc/x.wxss';"]).compile("a.wxss")
        }
        #expect(throws: StyleSheetError.importOutsidePackage("https://example.com/a.wxss", importer: "a.wxss:1")) {
            try Self.compiler(["a.wxss": "@import url(https://example.com/a.wxss);"]).compile("a.wxss")
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// `"lazyCodeLoading": "requiredComponents"` (WeChat): a page's file runs when the page is first
/// opened, not at launch; without it every main-package page file runs at launch.
@Suite("On-demand page code")
struct LazyCodeLoadingTests {
    static let files = [
        "pages/a.js": "globalThis.loaded = (globalThis.loaded || []).concat('a'); Page({});",
        "pages/b.js": "globalThis.loaded = (globalThis.loaded || []).concat('b'); Page({ data: { n: 1 } });",
        "pages/b.wxml": "<view>{{n}}</view>",
    ]

    @Test("with lazyCodeLoading a page's file runs on its first visit, once; without it, all run at launch")
    func pageFilesRunWhenNeeded() async throws {
        let harness = try await MiniProgramHarness.make()
        var lazy = Self.files
        lazy["app.json"] = #"{"pages": ["pages/a", "pages/b"], "lazyCodeLoading": "requiredComponents"}"#
        let (session, context) = try await harness.launch(lazy)
        #expect(try await context.evaluate("globalThis.loaded") == ["a"])
        try await session.navigate(.navigateTo("/pages/b"))
        try await session.navigate(.navigateBack(delta: 1))
        try await session.navigate(.navigateTo("/pages/b"))
        #expect(try await context.evaluate("globalThis.loaded") == ["a", "b"])
        #expect(try await session.data()["n"] == 1)

        let (_, eager) = try await harness.launch(Self.files, pages: ["pages/a", "pages/b"])
        #expect(try await eager.evaluate("globalThis.loaded") == ["a", "b"])
        await harness.container.shutdown()
    }
}

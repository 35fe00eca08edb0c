// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

/// Makes a page's ``PageDocument`` from its rendered tree and what the app's pages are drawn
/// from: `app.wxss`/`app.acss`, the page's and each component's sheet (with its isolation from
/// its JSON), the navigation and tab bars from `app.json` and the page's JSON.
public struct PageDocumentBuilder: Sendable {
    public let source: PageSource

    public init(source: PageSource) {
        self.source = source
    }

    private var styles: StyleSheetCompiler {
        StyleSheetCompiler(screenWidth: source.device.screenWidth) { [source] path in
            guard source.packageFileExists(path) else { return nil }
            return String(decoding: try source.packageFile(path), as: UTF8.self)
        }
    }

    /// WeChat packages style with `.wxss`, Alipay's with `.acss`.
    func sheetExtension(route: String) -> String {
        source.packageFileExists("app.acss") || source.packageFileExists(route + ".acss") ? "acss" : "wxss"
    }

    /// The document of `tree` (a page's root).
    /// - Throws: ``StyleSheetError`` for a sheet that cannot be read.
    public func document(for tree: RenderNode) throws -> PageDocument {
        let route = tree.route ?? source.config.entryPage
        let styles = self.styles
        let sheetExtension = sheetExtension(route: route)
        var components: [String: ComponentSheet] = [:]
        for (base, isolation) in Self.components(in: tree) {
            components[base] = try componentSheet(base, route: route, scriptIsolation: isolation)
        }
        return PageDocument(
            tree: tree, device: source.device, chrome: chrome(for: route),
            appCSS: try styles.compile("app." + sheetExtension) ?? "",
            pageCSS: try styles.compile(route + "." + sheetExtension) ?? "", components: components)
    }

    /// One component's sheet and isolation (its JSON's, else what its JS set).
    func componentSheet(_ base: String, route: String, scriptIsolation: String?) throws -> ComponentSheet {
        let css = try styles.compile(base + "." + sheetExtension(route: route)) ?? ""
        let isolation =
            componentIsolation(base) ?? scriptIsolation.flatMap(ComponentSheet.Isolation.init(rawValue:)) ?? .isolated
        return ComponentSheet(css: css, isolation: isolation)
    }

    /// The custom components of a tree by base path, with the isolation their JS set.
    static func components(in node: RenderNode) -> [String: String?] {
        var found: [String: String?] = [:]
        func visit(_ node: RenderNode) {
            if let base = node.component, found[base] == nil { found[base] = .some(node.styleIsolation) }
            for child in node.children ?? [] { visit(child) }
        }
        visit(node)
        return found
    }

    private func json(_ path: String) -> JSONValue? {
        guard source.packageFileExists(path), let data = try? source.packageFile(path) else { return nil }
        return try? JSONValue(parsing: data)
    }

    /// `styleIsolation` / `addGlobalClass` from the component's JSON (`options` or top level).
    private func componentIsolation(_ base: String) -> ComponentSheet.Isolation? {
        guard let json = json(base + ".json") else { return nil }
        let options = json["options"] ?? [:]
        if let name = options["styleIsolation"]?.stringValue ?? json["styleIsolation"]?.stringValue,
            let isolation = ComponentSheet.Isolation(rawValue: name)
        {
            return isolation
        }
        if options["addGlobalClass"]?.boolValue == true || json["addGlobalClass"]?.boolValue == true { return .applyShared }
        return nil
    }

    /// The navigation and tab bars from `app.json`'s `window` and `tabBar` and the page's JSON.
    func chrome(for route: String) -> PageChrome {
        var chrome = PageChrome()
        let window = source.config.raw["window"] ?? [:]
        let page = json(route + ".json") ?? [:]
        func value(_ key: String) -> String? { page[key]?.stringValue ?? window[key]?.stringValue }
        chrome.title = value("navigationBarTitleText") ?? value("defaultTitle") ?? ""
        if let color = value("navigationBarBackgroundColor") ?? value("titleBarColor") { chrome.navigationBarColor = color }
        if value("navigationBarTextStyle") == "black" { chrome.navigationBarTextColor = "#000000" }
        chrome.customNavigation = value("navigationStyle") == "custom"
        if let background = value("backgroundColor") { chrome.backgroundColor = background }
        if let tabBar = source.config.raw["tabBar"], let list = tabBar["list"]?.arrayValue ?? tabBar["items"]?.arrayValue {
            let routes = list.map { ($0["pagePath"]?.stringValue ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/")) }
            if let selected = routes.firstIndex(of: route) {
                chrome.tabs = list.map { $0["text"]?.stringValue ?? $0["name"]?.stringValue ?? "" }
                chrome.selectedTab = selected
                if let color = tabBar["color"]?.stringValue ?? tabBar["textColor"]?.stringValue { chrome.tabColor = color }
                if let color = tabBar["selectedColor"]?.stringValue { chrome.tabSelectedColor = color }
                if let color = tabBar["backgroundColor"]?.stringValue { chrome.tabBarColor = color }
            }
        }
        return chrome
    }
}

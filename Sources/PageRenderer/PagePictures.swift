// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

extension MiniProgramSession {
    /// A PNG of the current page (or `pageId`) as the device shows it: `screenWidth × pixelRatio`
    /// by `screenHeight × pixelRatio` pixels, with the navigation bar and tab bar, drawn by
    /// `engine` from the page's rendered tree and the app's, the page's and its components'
    /// WXSS/ACSS.
    /// - Throws: ``PageEngineError`` (the engine's failures are the picture's; the app runs on),
    ///   ``StyleSheetError`` for a sheet that cannot be read, what `tree(ofPage:)` throws.
    public func screenshot(engine: PageEngine, page pageId: Int? = nil) async throws -> Data {
        let document = try await pageDocument(page: pageId)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hc-picture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let images = PictureResources(folder: folder, session: self)
        var drawn = document
        drawn.imageURL = { src, route in images.url(for: src, route: route) }
        let html = drawn.html
        let file = folder.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: file)
        return try await engine.picture(
            of: file, width: device.screenWidth, height: device.screenHeight, scale: device.pixelRatio)
    }

    /// The page as a document (tree, styles, chrome), before any picture is taken.
    public func pageDocument(page pageId: Int? = nil) async throws -> PageDocument {
        let tree = try await tree(ofPage: pageId)
        let route = tree.route ?? config.entryPage
        let styles = StyleSheetCompiler(screenWidth: device.screenWidth) { [self] path in
            guard packageFileExists(path) else { return nil }
            return String(decoding: try packageFile(path), as: UTF8.self)
        }
        let sheetExtension = packageFileExists("app.acss") || packageFileExists(route + ".acss") ? "acss" : "wxss"
        var components: [String: ComponentSheet] = [:]
        for base in Set(Self.componentPaths(in: tree)) {
            let css = try styles.compile(base + "." + sheetExtension) ?? ""
            components[base] = ComponentSheet(css: css, isolation: componentIsolation(base))
        }
        return PageDocument(
            tree: tree, device: device, chrome: chrome(for: route),
            appCSS: try styles.compile("app." + sheetExtension) ?? "",
            pageCSS: try styles.compile(route + "." + sheetExtension) ?? "", components: components)
    }

    static func componentPaths(in node: RenderNode) -> [String] {
        (node.component.map { [$0] } ?? []) + (node.children ?? []).flatMap { componentPaths(in: $0) }
    }

    private func json(_ path: String) -> JSONValue? {
        guard packageFileExists(path), let data = try? packageFile(path) else { return nil }
        return try? JSONValue(parsing: data)
    }

    /// `styleIsolation` / `addGlobalClass` from the component's JSON (`options` or top level).
    private func componentIsolation(_ base: String) -> ComponentSheet.Isolation {
        guard let json = json(base + ".json") else { return .isolated }
        let options = json["options"] ?? [:]
        if let name = options["styleIsolation"]?.stringValue ?? json["styleIsolation"]?.stringValue,
            let isolation = ComponentSheet.Isolation(rawValue: name)
        {
            return isolation
        }
        if options["addGlobalClass"]?.boolValue == true || json["addGlobalClass"]?.boolValue == true { return .applyShared }
        return .isolated
    }

    /// The navigation and tab bars from `app.json`'s `window` and `tabBar` and the page's JSON.
    func chrome(for route: String) -> PageChrome {
        var chrome = PageChrome()
        let window = config.raw["window"] ?? [:]
        let page = json(route + ".json") ?? [:]
        func value(_ key: String) -> String? { page[key]?.stringValue ?? window[key]?.stringValue }
        chrome.title = value("navigationBarTitleText") ?? value("defaultTitle") ?? ""
        if let color = value("navigationBarBackgroundColor") ?? value("titleBarColor") { chrome.navigationBarColor = color }
        if value("navigationBarTextStyle") == "black" { chrome.navigationBarTextColor = "#000000" }
        chrome.customNavigation = value("navigationStyle") == "custom"
        if let background = value("backgroundColor") { chrome.backgroundColor = background }
        if let tabBar = config.raw["tabBar"], let list = tabBar["list"]?.arrayValue ?? tabBar["items"]?.arrayValue {
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

/// Package images copied next to the page's document, so the engine reads them from there
/// and nothing else of the machine. Remote images are drawn as placeholders.
///
/// `@unchecked Sendable`: the copied-names table is guarded by `lock`.
final class PictureResources: @unchecked Sendable {
    private let folder: URL
    private let session: MiniProgramSession
    private let lock = NSLock()
    private var copied: [String: String] = [:]

    init(folder: URL, session: MiniProgramSession) {
        self.folder = folder
        self.session = session
    }

    func url(for src: String, route: String) -> String? {
        guard !src.contains("://"), !src.hasPrefix("//"), !src.hasPrefix("data:") else { return nil }
        let clean = String(src.split(separator: "?", maxSplits: 1).first ?? "")
        guard let path = PackagePath.resolve(clean, from: route, defaultExtension: "") else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let name = copied[path] { return name }
        guard session.packageFileExists(path), let data = try? session.packageFile(path) else { return nil }
        let name = "image-\(copied.count)." + ((path as NSString).pathExtension.isEmpty ? "bin" : (path as NSString).pathExtension)
        guard (try? data.write(to: folder.appendingPathComponent(name))) != nil else { return nil }
        copied[path] = name
        return name
    }
}

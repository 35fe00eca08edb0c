// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// What a mini-program's `app.json` says about its pages, read before any of its code runs.
///
/// Follows the public Alipay and WeChat formats: `pages` (the first is the home page unless
/// `entryPagePath` says otherwise), `subpackages`/`subPackages` (`root` + `pages`), `tabBar.list`
/// (`pagePath`), `window`. Routes are package-relative paths without `.js` (`pages/index/index`).
public struct MiniProgramConfig: Sendable, Hashable {
    /// Routes of the main package, in `app.json` order.
    public let pages: [String]
    /// Routes of subpackages (root joined with each page), in `app.json` order.
    public let subpackagePages: [String]
    /// Routes of tab pages.
    public let tabPages: [String]
    /// The route opened at launch.
    public let entryPage: String
    /// The whole `app.json`, handed to the app's JavaScript.
    public let raw: JSONValue

    /// Every page route: main package first, then subpackages.
    public var allPages: [String] { pages + subpackagePages }

    /// Parses `app.json`.
    /// - Throws: `MiniProgramConfigError` naming the field that is wrong.
    public static func parse(_ data: Data) throws(MiniProgramConfigError) -> MiniProgramConfig {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw .invalidJSON("\(error)")
        }
        guard case .object(let root) = json else { throw .invalidJSON("the top level must be an object") }
        guard case .array(let list)? = root["pages"], !list.isEmpty else { throw .noPages }
        let pages = try list.map { value throws(MiniProgramConfigError) in try route(value, field: "pages") }
        var subpackagePages: [String] = []
        if case .array(let packages)? = root["subpackages"] ?? root["subPackages"] {
            for package in packages {
                guard case .object(let fields) = package, case .string(let rawRoot)? = fields["root"],
                    case .array(let subpages)? = fields["pages"]
                else { throw .invalidField("subpackages", "each entry needs a root string and a pages list") }
                // The root names a folder of the package: no `..`, `.` or empty segments either.
                let prefix = try route(.string(rawRoot), field: "subpackages.root")
                for page in subpages {
                    subpackagePages.append(prefix + "/" + (try route(page, field: "subpackages[\(prefix)].pages")))
                }
            }
        }
        var tabPages: [String] = []
        if case .object(let tabBar)? = root["tabBar"], case .array(let items)? = tabBar["list"] ?? tabBar["items"] {
            for item in items {
                guard case .object(let fields) = item, let path = fields["pagePath"] else {
                    throw .invalidField("tabBar.list", "each item needs a pagePath")
                }
                let tab = try route(path, field: "tabBar.list.pagePath")
                guard pages.contains(tab) else { throw .invalidField("tabBar.list", "\(tab) is not in pages") }
                tabPages.append(tab)
            }
        }
        var entryPage = pages[0]
        if let entry = root["entryPagePath"] {
            entryPage = try route(entry, field: "entryPagePath")
            guard pages.contains(entryPage) || subpackagePages.contains(entryPage) else {
                throw .invalidField("entryPagePath", "\(entryPage) is not a page")
            }
        }
        let all = pages + subpackagePages
        if let duplicate = Dictionary(grouping: all, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw .invalidField("pages", "\(duplicate) is listed twice")
        }
        return MiniProgramConfig(pages: pages, subpackagePages: subpackagePages, tabPages: tabPages, entryPage: entryPage, raw: json)
    }

    private static func route(_ value: JSONValue, field: String) throws(MiniProgramConfigError) -> String {
        guard case .string(var text) = value else { throw .invalidField(field, "page paths are strings") }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if text.hasSuffix(".js") { text.removeLast(3) }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        guard !text.isEmpty, !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw .invalidField(field, "\"\(text)\" is not a package-relative page path")
        }
        return text
    }
}

/// Why an `app.json` was refused.
public enum MiniProgramConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidJSON(String)
    case noPages
    case invalidField(String, String)

    public var description: String {
        switch self {
        case .invalidJSON(let reason): "app.json is not valid JSON: \(reason)"
        case .noPages: "app.json lists no pages (\"pages\" must be a non-empty array)"
        case .invalidField(let field, let reason): "app.json \(field): \(reason)"
        }
    }
}

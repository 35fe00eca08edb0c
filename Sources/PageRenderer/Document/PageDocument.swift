// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

/// How the device's chrome around a page looks: the navigation bar (from `window` in
/// `app.json` and the page's JSON) and the tab bar.
public struct PageChrome: Sendable, Hashable {
    /// `navigationBarTitleText`.
    public var title: String = ""
    /// `navigationBarBackgroundColor` (platform default `#000000`).
    public var navigationBarColor: String = "#000000"
    /// `navigationBarTextStyle`: `white` (default) or `black`.
    public var navigationBarTextColor: String = "#ffffff"
    /// `navigationStyle: custom`: no bar; the page starts at the top of the screen.
    public var customNavigation = false
    /// `backgroundColor` of the window.
    public var backgroundColor: String = "#ffffff"
    /// The tab bar's items' texts when the page is a tab page, with the selected index.
    public var tabs: [String] = []
    public var selectedTab = 0
    public var tabColor: String = "#000000"
    public var tabSelectedColor: String = "#07c160"
    public var tabBarColor: String = "#ffffff"

    public init() {}
}

/// One custom component's styles and how they meet the page's (`styleIsolation`).
public struct ComponentSheet: Sendable, Hashable {
    public enum Isolation: String, Sendable, Hashable {
        /// The default: the component's and the page's class rules do not reach each other.
        case isolated
        /// The page's and app's rules reach into the component (`apply-shared`, `addGlobalClass`).
        case applyShared = "apply-shared"
        /// Both ways (`shared`); drawn as `apply-shared` plus the component's rules in the page.
        case shared
    }

    public var css: String
    public var isolation: Isolation

    public init(css: String, isolation: Isolation) {
        self.css = css
        self.isolation = isolation
    }
}

/// A page's rendered tree as an HTML document a browser engine draws: an element per node
/// (``ElementNames``), a shadow root per custom component (its styles stay inside, as the
/// platforms isolate them), the device's navigation and tab bars around the page.
public struct PageDocument: Sendable {
    public var tree: RenderNode
    public var device: VirtualDevice
    public var chrome: PageChrome
    /// `app.wxss` compiled; applies to the page (and to components that share styles).
    public var appCSS: String
    /// The page's own sheet compiled.
    public var pageCSS: String
    /// By component base path (`components/card/card`).
    public var components: [String: ComponentSheet]
    /// The URL an `image`'s `src` is drawn from, nil for a placeholder; given the page route.
    public var imageURL: @Sendable (_ src: String, _ route: String) -> String?
    /// The document carries ``LiveDocumentScript`` (tree patches applied in place, layout
    /// answers): the form ``LivePages`` keeps loaded. Off for a one-off picture.
    public var isLive = false

    public init(
        tree: RenderNode, device: VirtualDevice, chrome: PageChrome, appCSS: String = "", pageCSS: String = "",
        components: [String: ComponentSheet] = [:], imageURL: @escaping @Sendable (String, String) -> String? = { _, _ in nil }
    ) {
        self.tree = tree
        self.device = device
        self.chrome = chrome
        self.appCSS = appCSS
        self.pageCSS = pageCSS
        self.components = components
        self.imageURL = imageURL
    }

    /// The height of the bar above the page (status bar + navigation bar), 0 with custom navigation.
    public var pageTop: Double { chrome.customNavigation ? 0 : device.statusBarHeight + device.navigationBarHeight }
    /// The tab bar's height when the page has one.
    public var pageBottom: Double { chrome.tabs.isEmpty ? 0 : device.tabBarHeight }

    /// The whole document.
    public var html: String {
        var out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<style>\(ComponentStyles.css)</style>"
        out += "<style>body { width: \(px(device.screenWidth)); height: \(px(device.screenHeight)); background: "
        out += "\(HTMLText.attribute(chrome.backgroundColor)); }</style>"
        out += "<style>\(HTMLText.styleText(appCSS))</style><style>\(HTMLText.styleText(pageCSS))</style>"
        for sheet in components.values where sheet.isolation == .shared {
            out += "<style>\(HTMLText.styleText(sheet.css))</style>"
        }
        if isLive { out += "<script>\(LiveDocumentScript.source)</script>" }
        out += "</head><body>"
        if !chrome.customNavigation {
            out += "<div class=\"hc-navigation-bar\" style=\"height: \(px(pageTop)); padding-top: \(px(device.statusBarHeight)); "
            out +=
                "background: \(HTMLText.attribute(chrome.navigationBarColor)); color: \(HTMLText.attribute(chrome.navigationBarTextColor))\">"
            out +=
                "<span class=\"hc-title\" style=\"height: \(px(device.navigationBarHeight))\">\(HTMLText.escape(chrome.title))</span></div>"
        }
        out += menuButton
        let route = tree.route ?? ""
        out += "<wx-page data-route=\"\(HTMLText.attribute(route))\" style=\"top: \(px(pageTop)); bottom: \(px(pageBottom)); "
        out += "background: \(HTMLText.attribute(chrome.backgroundColor))\">"
        out += pageContent
        out += "</wx-page>"
        if !chrome.tabs.isEmpty {
            out += "<div class=\"hc-tab-bar\" style=\"height: \(px(pageBottom)); background: \(HTMLText.attribute(chrome.tabBarColor))\">"
            for (index, tab) in chrome.tabs.enumerated() {
                let color = index == chrome.selectedTab ? chrome.tabSelectedColor : chrome.tabColor
                out += "<span class=\"hc-tab\" style=\"color: \(HTMLText.attribute(color))\">\(HTMLText.escape(tab))</span>"
            }
            out += "</div>"
        }
        out += "</body></html>"
        return out
    }

    private func px(_ value: Double) -> String { RPXConverter.pixels(value) }

    /// The capsule (`…` and close) the platforms draw at the top right of every page, where
    /// `getMenuButtonBoundingClientRect` says it is.
    private var menuButton: String {
        let rect = device.menuButtonRect
        let color = chrome.customNavigation ? "#000000" : chrome.navigationBarTextColor
        var out = "<div class=\"hc-menu-button\" style=\"color: \(HTMLText.attribute(color)); "
        out += "left: \(px(rect.left)); top: \(px(rect.top)); "
        out += "width: \(px(rect.width)); height: \(px(rect.height)); border-radius: \(px(rect.height / 2))\">"
        out += "<span class=\"hc-menu-dots\"></span><span class=\"hc-menu-divider\"></span><span class=\"hc-menu-close\"></span></div>"
        return out
    }
}

/// `image`'s `mode` as CSS backgrounds (the platforms draw images the same way).
enum ImageModes {
    static func style(mode: String?, url: String) -> String {
        let image = "background-image: url(\"\(url)\"); "
        switch mode ?? "scaleToFill" {
        case "aspectFit": return image + "background-size: contain; background-position: center; "
        case "aspectFill": return image + "background-size: cover; background-position: center; "
        case "widthFix", "heightFix": return image + "background-size: 100% 100%; "
        case "top", "bottom", "center", "left", "right":
            return image + "background-size: auto; background-position: \(mode ?? "center"); "
        case "top left", "top right", "bottom left", "bottom right":
            return image + "background-size: auto; background-position: \(mode ?? "center"); "
        default: return image + "background-size: 100% 100%; "
        }
    }
}

/// Escaping for the document.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func attribute(_ text: String) -> String { escape(text).replacingOccurrences(of: "'", with: "&#39;") }

    /// CSS inside `<style>`: only `</style` could end it early.
    static func styleText(_ css: String) -> String { css.replacingOccurrences(of: "</", with: "<\\/") }

    static func isSafeAttributeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, name.count <= 64 else { return false }
        let lowered = name.lowercased()
        if lowered.hasPrefix("on") || lowered == "style" || lowered == "class" || lowered == "id" || lowered == "src"
            || lowered == "hidden" || lowered == "slot"
        {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// Numbers as JavaScript prints them (`2`, not `2.0`).
enum JSONNumberText {
    static func text(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

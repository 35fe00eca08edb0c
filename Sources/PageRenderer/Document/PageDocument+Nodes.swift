// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import HybridContainer

/// The light DOM of a component's host being written: what its owner put in the component's
/// slots, each element with the name of the `<slot>` standing in its place in the shadow root.
struct SlotHost {
    var html = ""
    var next = 0
}

extension PageDocument {
    /// The page's nodes, as the document's `wx-page` holds them.
    var pageContent: String {
        var out = ""
        var host: SlotHost?
        for child in tree.children ?? [] { append(child, route: tree.route ?? "", into: &out, host: &host) }
        return out
    }

    /// The HTML of one node of the page (a tree patch's new node), as the whole document has it
    /// (a slotted element without its slot: the live document keeps the one it replaces).
    public func fragment(_ node: RenderNode) -> String {
        var out = ""
        var host: SlotHost?
        append(node, route: tree.route ?? "", into: &out, host: &host, inPlace: true)
        return out
    }

    /// `host`: the component whose shadow root is being written (its slotted elements go to its
    /// light DOM, a `<slot>` takes their place), nil outside any.
    private func append(_ node: RenderNode, route: String, into out: inout String, host: inout SlotHost?, inPlace: Bool = false) {
        if node.tag == "#text" {
            out += HTMLText.escape(node.text ?? "")
            return
        }
        if node.slotted == true, !inPlace, var current = host {
            let name = "hc-slot-\(current.next)"
            current.next += 1
            out += "<slot name=\"\(name)\"></slot>"
            // The owner's scope: nothing inside goes to this component's slots.
            var outside: SlotHost?
            appendElement(node, route: route, slot: name, into: &current.html, host: &outside)
            host = current
            return
        }
        appendElement(node, route: route, slot: nil, into: &out, host: &host)
    }

    private func appendElement(_ node: RenderNode, route: String, slot: String?, into out: inout String, host: inout SlotHost?) {
        let element = ElementNames.element(for: node.tag)
        out += "<\(element)"
        if let slot { out += " slot=\"\(slot)\"" }
        if let id = node.id { out += " id=\"\(HTMLText.attribute(id))\"" }
        if !node.classes.isEmpty { out += " class=\"\(HTMLText.attribute(node.classes.joined(separator: " ")))\"" }
        var style = node.style.map { RPXConverter(screenWidth: device.screenWidth).convert($0) } ?? ""
        var extraClass = ""
        if node.hidden == true { out += " hidden" }
        if case .object(let attributes) = node.attributes ?? .null {
            for (name, value) in attributes where HTMLText.isSafeAttributeName(name) {
                switch value {
                case .bool(false), .null, .undefined: continue
                case .bool(true): out += " \(name.lowercased())"
                case .string(let text): out += " \(name.lowercased())=\"\(HTMLText.attribute(text))\""
                case .number(let number): out += " \(name.lowercased())=\"\(HTMLText.attribute(JSONNumberText.text(number)))\""
                default: continue
                }
            }
        }
        if node.tag == "image" {
            let src = node.attributes?["src"]?.stringValue ?? ""
            if let url = src.isEmpty ? nil : imageURL(src, route) {
                style = ImageModes.style(mode: node.attributes?["mode"]?.stringValue, url: url) + style
            } else {
                extraClass = "hc-placeholder"
            }
        }
        if !extraClass.isEmpty, node.classes.isEmpty { out += " class=\"\(extraClass)\"" }
        if !style.isEmpty { out += " style=\"\(HTMLText.attribute(style))\"" }
        out += ">"
        let children = node.children ?? []
        if let component = node.component {
            let sheet = components[component]
            // Document rules do not reach into a shadow root: the components' default look goes in each.
            var inner = "<style>\(ComponentStyles.css)</style>"
            if let sheet, sheet.isolation != .isolated {
                inner += "<style>\(HTMLText.styleText(appCSS))\(HTMLText.styleText(pageCSS))</style>"
            }
            if let sheet { inner += "<style>\(HTMLText.styleText(sheet.css))</style>" }
            out += "<template shadowrootmode=\"open\">\(inner)"
            var slots: SlotHost? = SlotHost()
            for child in children { append(child, route: route, into: &out, host: &slots) }
            out += "</template>"
            out += slots?.html ?? ""
        } else {
            out += decoration(node)
            for child in children { append(child, route: route, into: &out, host: &host) }
        }
        out += "</\(element)>"
    }

    /// What the document draws inside a built-in component besides its children (skipped by the
    /// live document's node paths: `data-hc-extra`).
    private func decoration(_ node: RenderNode) -> String {
        switch node.tag {
        case "video", "map", "camera", "live-player", "live-pusher", "web-view", "ad":
            return "<span data-hc-extra class=\"hc-label\">\(HTMLText.escape(node.tag))</span>"
        case "progress":
            let percent = max(0, min(100, node.attributes?["percent"]?.numberValue ?? 0))
            return "<span data-hc-extra class=\"hc-bar\" style=\"width: \(JSONNumberText.text(percent))%\"></span>"
        case "input", "textarea":
            let value = node.attributes?["value"]?.stringValue ?? ""
            if value.isEmpty, let placeholder = node.attributes?["placeholder"]?.stringValue {
                return "<span data-hc-extra class=\"hc-placeholder\">\(HTMLText.escape(placeholder))</span>"
            }
            return value.isEmpty ? "" : "<span data-hc-extra>\(HTMLText.escape(value))</span>"
        default:
            return ""
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// `index.html` of a pictures folder: every page's route, status and picture, in app.json order.
public enum ContactSheet {
    public struct Entry: Sendable, Hashable {
        public var route: String
        /// `ok`, or what went wrong (the picture failed, the page differs from its baseline).
        public var status: String
        /// The picture's path relative to the sheet, nil if there is none.
        public var picture: String?
        /// The difference image's path relative to the sheet, if the page differs.
        public var difference: String?

        public init(route: String, status: String, picture: String?, difference: String? = nil) {
            self.route = route
            self.status = status
            self.picture = picture
            self.difference = difference
        }
    }

    public static func html(title: String, entries: [Entry]) -> String {
        var out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(HTMLText.escape(title))</title><style>"
        out += "body{font-family:sans-serif;margin:16px;background:#f4f4f4}main{display:flex;flex-wrap:wrap;gap:16px}"
        out += "figure{margin:0;background:#fff;padding:8px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)}"
        out += "img{width:250px;display:block;border:1px solid #ddd}figcaption{font-size:13px;margin-top:6px;max-width:250px}"
        out += ".bad{color:#c00;font-weight:bold}</style></head><body>"
        out += "<h1>\(HTMLText.escape(title))</h1><p>\(entries.count) page(s)</p><main>"
        for entry in entries {
            out += "<figure>"
            if let picture = entry.picture {
                out += "<img src=\"\(HTMLText.attribute(picture))\" alt=\"\(HTMLText.attribute(entry.route))\">"
            }
            if let difference = entry.difference {
                out += "<img src=\"\(HTMLText.attribute(difference))\" alt=\"difference of \(HTMLText.attribute(entry.route))\">"
            }
            let statusClass = entry.status == "ok" ? "" : " class=\"bad\""
            out += "<figcaption><b>\(HTMLText.escape(entry.route))</b><br><span\(statusClass)>\(HTMLText.escape(entry.status))</span>"
            out += "</figcaption></figure>"
        }
        out += "</main></body></html>"
        return out
    }
}

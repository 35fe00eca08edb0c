// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import HybridContainer

/// What a patch did to a page's tree, as the live document must repeat it.
enum TreeChange: Sendable, Hashable {
    /// The whole page is new (`replace` at the root), or must be drawn anew.
    case page
    /// The node at `path` is new or changed (its new form is `node`).
    case replaced(path: [Int], node: JSONValue)
    case inserted(path: [Int], node: JSONValue)
    case removed(path: [Int])
    /// Only a text node's text changed.
    case text(path: [Int], text: String)
}

/// A page's rendered tree (the plain JSON form the render sink gets) kept up to date by applying
/// the page's tree patches (`replace`, `set`, `insert`, `remove`; see ``RenderUpdate``).
struct PageTreeCopy: Sendable {
    private(set) var root: JSONValue

    init(root: JSONValue) {
        self.root = root
    }

    /// Applies one patch; a patch that does not fit the tree throws (the copy is then unusable).
    mutating func apply(_ patch: JSONValue) throws(LivePagesError) -> TreeChange {
        guard let op = patch["op"]?.stringValue, let pathValues = patch["path"]?.arrayValue else {
            throw .badPatch("a patch needs op and path")
        }
        var path: [Int] = []
        for value in pathValues {
            guard let index = value.intValue, index >= 0 else { throw .badPatch("path entries are child indexes") }
            path.append(index)
        }
        switch op {
        case "replace":
            guard let node = patch["node"], node.objectValue != nil else { throw .badPatch("replace needs a node") }
            if path.isEmpty {
                root = node
                return .page
            }
            try Self.mutate(&root, path[...]) { $0 = node }
            return .replaced(path: path, node: node)
        case "insert":
            guard let node = patch["node"], node.objectValue != nil, let index = path.last else {
                throw .badPatch("insert needs a node and a path")
            }
            try Self.mutateChildren(&root, path.dropLast()) { children throws(LivePagesError) in
                guard index <= children.count else { throw .badPatch("insert past the end at \(path)") }
                children.insert(node, at: index)
            }
            return .inserted(path: path, node: node)
        case "remove":
            guard let index = path.last else { throw .badPatch("remove needs a path") }
            try Self.mutateChildren(&root, path.dropLast()) { children throws(LivePagesError) in
                guard children.indices.contains(index) else { throw .badPatch("no node to remove at \(path)") }
                children.remove(at: index)
            }
            return .removed(path: path)
        case "set":
            guard case .object(let fields)? = patch["fields"] else { throw .badPatch("set needs fields") }
            var changed = JSONValue.null
            try Self.mutate(&root, path[...]) { node throws(LivePagesError) in
                guard case .object(var object) = node else { throw .badPatch("set on a node that is not an object") }
                for (key, value) in fields where key != "children" {
                    if value == .null { object[key] = nil } else { object[key] = value }
                }
                node = .object(object)
                changed = node
            }
            // A node moved in or out of a slot is drawn in another place of the document.
            if fields["slotted"] != nil { return .page }
            if fields.count == 1, let text = fields["text"]?.stringValue, changed["tag"]?.stringValue == "#text" {
                return .text(path: path, text: text)
            }
            return .replaced(path: path, node: changed)
        default:
            throw .badPatch("unknown op \(op)")
        }
    }

    /// Runs `body` on the node at `path` (children taken out first, so the copy is changed in place).
    private static func mutate(
        _ node: inout JSONValue, _ path: ArraySlice<Int>, _ body: (inout JSONValue) throws(LivePagesError) -> Void
    ) throws(LivePagesError) {
        guard let first = path.first else {
            try body(&node)
            return
        }
        try mutateChildren(&node, [][...]) { children throws(LivePagesError) in
            guard children.indices.contains(first) else { throw .badPatch("no node at \(Array(path))") }
            try mutate(&children[first], path.dropFirst(), body)
        }
    }

    private static func mutateChildren(
        _ node: inout JSONValue, _ path: ArraySlice<Int>, _ body: (inout [JSONValue]) throws(LivePagesError) -> Void
    ) throws(LivePagesError) {
        if let first = path.first {
            try mutateChildren(&node, [][...]) { children throws(LivePagesError) in
                guard children.indices.contains(first) else { throw .badPatch("no node at \(Array(path))") }
                try mutateChildren(&children[first], path.dropFirst(), body)
            }
            return
        }
        guard case .object(var object) = node else { throw .badPatch("a path through a node that is not an object") }
        node = .null
        var children = object.removeValue(forKey: "children")?.arrayValue ?? []
        defer {
            object["children"] = .array(children)
            node = .object(object)
        }
        try body(&children)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// One node of a page's rendered tree (the headless view layer): an element, a text node
/// (`tag == "#text"`), a custom component's host (``component`` names it; its children are the
/// component's own nodes, with slotted content in place), or the page root (`tag == "page"`).
public struct RenderNode: Sendable, Hashable, Decodable {
    /// `view`, `button`, a custom component's tag, `#text`, or `page` for the root.
    public let tag: String
    /// The root's page route.
    public let route: String?
    public let id: String?
    /// The classes, in template order.
    public let `class`: [String]?
    /// The `hidden` attribute is set.
    public let hidden: Bool?
    /// An element its owner put in a component's `<slot>` (styled by the owner's sheets).
    public let slotted: Bool?
    /// The inline style as rendered (Alipay style objects as CSS text, animations' end state).
    public let style: String?
    /// Text nodes: the text, whitespace collapsed.
    public let text: String?
    /// A custom component's base path (`components/counter/counter`).
    public let component: String?
    /// A custom component's `options.styleIsolation` from its JS (`apply-shared` for
    /// `addGlobalClass: true`); nil when its JS sets neither.
    public let styleIsolation: String?
    /// Other attributes with their rendered values.
    public let attributes: JSONValue?
    /// `data-*` attributes by camelCase name.
    public let dataset: JSONValue?
    public let children: [RenderNode]?

    /// The classes (empty if none).
    public var classes: [String] { self.class ?? [] }
    /// The text of this node and its descendants, joined by spaces.
    public var textContent: String {
        if let text { return text }
        return (children ?? []).map(\.textContent).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// What went wrong rendering the app's templates so far.
public struct TemplateDiagnostics: Sendable, Hashable, Decodable {
    /// Template errors, each starting with `file:line:`.
    public let templateErrors: [String]
    /// Tags that are neither built-in components nor in `usingComponents` (`tag in file`).
    public let unknownTags: [String]
    /// `usingComponents` entries whose files do not exist.
    public let missingComponents: [String]

    /// No errors and nothing unknown or missing.
    public var isClean: Bool { templateErrors.isEmpty && unknownTags.isEmpty && missingComponents.isEmpty }
}

extension MiniProgramError {
    /// Whether `error` is the framework's "no node matches" exception.
    static func nodeNotFound(_ error: any Error) -> MiniProgramError? {
        guard case ScriptError.exception(let exception) = error, exception.name == "NodeNotFound" else { return nil }
        return .noSuchNode(exception.message)
    }
}

extension MiniProgramSession {
    private func pageArgument(_ pageId: Int?) -> JSONValue { pageId.map { .number(Double($0)) } ?? .undefined }

    /// The rendered tree of a page (the top page by default), kept in step with setData.
    public func tree(ofPage pageId: Int? = nil) async throws -> RenderNode {
        let value = try await guardedCall("tree", [pageArgument(pageId)])
        return try JSONValueDecoder().decode(RenderNode.self, from: value)
    }

    /// The tree in the stable text form snapshot tests compare (README, "Snapshot tests of
    /// rendered pages"): one node per line, `tag#id.class`, ` <component>`, ` hidden`, quoted text.
    public func treeText(ofPage pageId: Int? = nil) async throws -> String {
        try await guardedCall("treeText", [pageArgument(pageId)]).stringValue ?? ""
    }

    /// The nodes `selector` matches, in document order (`#id`, `.class`, `tag`, `[attr=value]`,
    /// descendant and `>` combinators, WeChat's `>>>` into components). The page's own template
    /// is searched first, as the platforms scope selectors; if nothing matches there, the whole
    /// tree, components included (so `.press` finds a button inside a component). ``tap(_:page:)``
    /// and ``trigger(_:event:detail:page:)`` pick their node the same way.
    public func query(_ selector: String, page pageId: Int? = nil) async throws -> [RenderNode] {
        let value = try await guardedCall("query", [.string(selector), pageArgument(pageId)])
        return try JSONValueDecoder().decode([RenderNode].self, from: value)
    }

    /// Taps the first node `selector` matches: capture and bubble phases run the bound handlers
    /// (`bindtap`, `catchtap`, `onTap`, …) across component boundaries. Returns how many ran.
    /// - Throws: ``MiniProgramError/noSuchNode(_:)`` when nothing matches.
    @discardableResult
    public func tap(_ selector: String, page pageId: Int? = nil) async throws -> Int {
        try await trigger(selector, event: "tap", page: pageId)
    }

    /// Fires a user event at the first node `selector` matches (`input` with `["value": "text"]`
    /// sets the field's value first). Returns how many handlers ran.
    /// - Throws: ``MiniProgramError/noSuchNode(_:)`` when nothing matches.
    @discardableResult
    public func trigger(_ selector: String, event: String, detail: JSONValue = [:], page pageId: Int? = nil) async throws -> Int {
        let value = try await guardedCall("dispatch", [.string(selector), .string(event), detail, pageArgument(pageId)])
        return value.numberValue.flatMap { Int(exactly: $0) } ?? 0
    }

    /// Template errors, unknown tags and missing components met so far.
    public func templateDiagnostics() async throws -> TemplateDiagnostics {
        try JSONValueDecoder().decode(TemplateDiagnostics.self, from: try await guardedCall("diagnostics", []))
    }

    private func guardedCall(_ name: String, _ arguments: [JSONValue]) async throws -> JSONValue {
        do {
            return try await guarded { try await $0.call(HostNames.miniProgram(name), arguments) }
        } catch {
            if let notFound = MiniProgramError.nodeNotFound(error) { throw notFound }
            throw error
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Why a style sheet of the app could not be read.
public enum StyleSheetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `@import` of a file the package does not have (`importer` names the sheet and line).
    case missingImport(String, importer: String)
    /// An `@import` chain that comes back to a sheet already being read.
    case importCycle([String])
    /// An `@import` that leaves the package (`../` above its root, or an absolute URL).
    case importOutsidePackage(String, importer: String)
    /// More nested `@import`s than ``StyleSheetCompiler/maximumImportDepth``.
    case tooDeep(String)

    public var description: String {
        switch self {
        case .missingImport(let path, let importer): "\(importer): @import of \(path), which the package does not have"
        case .importCycle(let chain): "@import cycle: \(chain.joined(separator: " → "))"
        case .importOutsidePackage(let path, let importer): "\(importer): @import of \(path) leaves the package"
        case .tooDeep(let path): "\(path): @import nested more than \(StyleSheetCompiler.maximumImportDepth) deep"
        }
    }
}

/// Turns an app's WXSS / ACSS into CSS a browser engine draws the page with: `@import`s inlined
/// (paths relative to the importing sheet, inside the package only), `rpx` converted to CSS
/// pixels (750rpx is the device's screen width), and selectors of built-in components and of
/// `page` aimed at the document's elements (``ElementNames``).
public struct StyleSheetCompiler: Sendable {
    /// Deeper `@import` chains are refused (no platform app needs more).
    public static let maximumImportDepth = 32

    /// The device's screen width in CSS pixels (`750rpx`).
    public let screenWidth: Double
    private let read: @Sendable (String) throws -> String?

    /// - Parameter read: the text of a package file by package-relative path, nil if missing.
    public init(screenWidth: Double, read: @escaping @Sendable (String) throws -> String?) {
        self.screenWidth = screenWidth
        self.read = read
    }

    /// The CSS of the sheet at `path` (nil text when the package has no such sheet: a page
    /// without styles), with its imports inlined.
    public func compile(_ path: String) throws -> String? {
        guard let text = try read(path) else { return nil }
        var chain = [path]
        return try expand(text, path: path, chain: &chain)
    }

    /// CSS from sheet text that is not a file (an inline style: rpx only).
    public func convertDeclarations(_ text: String) -> String {
        RPXConverter(screenWidth: screenWidth).convert(text)
    }

    private func expand(_ text: String, path: String, chain: inout [String]) throws -> String {
        guard chain.count <= Self.maximumImportDepth else { throw StyleSheetError.tooDeep(path) }
        let parsed = CSSImports.split(CSSComments.strip(text))
        var output = ""
        for imported in parsed.imports {
            let importer = "\(path):\(imported.line)"
            guard let target = PackagePath.resolve(imported.target, from: path, defaultExtension: (path as NSString).pathExtension)
            else { throw StyleSheetError.importOutsidePackage(imported.target, importer: importer) }
            if chain.contains(target) { throw StyleSheetError.importCycle(chain + [target]) }
            guard let importedText = try read(target) else { throw StyleSheetError.missingImport(target, importer: importer) }
            chain.append(target)
            output += try expand(importedText, path: target, chain: &chain)
            chain.removeLast()
            output += "\n"
        }
        let converted = RPXConverter(screenWidth: screenWidth).convert(parsed.body)
        output += SelectorRewriter.rewrite(converted)
        return output
    }
}

/// Package-relative paths as style sheets name them.
enum PackagePath {
    /// `target` relative to the sheet at `from` (or from the root with a leading `/`), without
    /// `.`/`..` segments; nil if it leaves the package or is a URL. A missing extension gets the
    /// importer's (`@import "common"` in `a.wxss` is `common.wxss`).
    static func resolve(_ target: String, from: String, defaultExtension: String) -> String? {
        if target.contains("://") || target.hasPrefix("//") || target.isEmpty { return nil }
        var segments: [Substring] = target.hasPrefix("/") ? [] : from.split(separator: "/").dropLast()
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        guard var path = segments.isEmpty ? nil : segments.joined(separator: "/") else { return nil }
        if (path as NSString).pathExtension.isEmpty, !defaultExtension.isEmpty { path += "." + defaultExtension }
        return path
    }
}

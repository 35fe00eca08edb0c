// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Lets an app's TypeScript files load wherever JavaScript would: when `x.js` does not exist but
/// `x.ts` does, `require`/`import`, pages, components and `app.js` get `x.ts` with its types
/// erased (``TypeScriptStripper``; lines and columns unchanged, so errors point at the `.ts`
/// lines). A `.js` file always wins over a `.ts` of the same name; `.d.ts` files are never code.
public struct TypeScriptModules: ModuleSourceProvider {
    /// The app's files.
    public let base: any ModuleSourceProvider

    /// Wraps `base`.
    public init(_ base: any ModuleSourceProvider) {
        self.base = base
    }

    /// `x.ts` for `x.js`, when only the TypeScript file exists.
    func typeScriptPath(for path: String) -> String? {
        guard path.hasSuffix(".js"), !base.moduleExists(path) else { return nil }
        let candidate = String(path.dropLast(3)) + ".ts"
        guard !candidate.hasSuffix(".d.ts"), base.moduleExists(candidate) else { return nil }
        return candidate
    }

    public func moduleExists(_ path: String) -> Bool {
        base.moduleExists(path) || typeScriptPath(for: path) != nil
    }

    public func moduleSource(_ path: String) throws -> Data {
        guard let typeScript = typeScriptPath(for: path) else { return try base.moduleSource(path) }
        guard let text = String(data: try base.moduleSource(typeScript), encoding: .utf8) else {
            throw ModuleLoadError.notUTF8(typeScript)
        }
        do {
            return Data(try TypeScriptStripper.strip(text).utf8)
        } catch {
            throw ModuleLoadError.typeScriptRefused(path: typeScript, line: error.line, reason: error.message)
        }
    }

    /// For `PackageBuilder.build(transform:)`: `x.ts` ships as `x.js` with its types erased
    /// (packages carry JavaScript); other files ship as they are. A refused construct fails the
    /// pack with the file and line.
    public static func packageTransform(_ path: String, _ read: () throws -> Data) throws -> (path: String, contents: Data)? {
        guard path.hasSuffix(".ts"), !path.hasSuffix(".d.ts") else { return nil }
        guard let text = String(data: try read(), encoding: .utf8) else { throw ModuleLoadError.notUTF8(path) }
        do {
            return (String(path.dropLast(3)) + ".js", Data(try TypeScriptStripper.strip(text).utf8))
        } catch {
            throw ModuleLoadError.typeScriptRefused(path: path, line: error.line, reason: error.message)
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// A JavaScript file shipped as a SwiftPM resource (`Sources/<Module>/Resources/…`), read once.
///
/// The runtime's own JavaScript lives in `.js` files, not in Swift string literals, so editors,
/// linters and the JS unit tests see it. When the file is missing (a broken installation), the
/// source is a one-line script that throws an error naming the file, so the failure surfaces as
/// a script error of the context being created, never as a crash of the process.
public struct ScriptResource: Sendable, Hashable {
    /// The path inside the bundle's `Resources` folder, e.g. `mini-program/values.js`.
    public let path: String
    /// The name stack traces show, e.g. `hybrid://mini-program/values.js`.
    public let sourceURL: String
    /// The file's text (or a throwing stand-in when it could not be read).
    public let source: String
    /// Whether the file was read (false: `source` is the throwing stand-in).
    public let isAvailable: Bool

    /// Reads `Resources/<path>` from `bundle` (a module's `Bundle.module`).
    public init(_ path: String, in bundle: Bundle) {
        self.path = path
        self.sourceURL = "hybrid://" + path
        let url = Self.resourcesFolder(of: bundle)?.appendingPathComponent(path)
        if let url, let text = try? String(contentsOf: url, encoding: .utf8) {
            source = text
            isAvailable = true
        } else {
            let location = url?.path ?? "(no resource folder in \(bundle.bundlePath))"
            let quoted = String(decoding: (try? JSONEncoder().encode(location)) ?? Data("\"?\"".utf8), as: UTF8.self)
            source = "throw new Error('the HybridContainer resource \(path) is missing: ' + \(quoted));"
            isAvailable = false
        }
    }

    /// Hashes the name only (equal resources have equal names): prelude lists key the warm pool
    /// on every launch, and hashing whole scripts there would be work for nothing.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(sourceURL)
    }

    /// A script given as text (a host's own prelude; tests), named `hybrid://<path>`.
    public static func inline(_ path: String, _ source: String) -> ScriptResource {
        ScriptResource(path: path, source: source)
    }

    private init(path: String, source: String) {
        self.path = path
        self.sourceURL = "hybrid://" + path
        self.source = source
        self.isAvailable = true
    }

    /// The files of `Resources/<folder>` with the given extension, sorted by name.
    public static func files(in folder: String, extension fileExtension: String = "js", bundle: Bundle) -> [ScriptResource] {
        guard let root = resourcesFolder(of: bundle)?.appendingPathComponent(folder),
            let names = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { return [] }
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { ScriptResource(folder + "/" + $0, in: bundle) }
    }
}

extension ScriptResource {
    /// The copied `Resources` folder: `<bundle>/Resources` (Foundation on Linux reports that
    /// folder itself as the bundle's `resourceURL` once it exists, so both are tried).
    public static func resourcesFolder(of bundle: Bundle) -> URL? {
        let candidates = [bundle.bundleURL.appendingPathComponent("Resources"), bundle.resourceURL].compactMap { $0 }
        return candidates.first { url in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
                && url.lastPathComponent == "Resources"
        }
    }
}

/// JSBridge's own scripts (plain scripts, each evaluating to what its header says).
public enum JSBridgeScripts {
    /// The globals every context gets.
    public static let prelude = ScriptResource("prelude.js", in: .module)
    /// The module system (`require`).
    public static let modules = ScriptResource("modules.js", in: .module)
    /// The loader of ``FrameworkModules``.
    public static let frameworkLoader = ScriptResource("framework-loader.js", in: .module)
    /// Run once in each warm context of the pool: calls the built-in functions apps commonly
    /// use, so their per-context compilation happens before an app is adopted (see
    /// `Resources/warm-up.js`).
    public static let warmUp = ScriptResource("warm-up.js", in: .module)
    /// All of them.
    public static var all: [ScriptResource] { [prelude, modules, frameworkLoader, warmUp] }
}

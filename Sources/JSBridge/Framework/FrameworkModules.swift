// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Framework JavaScript written as ES modules in `.js` resource files, installed into a context
/// by a small loader (`Resources/framework-loader.js`, whose header documents the rules).
///
/// Each module is rewritten once per process by ``ESModuleTransform`` (line numbers kept) and
/// evaluated in each context under its own `hybrid://` name, so a stack trace names the real
/// file and line. ``install(into:installer:)`` then defines the one-shot global `installer`;
/// the host calls it with its configuration to run the entry module and its imports.
///
/// ```swift
/// let framework = try FrameworkModules(files: ScriptResource.files(in: "mini-program", bundle: .module), entry: "main.js")
/// try framework.install(into: context, installer: HostNames.installMiniProgram)
/// try context.call(HostNames.installMiniProgram, [configuration])
/// ```
public struct FrameworkModules: Sendable {
    /// Why a module could not be prepared.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The module's file name.
        public let file: String
        /// What the transform reported (with the line).
        public let underlyingError: ESModuleTransform.Failure

        public var description: String { "\(file): \(underlyingError)" }
    }

    struct Module: Sendable {
        let name: String
        let sourceURL: String
        let definition: String
    }

    let modules: [Module]
    /// The module the installer runs (its imports run first).
    public let entry: String

    /// Prepares `files` (their names, relative to their folder, are the import names).
    /// - Throws: ``Failure`` naming the file when one is not a valid module.
    public init(files: [ScriptResource], entry: String) throws(Failure) {
        var modules: [Module] = []
        for file in files {
            let name = String(file.path.split(separator: "/").last ?? Substring(file.path))
            let body: String
            do {
                body = try ESModuleTransform.transform(file.source) ?? file.source
            } catch {
                throw Failure(file: file.path, underlyingError: error)
            }
            // Head and body share line 1, so every line keeps its number.
            let definition =
                "\(HostNames.frameworkDefine)(\(JSONValue.quote(name)), function (exports, require, module) {"
                + body + "\n});"
            modules.append(Module(name: name, sourceURL: file.sourceURL, definition: definition))
        }
        self.modules = modules
        self.entry = entry
    }

    /// The module names, in file order.
    public var names: [String] { modules.map(\.name) }

    /// Evaluates the loader and every module definition, then links them: afterwards the global
    /// `installer` (deleted on its first call) runs the entry module with `{bridge, config}` as
    /// `hc:host`, where `bridge` is the framework channel of
    /// ``ScriptContext/evaluateFramework(_:sourceURL:)``.
    public func install(into context: isolated ScriptContext, installer: String) throws {
        try context.evaluateShared(JSBridgeScripts.frameworkLoader.source, sourceURL: JSBridgeScripts.frameworkLoader.sourceURL)
        for module in modules {
            try context.evaluateShared(module.definition, sourceURL: module.sourceURL)
        }
        try context.evaluateFramework(
            "\(HostNames.frameworkLink)(globalThis.\(HostNames.frameworkChannel), \(JSONValue.quote(entry)), \(JSONValue.quote(installer)));",
            sourceURL: "hybrid://framework-link.js")
    }
}

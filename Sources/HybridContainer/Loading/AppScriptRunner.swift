// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Runs a loaded app's code in its fresh context: the entry script (as an ES module when it
/// uses `import`/`export`; the `App()` prelude ran when the context was made, see
/// ``preludes(for:)``), or for a mini-program the framework, `app.js` and the main package's
/// page files.
enum AppScriptRunner {
    /// Runs on the context's thread (`isolated`): the whole sequence is one hop, not one per step.
    static func run(
        _ loaded: LoadedApp, in context: isolated ScriptContext, bridge: any BridgeDispatching,
        miniProgram options: MiniProgramOptions
    ) throws {
        context.setBridge(bridge)
        let appId = loaded.manifest.appId.rawValue
        do {
            switch loaded.kind {
            case .script:
                if usesModuleSyntax(loaded.entrySource) {
                    try context.runModule(loaded.manifest.entry)
                } else {
                    try context.evaluateDiscardingValue(loaded.entrySource, sourceURL: loaded.entryURL)
                }
            case .miniProgram(let config):
                guard loaded.modules.moduleExists("app.js") else {
                    throw ContainerError.loadFailed(appId: appId, reason: "a mini-program needs an app.js next to its app.json")
                }
                try MiniProgramInstaller.install(into: context, config: config, options: options)
                try context.runModule("app.js")
                try context.call(HostNames.miniProgram("loadMainPages"))
            }
        } catch ScriptError.exception(let exception) {
            throw ContainerError.scriptFailed(appId: appId, exception: exception)
        } catch ScriptError.executionTimeLimitExceeded(let limit) {
            throw ContainerError.scriptTimedOut(appId: appId, limit: limit)
        }
    }

    /// The preludes an app's context is made with: a plain app's `App()` registration. Part of
    /// the context's configuration, so a warm context from the pool has already run it.
    static func preludes(for kind: AppKind) -> [ScriptResource] {
        if case .script = kind { return [AppPrelude.script] }
        return []
    }

    /// Whether an entry script uses `import`/`export` (run as an ES module then). Only a
    /// script that mentions one of the words is lexed: most never do, and lexing costs a
    /// launch more than the check.
    static func usesModuleSyntax(_ source: String) -> Bool {
        guard mentions("import", in: source) || mentions("export", in: source) else { return false }
        return (try? ESModuleTransform.transform(source)) != nil
    }

    /// A byte search (Foundation's `contains` bridges through NSString: slow on a launch path).
    static func mentions(_ word: StaticString, in source: String) -> Bool {
        var source = source
        return source.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard let base = bytes.baseAddress else { return false }
            let needle: UnsafePointer<UInt8> = word.utf8Start
            let length: Int = word.utf8CodeUnitCount
            let first = Int32(needle.pointee)
            var offset = 0
            // memchr for the first byte, memcmp for the rest (both vectorised in libc).
            while bytes.count - offset >= length {
                guard let hit = memchr(base + offset, first, bytes.count - offset - length + 1) else { return false }
                let position = hit.assumingMemoryBound(to: UInt8.self)
                if memcmp(position, needle, length) == 0 { return true }
                offset = UnsafePointer(position) - base + 1
            }
            return false
        }
    }
}

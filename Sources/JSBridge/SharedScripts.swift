// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

/// Scripts kept once per runtime and evaluated in each of its contexts: the preludes, the
/// mini-program framework's modules and apps' module files. A context that evaluates its own copy
/// of a text holds that copy as long as its functions live (a megabyte vendor bundle in every
/// instance of an app); a shared script is one copy for all, and JavaScriptCore's code cache
/// finds its compiled code under the same source.
///
/// Keyed by name, first line and exact content (a module file's bytes as read, so a changed file
/// is a new entry, and nothing is decoded or rewritten again for an unchanged one). The newest
/// entries are kept up to ``byteBudget`` bytes of content. Confined to the runtime thread.
final class SharedScripts {
    /// What a script is made from: text, or a file's bytes before it was decoded and rewritten.
    enum Content: Hashable {
        case text(String)
        case bytes(Data)

        var byteCount: Int {
            switch self {
            case .text(let text): text.utf8.count
            case .bytes(let data): data.count
            }
        }
    }

    struct Key: Hashable {
        let sourceURL: String
        let line: Int
        let content: Content
    }

    /// Content bytes kept at most (the least recently used scripts go first).
    let byteBudget: Int
    private let group: JSContextGroupRef
    private var scripts: [Key: (script: JSScriptRef, lastUse: UInt64)] = [:]
    private var uses: UInt64 = 0
    /// Keys asked for once and not made yet (their hashes).
    private var seen = Set<Int>()
    private var keptBytes = 0

    init(group: JSContextGroupRef, byteBudget: Int = 64 << 20) {
        self.group = group
        self.byteBudget = byteBudget
    }

    /// Entries kept now.
    var count: Int { scripts.count }

    /// The script for `key`, made from `text()` the second time it is asked for; nil the first
    /// time (evaluate it on its own: making a kept script parses it once more, which pays only
    /// when another context runs it too — a page opened once costs what it did), when the text is
    /// not a valid program (evaluate it on its own to get the engine's error) or when it is larger
    /// than the budget.
    func script(for key: Key, text: () throws -> String) rethrows -> JSScriptRef? {
        uses += 1
        if let entry = scripts[key] {
            scripts[key] = (entry.script, uses)
            return entry.script
        }
        let size = key.content.byteCount
        guard size <= byteBudget else { return nil }
        // Seen once: remembered by hash (a collision only makes a script one sighting early).
        if seen.insert(key.hashValue).inserted {
            if seen.count > 100_000 { seen.removeAll() }
            return nil
        }
        let source = try text()
        var errorMessage: JSStringRef?
        var errorLine: Int32 = 0
        let made = JSStringConversion.with(source) { script in
            JSStringConversion.with(key.sourceURL) { url in
                JSScriptCreateFromString(group, url, Int32(clamping: key.line), script, &errorMessage, &errorLine)
            }
        }
        if let errorMessage { JSStringRelease(errorMessage) }
        guard let made else { return nil }
        scripts[key] = (made, uses)
        keptBytes += size
        // Over the budget: the least recently used go (rare; a scan of a few hundred entries).
        while keptBytes > byteBudget, let oldest = scripts.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            scripts[oldest.key] = nil
            JSScriptRelease(oldest.value.script)
            keptBytes -= oldest.key.content.byteCount
        }
        return made
    }

    /// Releases every script (at the runtime's shutdown, before its group goes).
    func removeAll() {
        for entry in scripts.values { JSScriptRelease(entry.script) }
        scripts.removeAll()
        seen.removeAll()
        keptBytes = 0
    }
}

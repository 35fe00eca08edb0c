// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// Every built-in JSAPI, reached through a *valid* call (permission granted, domain allowed,
/// local server up) with one field at a time replaced by each hostile value, in a child process
/// (`hostile-values`): the process survives, every call settles with a code, another app's data
/// is intact.
@Suite("Hostile values reach every handler")
struct HostileValuesTests {
    @Test("every built-in JSAPI × every field × 35 hostile values settles with a code; timers, console, wx/my APIs and setData too")
    func everyHandler() async throws {
        let result = try await ChildProcess.run("hostile-values", [])
        let lines = result.lines
        if result.crashed || !lines.contains(where: { $0.hasPrefix("SUMMARY ") }) {
            let begun = lines.last(where: { $0.hasPrefix("BEGIN ") }) ?? "before the first case"
            Issue.record("the hostile-values process died (status \(result.status)) during: \(begun)\n\(result.stderr.suffix(2000))")
            return
        }
        #expect(result.status == 0)
        let summaryLine = try #require(lines.first { $0.hasPrefix("SUMMARY ") })
        let summary = try JSONDecoder().decode(JSONValue.self, from: Data(summaryLine.dropFirst("SUMMARY ".count).utf8))
        #expect(summary["failures"] == [])
        #expect((summary["cases"]?.numberValue ?? 0) >= 8000, "the file, transfer and socket batch must run too")
        #expect(lines.contains { $0.hasPrefix("END 0 wx.request") } && lines.contains("END 0 setData"))
        // The bystander's storage, written before the run, is exactly as it was.
        let kept = try JSONDecoder().decode(JSONValue.self, from: Data((summary["bystanderData"]?.stringValue ?? "").utf8))
        #expect(kept == ["n": 1, "list": [1, 2, 3]])
        // Deep paths were reached: valid calls succeed, and each API refused some values with code 2.
        let ends = lines.filter { $0.hasPrefix("END ") }
        for api in ["request", "setStorage", "setStorageSync", "postNotification", "getConfig", "reportEvent", "openApp"] {
            #expect(ends.contains("END 0 \(api) valid"), "\(api) valid call did not succeed")
            #expect(ends.contains { $0.hasPrefix("END 2 \(api) ") }, "\(api) refused nothing with code 2")
        }
    }
}

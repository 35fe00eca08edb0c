// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Dispatch
import Foundation
import FuzzSupport
import JSBridge

/// libFuzzer target: value conversion between JavaScript and Swift, and `JSONValue(parsing:)`
/// against `JSON.parse` (values, key order, refusals). The input is parsed as
/// JSON by JavaScript (`JSON.parse`) and converted to a `JSONValue` (lone UTF-16 surrogates
/// become U+FFFD there: Swift strings are valid Unicode); that value must then survive
/// Swift → JavaScript → Swift unchanged, and a `Codable` round trip through
/// `JSONValueEncoder`/`JSONValueDecoder`.
let runtime = JSRuntime()
let context: ScriptContext = {
    let made = Box<ScriptContext>()
    let done = DispatchSemaphore(value: 0)
    Task {
        let context = try await runtime.makeContext(.init(name: "fuzz", executionTimeLimit: .seconds(2)))
        try await context.evaluate("globalThis.__identity = (value) => value")
        made.value = context
        done.signal()
    }
    done.wait()
    return made.value!
}()

func fuzzOne(_ data: Data) {
    guard let text = String(data: data, encoding: .utf8) else { return }
    let outcome = Box<String>()
    let done = DispatchSemaphore(value: 0)
    Task {
        defer { done.signal() }
        let literal = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        // JavaScript parses the input; JSONValue carries it out and back in.
        let judged = try? await context.evaluate("(() => { try { return JSON.parse(\(literal)); } catch { return undefined; } })()")
        // Our order-keeping parser agrees with JSON.parse: same values, same key order, same
        // refusals (it also accepts a leading byte order mark, which JSON.parse refuses).
        let ours = try? JSONValue(parsing: data)
        guard let parsed = judged, parsed != .undefined else {
            if let ours, !text.hasPrefix("\u{FEFF}") { outcome.value = "JSONValue(parsing:) accepted what JSON.parse refuses: \(ours)" }
            return
        }
        if ours != parsed || ours?.stringified() != parsed.stringified() {
            outcome.value = "JSONValue(parsing:) gave \(String(describing: ours)), JSON.parse \(parsed)"
            return
        }
        let roundTrip = try await context.call("__identity", [parsed])
        if roundTrip != parsed { outcome.value = "JSONValue → JS → JSONValue changed \(parsed) into \(roundTrip)" }
        let encoded = try JSONValueEncoder().encode(parsed)
        if try JSONValueDecoder().decode(JSONValue.self, from: encoded) != parsed { outcome.value = "Codable round trip changed \(parsed)" }
    }
    done.wait()
    if let problem = outcome.value { preconditionFailure(problem) }
}

#if FUZZING
/// The entry point SwiftPM links as `main` (see FuzzSupport): libFuzzer drives `fuzzOne`.
@_cdecl("fuzz_values_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzTarget(argc, argv) { fuzzOne($0) }
}
#else
/// Without libFuzzer: replays the files given as arguments (a corpus, crash reproducers).
@main
enum Replay {
    static func main() {
        exit(replayCorpus { fuzzOne($0) })
    }
}
#endif

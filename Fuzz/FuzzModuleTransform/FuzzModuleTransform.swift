// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import FuzzSupport
import JSBridge

/// libFuzzer target: the ES module transform and the TypeScript stripper (tokenizers over
/// untrusted source). Any text must be rewritten or refused with a `Failure` naming a line; a
/// rewrite keeps the line count, and stripping only turns characters into spaces (unless it
/// generated code — enums, parameter properties, decorators — which keeps the line count).
func fuzzOne(_ data: Data) {
    let source = String(decoding: data, as: UTF8.self)
    stripTypes(source)
    do {
        guard let rewritten = try ESModuleTransform.transform(source) else { return }
        let before = source.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let after = rewritten.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        precondition(before == after, "the rewrite changed the line count (\(before) → \(after))")
    } catch {
        precondition(error.line >= 1, "a failure without a line")
    }
}

func stripTypes(_ source: String) {
    do {
        let output = try TypeScriptStripper.transform(source)
        let stripped = output.text
        let lines = { (text: String) in text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        precondition(lines(source) == lines(stripped), "stripping changed the line count")
        if output.generatesCode { return }
        let before = Array(source.utf16)
        let after = Array(stripped.utf16)
        precondition(before.count == after.count, "stripping changed the length (\(before.count) → \(after.count))")
        for (old, new) in zip(before, after) where old != new {
            precondition(new == 0x20, "stripping changed a character into something other than a space")
        }
    } catch {
        precondition(error.line >= 1, "a failure without a line")
    }
}

#if FUZZING
/// The entry point SwiftPM links as `main` (see FuzzSupport): libFuzzer drives `fuzzOne`.
@_cdecl("fuzz_module_transform_main")
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

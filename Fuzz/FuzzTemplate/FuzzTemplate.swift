// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Dispatch
import Foundation
import FuzzSupport
import HybridContainer

/// libFuzzer target: the WXML/AXML template parser and the `{{ }}` expression compiler of the
/// mini-program framework (JavaScript, run in JavaScriptCore as in an app). Any text must parse
/// or be refused with a `TemplateError` naming `file:line`; every attribute and text binding of a
/// parsed template must compile (or be refused the same way) and evaluate against an empty
/// scope without any other kind of error: no stack overflow, no hang (the watchdog's 2 s), no
/// error without a line.
let harness = ScriptResource.inline(
    "fuzz/template-harness.js",
    """
    import { parseTemplate, TemplateError } from './template-parser.js';
    import { compileInterpolation } from './expressions.js';
    const located = (error) => error instanceof TemplateError && /^fuzz\\.wxml:\\d+: /.test(error.message);
    function check(node, depth) {
      if (depth > 10000) throw new Error('the tree is deeper than its source');
      const bindings = node.type === 'text' ? [node.value] : node.attrs.map((attr) => attr.value);
      for (const text of bindings) {
        let compiled;
        try { compiled = compileInterpolation(text, 'fuzz.wxml', node.line); } catch (error) { if (located(error)) continue; throw error; }
        try { compiled.evaluate(Object.create(null)); } catch (error) { if (!(error instanceof TypeError) && !located(error)) throw error; }
      }
      for (const child of node.children || []) check(child, depth + 1);
    }
    globalThis.__fuzzTemplate = (text) => {
      try {
        check(parseTemplate(text, 'fuzz.wxml', []), 0);
        return 'ok';
      } catch (error) {
        if (located(error)) return 'refused';
        return 'bad: ' + (error && error.name) + ': ' + (error && error.message);
      }
    };
    """)

let runtime = JSRuntime()
let context: ScriptContext = {
    let made = Box<ScriptContext>()
    let done = DispatchSemaphore(value: 0)
    Task {
        let context = try await runtime.makeContext(.init(name: "fuzz-template", executionTimeLimit: .seconds(2)))
        let modules = try FrameworkModules(files: HybridContainerScripts.miniProgramModules + [harness], entry: "template-harness.js")
        try await modules.install(into: context, installer: "__installFuzz")
        try await context.call("__installFuzz", [["pages": [], "subpackagePages": [], "tabPages": []]])
        made.value = context
        done.signal()
    }
    done.wait()
    return made.value!
}()

func fuzzOne(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    let outcome = Box<String>()
    let done = DispatchSemaphore(value: 0)
    Task {
        defer { done.signal() }
        do {
            let verdict = try await context.call("__fuzzTemplate", [.string(text)])
            if let problem = verdict.stringValue, problem.hasPrefix("bad: ") { outcome.value = problem }
        } catch {
            outcome.value = "the template check failed: \(error)"
        }
    }
    done.wait()
    if let problem = outcome.value { preconditionFailure("\(problem)\ninput: \(text.prefix(200))") }
}

#if FUZZING
/// The entry point SwiftPM links as `main` (see FuzzSupport): libFuzzer drives `fuzzOne`.
@_cdecl("fuzz_template_main")
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

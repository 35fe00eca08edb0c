// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Testing

@Suite("require() and ES modules")
struct ModuleTests {
    func run(
        _ files: [String: String], main: String = "main.js", check: (ScriptContext) async throws -> Void = { _ in }
    )
        async throws
    {
        try await withContext(.init(name: "modules", modules: InMemoryModules(sources: files))) { context async throws in
            try await context.runModule(main)
            try await check(context)
        }
    }

    func failure(_ files: [String: String], main: String = "main.js") async throws -> JSException? {
        var caught: JSException?
        try await withContext(.init(name: "modules", modules: InMemoryModules(sources: files))) { context async throws in
            do {
                try await context.runModule(main)
            } catch ScriptError.exception(let exception) {
                caught = exception
            }
        }
        return caught
    }

    @Test("CommonJS resolution: relative, without .js, dir/index.js, root-absolute, bare, JSON")
    func resolution() async throws {
        try await run([
            "main.js": """
            const a = require('./lib/a');
            const b = require('./lib');
            const c = require('/lib/c.js');
            const data = require('./data.json');
            const bare = require('lib/a');
            const npm = require('tiny');
            globalThis.result = [a.name, b.name, c.name, data.answer, bare === a, npm.name, __filename, typeof module.exports].join(',');
            """,
            "lib/a.js": "exports.name = 'a';",
            "lib/index.js": "module.exports = { name: 'index' };",
            "lib/c.js": "exports.name = require('../lib/a').name + 'c';",
            "data.json": #"{"answer": 42}"#,
            "miniprogram_npm/tiny/index.js": "exports.name = 'tiny';",
        ]) { context async throws in
            #expect(try await context.evaluate("result") == "a,index,ac,42,true,tiny,main.js,object")
        }
    }

    @Test("modules run once; a cycle sees the partial exports")
    func cacheAndCycles() async throws {
        try await run([
            "main.js": "globalThis.log = []; require('./x'); require('./x'); require('./y');",
            "x.js":
                "log.push('x start'); exports.early = 1; const y = require('./y'); log.push('x sees y.done=' + y.done); exports.done = true;",
            "y.js":
                "log.push('y start'); const x = require('./x'); log.push('y sees x.early=' + x.early + ' x.done=' + x.done); exports.done = true;",
        ]) { context async throws in
            #expect(try await context.evaluate("log.join('|')") == "x start|y start|y sees x.early=1 x.done=undefined|x sees y.done=true")
        }
    }

    @Test("ES import/export forms, interop with CommonJS, live exports, dynamic import, import.meta")
    func esModules() async throws {
        try await run([
            "main.js": """
            import greet, { counter, bump as increment, PI } from './es/math.js';
            import * as everything from './es/math';
            import legacy from './legacy';
            import { named } from './legacy';
            import './es/side-effect';
            import { a, b, c, list0, rest, fromOther, ns, x as renamed } from './es/forms';
            globalThis.results = [greet('x'), counter, PI, legacy.kind, named, sideEffect];
            increment();
            results.push(everything.counter, everything.default('y'), a, b, c, list0, rest, fromOther, ns.x, renamed);
            results.push(import.meta.url);
            import('./es/forms').then((m) => { results.push('dyn:' + m.a); });
            """,
            "es/math.js": """
            export let counter = 0;
            export function bump() { counter += 1; }
            export const PI = 3,
              TAU = 6;
            export default function greet(name) { return 'hi ' + name; }
            """,
            "legacy.js": "module.exports = { kind: 'cjs', named: 'n' };",
            "es/side-effect.js": "globalThis.sideEffect = 'ran';",
            "es/forms.js": """
            const a = 'A';
            export { a };
            export const { b, c: c } = { b: 'B', c: 'C' };
            export const [list0] = ['L0'];
            export var rest = `t${1 + 1}`, unused = /re}/g;
            export { PI as fromOther } from './math';
            export * as ns from './other';
            export * from './other';
            """,
            "es/other.js": "export const x = 'X'; export default 'ignored by export *';",
        ]) { context async throws in
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
            #expect(try await context.evaluate("results.join(',')") == "hi x,0,3,cjs,n,ran,1,hi y,A,B,C,L0,t2,3,X,X,main.js,dyn:A")
        }
    }

    @Test("export default of an expression and a class; strict mode in ES modules")
    func defaults() async throws {
        try await run([
            "main.js":
                "import value from './v'; import K from './k'; import strict from './strict'; globalThis.r = [value.n, new K().m(), strict];",
            "v.js": "export default {\n  n: 1 + 1,\n};",
            "k.js": "export default class { m() { return 'm'; } }",
            "strict.js": "export default (function () { return this === undefined; })();",
        ]) { context async throws in
            #expect(try await context.evaluate("r") == [2, "m", true])
        }
    }

    @Test("a missing module names the request and the requiring file")
    func missingModule() async throws {
        let exception = try #require(
            try await failure([
                "main.js": "require('./lib/a');",
                "lib/a.js": "\n\nrequire('./nope');",
            ]))
        #expect(exception.message == "Cannot find module './nope' from 'lib/a.js'")
        #expect(exception.sourceURL == "lib/a.js")
        #expect(exception.line == 3)
    }

    @Test("syntax errors name the module file and line, also in ES modules after rewriting")
    func syntaxErrors() async throws {
        let plain = try #require(try await failure(["main.js": "require('./bad');", "bad.js": "const a = 1;\nconst b = ;\n"]))
        #expect(plain.name == "SyntaxError")
        #expect(plain.sourceURL == "bad.js")
        #expect(plain.line == 2)
        let esm = try #require(
            try await failure([
                "main.js": "import x from './bad';",
                "bad.js": "import a from './a';\nimport {\n  b\n} from './a';\nexport default a;\nlet = ;\n",
                "a.js": "module.exports = 1;",
            ]))
        #expect(esm.sourceURL == "bad.js")
        #expect(esm.line == 6)
        let runtime = try #require(
            try await failure([
                "main.js": "import { f } from './thrower';\nf();",
                "thrower.js": "export function f() {\n  throw new Error('boom');\n}",
            ]))
        #expect(runtime.message == "boom")
        #expect(runtime.sourceURL == "thrower.js")
        #expect(runtime.line == 2)
    }

    @Test("bad JSON, unsupported file types, escaping the root and non-string names are errors")
    func badModules() async throws {
        let json = try #require(try await failure(["main.js": "require('./d.json');", "d.json": "{nope"]))
        #expect(json.message == "d.json is not valid JSON")
        let type = try #require(try await failure(["main.js": "require('./style.css');", "style.css": "a{}"]))
        #expect(type.message.contains("neither a .js nor a .json module"))
        let escape = try #require(try await failure(["main.js": "require('../../etc/passwd');"]))
        #expect(escape.message.contains("Cannot find module"))
        let notString = try #require(try await failure(["main.js": "require(42);"]))
        #expect(notString.name == "TypeError")
        let unclosed = try #require(try await failure(["main.js": "import a from './a';\nconst s = `open ${a\n"]))
        #expect(unclosed.message.contains("main.js"))
    }

    @Test("a context without module files refuses require with a clear message")
    func noProvider() async throws {
        try await withContext { context async throws in
            #expect(
                try await context.evaluate("try { require('./x'); } catch (e) { e.message }")
                    == "Cannot find module './x' from '/'")
        }
    }

    @Test("fuzzer finding: an export pattern running to the end of the file is a Failure, not a crash")
    func unterminatedExportPattern() throws {
        #expect(throws: ESModuleTransform.Failure.self) { try ESModuleTransform.transform("export const [A = 'x';") }
        #expect(throws: ESModuleTransform.Failure.self) { try ESModuleTransform.transform("export const {a") }
        let found = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/Corpus/module-transform/regression-unterminated-pattern.js").standardized
        let source = String(decoding: try Data(contentsOf: found), as: UTF8.self)
        _ = try? ESModuleTransform.transform(source)
    }

    @Test("scripts without module syntax are left alone without tokenizing; every form of it is still found")
    func moduleSyntaxPrecheck() throws {
        // No module syntax: names containing the words, properties, a plain CommonJS bundle.
        for source in [
            "module.exports = { a: 1 }; exports.b = 2;", "x.import(1); y.export = 2; const importer = 1, reexport = 2;",
            "var $import = 1, import_ = 2, importé = 3;", "",
        ] {
            #expect(try ESModuleTransform.transform(source) == nil, "\(source)")
        }
        // Module syntax anywhere: first or last word, after punctuation, dynamic, import.meta, spread.
        for source in [
            "import a from './a'", "x;export default 1", "f(import('./a'))", "const u = import.meta.url;",
            "g(...import('./a'))", "\nexport const b = 2;", "if (x) {import('./a')}",
        ] {
            #expect(try ESModuleTransform.transform(source) != nil, "\(source)")
        }
    }

    @Test("fuzzer finding: a line continuation in a module name keeps the line count and resolves")
    func lineContinuation() async throws {
        try await run([
            "main.js": "import value from './li\\\nb';\nglobalThis.got = [value, new Error().line];",
            "lib.js": "export default 'joined';",
        ]) { context async throws in
            #expect(try await context.evaluate("got[0]") == "joined")
            #expect(try await context.evaluate("got[1]") == 3)
        }
    }

    @Test("the lexer ignores module syntax inside strings, comments, templates and regexes")
    func lexerDistractions() throws {
        let source = """
            const s = "import x from 'y'"; // export default 1
            /* export const z = 2; */
            const t = `export ${ "import" } ${ `nested ${1}` }`;
            const r = /export default/g; obj.import = 1; obj.export = 2;
            const half = 4 / 2 / 1;
            """
        #expect(try ESModuleTransform.transform(source) == nil)
    }
}

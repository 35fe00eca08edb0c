// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

/// One TypeScript construct: the source sets `result`; run after stripping, it must equal
/// `expected`, and every character that was not erased stays in its line and column.
struct TypeScriptCase: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let expected: JSONValue
    var testDescription: String { name }
}

@Suite("TypeScript pages: types erased to whitespace, lines and columns kept")
struct TypeScriptStripperTests {
    static let cases: [TypeScriptCase] = [
        .init(
            name: "variable annotations",
            source: "let a: number = 1, b: string[] = ['x'];\nconst c: Map<string, number> = new Map();\nresult = [a, b[0], c.size];",
            expected: [1, "x", 0]),
        .init(
            name: "parameters, optional and default, return types",
            source: "function f(a: number, b?: string, c: boolean = true): string { return `${a}${b}${c}`; }\nresult = f(1);",
            expected: "1undefinedtrue"),
        .init(
            name: "arrow functions with types and a type predicate",
            source:
                "const isStr = (x: unknown): x is string => typeof x === 'string';\nconst g = async (x: number): Promise<number> => x * 2;\nresult = [isStr('a'), isStr(1)];",
            expected: [true, false]),
        .init(
            name: "ternaries stay ternaries",
            source:
                "const t = (a: number) => (a > 1 ? 'big' : 'small');\nconst u = true ? (1) : 2;\nresult = [t(2), t(0), u, { k: 1 ? 2 : 3 }.k];",
            expected: ["big", "small", 1, 2]),
        .init(
            name: "interface and type aliases",
            source:
                "interface A { x: number; y?: string }\nexport interface B extends A { z: () => void }\ntype U = 'a' | 'b';\ntype G<T> = T extends string ? { s: T } : never;\ntype M = { [K in keyof A]: A[K] };\nresult = 'ok';",
            expected: "ok"),
        .init(
            name: "generics in declarations and calls",
            source:
                "function id<T extends object = {}>(x: T): T { return x; }\nconst pair = <A, B>(a: A, b: B): [A, B] => [a, b];\nresult = [id<{ n: number }>({ n: 1 }).n, pair<number, string>(1, 'x')[1], 1 < 2, 3 > 2];",
            expected: [1, "x", true, true]),
        .init(
            name: "as, as const, satisfies",
            source:
                "const o = { a: 1 } as const;\nconst v = (o as unknown as { a: number }).a;\nconst w = { b: 2 } satisfies Record<string, number>;\nresult = [v, w.b];",
            expected: [1, 2]),
        .init(
            name: "non-null assertions and definite assignment",
            source: "let d!: number;\nd = 3;\nconst arr: number[] | undefined = [4];\nresult = [d, arr!.length, arr![0], 1 !== 2];",
            expected: [3, 1, 4, true]),
        .init(
            name: "classes: modifiers, fields, optional members, implements, abstract",
            source: """
                interface Shape { area(): number }
                abstract class Base<T> implements Shape {
                  private readonly name: string = 'base';
                  protected count?: number;
                  static created: number = 0;
                  public declare tag: string;
                  abstract area(): number;
                  describe(): string { return this.name; }
                  ready?(): void;
                  [key: string]: unknown;
                }
                class Square extends Base<number> {
                  constructor(public side_: number = 2) { super(); }
                  override area(): number { return 4; }
                }
                result = [new Square().side_, new Square(5).area()];
                """, expected: [2, 4]),
        .init(
            name: "classes without parameter properties",
            source: """
                abstract class Base<T> {
                  private readonly name: string = 'base';
                  protected count?: number;
                  static created: number = 0;
                  abstract area(): number;
                  describe(): string { return this.name; }
                }
                class Square extends Base<number> implements Iterable<number> {
                  side: number;
                  constructor(side: number) { super(); this.side = side; }
                  override area(): number { return this.side * this.side; }
                  get double(): number { return this.side * 2; }
                  *[Symbol.iterator](): Iterator<number> { yield this.side; }
                }
                const s = new Square(3);
                result = [s.area(), s.describe(), s.double, [...s][0]];
                """, expected: [9, "base", 6, 3]),
        .init(
            name: "overload signatures",
            source:
                "function over(a: string): string;\nfunction over(a: number): number;\nfunction over(a: any): any { return a; }\nresult = over(5);",
            expected: 5),
        .init(
            name: "declare and type-only imports and exports",
            source:
                "declare const wx: any;\ndeclare module 'x' { export const y: number; }\ndeclare global { interface Window { a: 1 } }\nexport type { U } from './types';\nimport type { T } from './types';\nresult = typeof wx;",
            expected: "undefined"),
        .init(
            name: "this parameters, catch annotations, destructuring",
            source:
                "function m(this: { v: number }, k: number) { return this.v + k; }\nlet caught = '';\ntry { throw new Error('e'); } catch (e: unknown) { caught = (e as Error).message; }\nconst pick = ({ a, b }: { a: number; b: number }): number => a + b;\nresult = [m.call({ v: 1 }, 2), caught, pick({ a: 1, b: 2 })];",
            expected: [3, "e", 3]),
        .init(
            name: "switch cases after a declaration without semicolons",
            source:
                "let k = 2\nlet out = ''\nswitch (k) {\n  case 1: out = 'one'; break\n  case (2): out = 'two'; break\n  default: out = 'other'\n}\nresult = out",
            expected: "two"),
        .init(
            name: "template literal types and strings with substitutions",
            source: "type Key = `on${string}`;\nconst n: number = 2;\nresult = `${n > 1 ? 'many' : 'one'}:${n}`;", expected: "many:2"),
    ]

    @Test("each construct runs after stripping", arguments: cases)
    func construct(_ example: TypeScriptCase) async throws {
        let stripped = try TypeScriptStripper.strip(example.source)
        // Same lines; every character kept in its column or turned into a space (generated code,
        // parameter properties here, keeps the lines only).
        let original = example.source.split(separator: "\n", omittingEmptySubsequences: false)
        let output = stripped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(original.count == output.count)
        for (before, after) in zip(original, output) where !example.name.hasPrefix("classes: modifiers") {
            #expect(before.utf16.count == after.utf16.count, "\(before) → \(after)")
            for (a, b) in zip(before, after) where a != b { #expect(b == " ", "\(before) → \(after)") }
        }
        try await withContext { context async throws in
            _ = try await context.evaluate("var result;\n" + stripped.replacingOccurrences(of: "export ", with: "       "))
            #expect(try await context.evaluate("result") == example.expected, "\(stripped)")
        }
    }

    /// Source → the exact JavaScript, for the constructs that generate code or erase in a new way.
    static let conformance: [(name: String, source: String, javaScript: String, result: JSONValue)] = [
        (
            "enum: auto-increment, initialisers, string members, reverse mapping",
            "enum Color { Red, Green = 5, Blue, Mix = Green | Blue }\nresult = [Color.Red, Color.Blue, Color[5], Color.Mix];",
            "var Color = (function (Color) { var __next = 0; function __member(key, value) { Color[key] = value; "
                + "if (typeof value === \"number\") { Color[value] = key; __next = value + 1; } return value; } var Red = __member(\"Red\", __next); "
                + "var Green = __member(\"Green\", 5); var Blue = __member(\"Blue\", __next); var Mix = __member(\"Mix\", Green | Blue );"
                + "return Color; })({});\nresult = [Color.Red, Color.Blue, Color[5], Color.Mix];",
            [0, 6, "Green", 7]
        ),
        (
            "const enum and string members across lines",
            "export const enum Size {\n  Small = 'sm',\n  'x-large' = 'xl',\n}\nresult = [Size.Small, Size['x-large'], Size.sm];",
            "export       var Size = (function (Size) { var __next = 0; function __member(key, value) { Size[key] = value; "
                + "if (typeof value === \"number\") { Size[value] = key; __next = value + 1; } return value; }\n  var Small = __member(\"Small\",  'sm');\n"
                + "  __member('x-large',  'xl');\n return Size; })({});\nresult = [Size.Small, Size['x-large'], Size.sm];",
            ["sm", "xl", .undefined]
        ),
        (
            "parameter properties, after super() in a derived class",
            "class P extends Object { constructor(private a: number, readonly b = 2, c?: string) { super(); } }\nconst p = new P(1);\nresult = [p.a, p.b, 'c' in p];",
            "class P extends Object { constructor(        a        ,          b = 2, c         ) { super(); this.a = a; this.b = b;} }\nconst p = new P(1);\nresult = [p.a, p.b, 'c' in p];",
            [1, 2, false]
        ),
        (
            "parameter properties in a base class",
            "class Q { constructor(public x: string) {} }\nresult = new Q('q').x;",
            "class Q { constructor(       x        ) { this.x = x;} }\nresult = new Q('q').x;",
            "q"
        ),
        (
            "class and member decorators (experimentalDecorators): members first, then the class, last decorator first",
            "const seen: string[] = [];\nconst tag = (name: string) => (target: any) => { seen.push(name); target.tagged = name; };\n"
                + "const log = (t: any, k: string, d?: PropertyDescriptor) => { seen.push(k + (d ? ' method' : ' field')); };\n"
                + "@tag('outer') @tag('inner')\nexport class Card {\n  @log title: string = 'x';\n  @log static make() { return new Card(); }\n  @log\n  open(): void {}\n}\n"
                + "result = [seen, (Card as any).tagged, Card.make().title];",
            "const seen = [];\nconst tag = (name ) => (target ) => { seen.push(name); target.tagged = name; };\n"
                + "const log = (t , k , d ) => { seen.push(k + (d ? ' method' : ' field')); };\n"
                + "\nexport class Card {\n title = 'x';\n static make() { return new Card(); }\n\n open() {}\n} "
                + "(function (t, k, ds, m) { var d = m ? Object.getOwnPropertyDescriptor(t, k) : undefined; for (var i = ds.length - 1; i >= 0; i--) "
                + "{ var r = ds[i](t, k, d); if (m && r) d = r; } if (m && d) Object.defineProperty(t, k, d); })(Card.prototype, \"title\", [log], false); "
                + "(function (t, k, ds, m) { var d = m ? Object.getOwnPropertyDescriptor(t, k) : undefined; for (var i = ds.length - 1; i >= 0; i--) "
                + "{ var r = ds[i](t, k, d); if (m && r) d = r; } if (m && d) Object.defineProperty(t, k, d); })(Card, \"make\", [log], true); "
                + "(function (t, k, ds, m) { var d = m ? Object.getOwnPropertyDescriptor(t, k) : undefined; for (var i = ds.length - 1; i >= 0; i--) "
                + "{ var r = ds[i](t, k, d); if (m && r) d = r; } if (m && d) Object.defineProperty(t, k, d); })(Card.prototype, \"open\", [log], true); "
                + "Card = [tag('outer'), tag('inner')].reduceRight(function (t, d) { return d(t) || t; }, Card);\n"
                + "result = [seen, (Card ).tagged, Card.make().title];",
            [["title field", "make method", "open method", "inner", "outer"], "outer", "x"]
        ),
        (
            "angle-bracket assertions",
            "const o: any = { y: 3 };\nresult = (<any>o).y + (<number>1);",
            "const o      = { y: 3 };\nresult = (     o).y + (        1);",
            4
        ),
    ]

    @Test("generated code and new erasures: source → the exact JavaScript, which runs")
    func conformanceCases() async throws {
        for example in Self.conformance {
            let stripped = try TypeScriptStripper.strip(example.source)
            // Compared with runs of spaces collapsed (erased text becomes spaces of its width).
            let collapse = { (text: String) in
                text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                }
            }
            #expect(collapse(stripped) == collapse(example.javaScript), "\(example.name):\n\(stripped)")
            #expect(
                stripped.split(separator: "\n", omittingEmptySubsequences: false).count
                    == example.source.split(separator: "\n", omittingEmptySubsequences: false).count)
            try await withContext { context async throws in
                _ = try await context.evaluate("var result;\n" + stripped.replacingOccurrences(of: "export ", with: "       "))
                #expect(try await context.evaluate("result") == example.result, "\(example.name)")
            }
        }
    }

    @Test("constructs that need more than local code are refused with their line")
    func refusals() {
        let refused: [(String, Int)] = [
            ("namespace N { export const x = 1; }", 1), ("@Component\nexport default class {}", 2),
            ("const A = class {\n  @Input() x = 1;\n}", 2), ("\n\nclass A { constructor(private { x }: { x: number }) {} }", 3),
            ("class A {\n  @dec [Symbol.iterator]() {}\n}", 2),
        ]
        for (source, line) in refused {
            do {
                _ = try TypeScriptStripper.strip(source)
                Issue.record("\(source) should be refused")
            } catch {
                #expect(error.line == line, "\(source): \(error)")
            }
        }
    }

    @Test("hostile nesting is refused with a typed failure and its line, never followed until the stack runs out")
    func hostileNesting() {
        let hostile = [
            "type T = " + String(repeating: "a extends ", count: 20_000) + "b;",
            "let f: " + String(repeating: "() => ", count: 20_000) + "void;",
        ]
        for source in hostile {
            do {
                _ = try TypeScriptStripper.strip("\n" + source)
                Issue.record("\(source.prefix(40))… should be refused")
            } catch {
                #expect(error.message.contains("nest deeper than"), "\(error)")
                #expect(error.line == 2)
            }
        }
        // Real nesting well inside the limit still works.
        let nested = "let f: " + String(repeating: "() => ", count: 100) + "void = null;\nresult = f;"
        #expect(throws: Never.self) { try TypeScriptStripper.strip(nested) }
        // Brackets nest without recursion: 20,000 levels are followed (and erased) in one pass.
        let parenthesized = "let g: " + String(repeating: "keyof (", count: 20_000) + "X" + String(repeating: ")", count: 20_000) + " = 1;"
        #expect((try? TypeScriptStripper.strip(parenthesized))?.hasSuffix("   = 1;") == true)
    }

    @Test("8,000 comparisons in one list, and generics in a long file: each `<` looks only at its own list")
    func manyComparisons() throws {
        let comparisons = (0..<8_000).map { "a\($0 % 10) < b" }.joined(separator: ", ")
        let source = "const r = [\(comparisons)];\nconst m = new Map<string, Array<{ k: number }>>();\n"
        let stripped = try TypeScriptStripper.strip(source)
        #expect(stripped.hasPrefix("const r = [a0 < b, a1 < b"), "comparisons stay")
        #expect(stripped.utf8.count == source.utf8.count)
        let lastLine = stripped.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine == "const m = new Map" + String(repeating: " ", count: 30) + "();", "\(lastLine)")
    }

    @Test("plain JavaScript passes through unchanged")
    func plainJavaScript() throws {
        let source = "const a = b ? c : d; label: for (;;) { break label; }\nconst o = { x: 1, y: a < 2 && 3 > 1 };\nif (!x) y = z!== 1;\n"
        #expect(try TypeScriptStripper.strip(source) == source)
    }
}

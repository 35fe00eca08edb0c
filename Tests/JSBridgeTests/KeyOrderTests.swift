// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Testing

/// JavaScript keeps the insertion order of string keys and apps depend on it; so do
/// `JSONValue` objects, the bridge and `JSONValue(parsing:)`.
@Suite("Object key order and JSON text")
struct KeyOrderTests {
    @Test("objects cross the bridge both ways in their key order; equality ignores order")
    func acrossTheBridge() async throws {
        try await withContext { context async throws in
            let value = try await context.evaluate("({ n: 1, s: 'x', list: [{ z: 1, a: 2 }], b: { y: 0, c: 1 } })")
            #expect(value.objectValue.map { Array($0.keys) } == ["n", "s", "list", "b"])
            #expect(value["list"]?[0]?.objectValue.map { Array($0.keys) } == ["z", "a"])
            try await set("fromSwift", value, in: context)
            #expect(try await context.evaluate("Object.keys(fromSwift).join() + '|' + Object.keys(fromSwift.b).join()") == "n,s,list,b|y,c")
            #expect(value == ["b": ["c": 1, "y": 0], "list": [["a": 2, "z": 1]], "s": "x", "n": 1])
            #expect(value.stringified() == #"{"n":1,"s":"x","list":[{"z":1,"a":2}],"b":{"y":0,"c":1}}"#)
        }
    }

    /// Inputs JavaScriptCore's `JSON.parse` is the judge of: ours accepts exactly what it
    /// accepts and gives the same value, key order included.
    static let texts: [String] = [
        #"{"z":1,"a":2,"m":{"y":[1,2,{"q":null,"b":true}],"c":false}}"#, #"{"a":1,"b":2,"a":3}"#, "[]", "{}", " \n\t[1 , 2]\r\n",
        "0", "-0", "1e400", "-1E-400", "123.456e+7", "01", "1.", ".5", "-", "+1", "1e", "0x10", "NaN", "Infinity",
        #""\u00e9\ud83c\udf0d\n\/\\\"""#, #""\ud800""#, #""\udc00x""#, #""\u12""#, #""\q""#, "\"a\u{1}b\"", "\"unterminated",
        "[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "{\"a\" 1}", "tru", "nul", "true false", "", "  ", "\"\u{7f}\"", "\"中文 🌍\"",
        "[[[[[[[[[[1]]]]]]]]]]", "{\"\":0}", #"{"j":1,"2":2,"10":3,"01":4,"4294967295":5,"4294967294":6,"-1":7}"#, "-12.5e-3", "1E2",
        "[-0.0]", "\u{FEFF}[1]",
    ]

    @Test("JSONValue(parsing:) agrees with JSON.parse on valid and invalid text", arguments: texts)
    func agreesWithJavaScript(text: String) async throws {
        try await withContext { context async throws in
            try await set("text", .string(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text), in: context)
            let expected = try await context.evaluate(
                "(() => { try { return { ok: JSON.parse(text) }; } catch (e) { return { error: true }; } })()")
            let ours = Result { () throws(JSONParseError) in try JSONValue(parsing: text) }
            switch (expected["ok"], ours) {
            case (let value?, .success(let parsed)):
                #expect(parsed == value, "\(text)")
                #expect(parsed.stringified() == value.stringified(), "key order of \(text)")
            case (nil, .failure(let error)):
                #expect(error.offset >= 0 && error.offset <= text.utf8.count)
            case (let value, let result):
                Issue.record("\(text): JSON.parse gave \(String(describing: value)), ours \(result)")
            }
        }
    }

    @Test("deep nesting is refused with a typed error, not a crash")
    func depth() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
        let fine =
            String(repeating: "[", count: JSONValue.maximumParsingDepth) + String(repeating: "]", count: JSONValue.maximumParsingDepth)
        #expect((try? JSONValue(parsing: fine)) != nil)
    }
}

/// Sets a global of the context to a value from Swift.
private func set(_ name: String, _ value: JSONValue, in context: ScriptContext) async throws {
    try await context.evaluate("globalThis.__set = (name, value) => { globalThis[name] = value; }")
    try await context.call("__set", [.string(name), value])
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Testing

@Suite("Values crossing between JavaScript and Swift")
struct ValueConversionTests {
    @Test("primitives, unicode and big numbers come back from JavaScript exactly")
    func primitives() async throws {
        try await withContext { context async throws in
            #expect(try await context.evaluate("undefined") == .undefined)
            #expect(try await context.evaluate("null") == .null)
            #expect(try await context.evaluate("true") == .bool(true))
            #expect(try await context.evaluate("'héllo 🌍 \\u0000 中文'") == .string("héllo 🌍 \u{0} 中文"))
            // Swift → JavaScript: source text with non-ASCII characters, and with a raw NUL
            // character (a C string would end there), arrives whole.
            #expect(try await context.evaluate("'héllo 🌍 中文'") == .string("héllo 🌍 中文"))
            #expect(try await context.evaluate("'a\u{0}b é🌍'") == .string("a\u{0}b é🌍"))
            #expect(try await context.evaluate("'a\u{0}b é🌍'.length") == .number(7))
            #expect(try await context.evaluate("Number.MAX_SAFE_INTEGER") == .number(9_007_199_254_740_991))
            #expect(try await context.evaluate("1.7976931348623157e308") == .number(.greatestFiniteMagnitude))
            #expect(try await context.evaluate("-5e-324") == .number(-Double.leastNonzeroMagnitude))
            #expect(try await context.evaluate("2n ** 40n") == .number(1_099_511_627_776))
            let nan = try await context.evaluate("NaN")
            #expect(nan.numberValue?.isNaN == true)
        }
    }

    @Test("a BigInt too large for a double is refused with a clear error")
    func hugeBigInt() async throws {
        try await withContext { context async throws in
            await #expect(throws: ScriptError.self) { try await context.evaluate("2n ** 80n") }
        }
    }

    @Test("nested objects and arrays follow JSON rules, keeping top-level undefined")
    func nested() async throws {
        try await withContext { context async throws in
            let value = try await context.evaluate(
                """
                ({ a: [1, 'two', { three: [null, true] }], skip: undefined, fn() {}, when: new Date(0),
                   deep: { deeper: { deepest: 'ok' } }, [Symbol('s')]: 1 })
                """)
            #expect(
                value == [
                    "a": [1, "two", ["three": [nil, true]]],
                    "when": "1970-01-01T00:00:00.000Z",
                    "deep": ["deeper": ["deepest": "ok"]],
                ])
            #expect(try await context.evaluate("[1, undefined, 3]") == [1, .undefined, 3])
        }
    }

    @Test("cyclic values are refused instead of recursing forever")
    func cycles() async throws {
        try await withContext { context async throws in
            await #expect {
                try await context.evaluate("const o = {}; o.self = o; o")
            } throws: { error in
                guard case ScriptError.valueConversion(let reason) = error else { return false }
                return reason.contains("cyclic")
            }
        }
    }

    @Test("Swift values round-trip through JavaScript unchanged, binary as ArrayBuffer")
    func roundTrip() async throws {
        try await withContext { context async throws in
            try await context.evaluate("function echo(v) { return v; } function kind(v) { return Object.prototype.toString.call(v); }")
            let bytes = Data((0..<256).map { UInt8($0) })
            let value: JSONValue = [
                "text": "ünïcødé \u{1F600} \"quoted\"\n", "n": 0.1, "big": 9_007_199_254_740_991, "neg": -0.0,
                "list": [1, [2, [3, ["four": nil]]]], "bytes": .binary(bytes), "empty": .binary(Data()),
            ]
            #expect(try await context.call("echo", [value]) == value)
            #expect(try await context.call("kind", [.binary(bytes)]) == "[object ArrayBuffer]")
        }
    }

    @Test("typed arrays and their views convert to exactly their bytes")
    func typedArrays() async throws {
        try await withContext { context async throws in
            #expect(try await context.evaluate("new Uint8Array([1,2,3,250])") == .binary(Data([1, 2, 3, 250])))
            #expect(try await context.evaluate("new Uint8Array([9,8,7,6,5]).subarray(1, 3)") == .binary(Data([8, 7])))
            #expect(try await context.evaluate("new Uint16Array([0x0102]).buffer") == .binary(Data([0x02, 0x01])))
        }
    }

    @Test("Codable types encode to and decode from JSONValue, Data as binary")
    func codable() throws {
        struct Payload: Codable, Equatable {
            var name: String
            var count: Int
            var ratio: Double?
            var tags: [String]
            var blob: Data
            var nested: [String: [Int]]
        }
        let payload = Payload(name: "n", count: 3, ratio: nil, tags: ["a", "b"], blob: Data([1, 2]), nested: ["x": [1]])
        let encoded = try JSONValueEncoder().encode(payload)
        #expect(encoded == ["name": "n", "count": 3, "tags": ["a", "b"], "blob": .binary(Data([1, 2])), "nested": ["x": [1]]])
        #expect(try JSONValueDecoder().decode(Payload.self, from: encoded) == payload)
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(UInt64.max) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int.self, from: 1.5) }
    }

    @Test("evaluate can decode straight into a Decodable type")
    func decodeResult() async throws {
        struct Point: Decodable, Equatable { var x: Int; var y: Int }
        try await withContext { context async throws in
            #expect(try await context.evaluate("({x: 1, y: 2})", as: Point.self) == Point(x: 1, y: 2))
        }
    }
}

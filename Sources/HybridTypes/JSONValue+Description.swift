// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

extension JSONValue: CustomStringConvertible {
    /// A compact JSON-like rendering, keys in their order; binary shows as `<N bytes>`.
    public var description: String {
        var output = ""
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch self {
        case .undefined: output += "undefined"
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += Self.format(number: value)
        case .string(let value): output += Self.quote(value)
        case .binary(let data): output += "<\(data.count) bytes>"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.render(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                output += Self.quote(key)
                output += ":"
                value.render(into: &output)
            }
            output += "}"
        }
    }

    /// Formats a number the way JavaScript's `String(number)` does (any value, no trap).
    package static func format(number value: Double) -> String {
        JSNumberFormat.string(value)
    }

    package static func quote(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }
}

extension JSONValue: Codable {
    /// Decodes from any `Decoder` (e.g. `JSONDecoder`); binary data cannot come from plain JSON.
    public init(from decoder: any Decoder) throws {
        if let direct = decoder as? any JSONValueDecoding {
            self = direct.value
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            // A keyed container does not keep the text's order: sorted, to be deterministic.
            // `JSONValue(parsing:)` keeps the order.
            self = .object(JSONObject(uniqueKeysWithValues: value.sorted { $0.key < $1.key }))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }

    /// Encodes into any `Encoder`; `undefined` encodes as null, binary as `Data`.
    public func encode(to encoder: any Encoder) throws {
        if case .object(let members) = self {
            // Keyed, in order (OrderedDictionary's own Codable form is a flat array).
            var keyed = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in members { try keyed.encode(value, forKey: MemberKey(key)) }
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .undefined, .null, .object: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .binary(let value): try container.encode(value)
        }
    }
}

/// A member name of a JSON object, as a coding key.
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

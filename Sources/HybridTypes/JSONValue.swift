// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
// Re-exported: `JSONObject` is OrderedDictionary, and its API is part of the vocabulary.
@_exported import OrderedCollections

/// The members of a JSON object, in their order (JavaScript keeps insertion order for string
/// keys, and apps depend on it).
public typealias JSONObject = OrderedDictionary<String, JSONValue>

/// A Sendable value that can cross between the JavaScript thread and the rest of the program.
///
/// It mirrors what JSON can express, plus `undefined` (so JavaScript results are reported
/// faithfully) and `binary` (`ArrayBuffer` / typed arrays cross as `Data`, never as base64).
///
/// Objects keep their key order across the bridge and through ``JSONValue/init(parsing:)``;
/// equality ignores it, as JSON's does (`{"a":1,"b":2}` equals `{"b":2,"a":1}`).
public enum JSONValue: Sendable, Hashable {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
    case binary(Data)
}

extension JSONValue {
    /// `{}`: the parameters of a call that passed none.
    public static let emptyObject = JSONValue.object([:])

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The numeric payload, if this is a number.
    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The numeric payload as an `Int`, if this is a number that is an exact integer.
    public var intValue: Int? {
        guard case .number(let value) = self, let exact = Int(exactly: value) else { return nil }
        return exact
    }

    /// The boolean payload, if this is a bool.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The bytes, if this is binary data.
    public var binaryValue: Data? {
        if case .binary(let value) = self { return value }
        return nil
    }

    /// True for `null` and `undefined`.
    public var isNullish: Bool {
        switch self {
        case .null, .undefined: return true
        default: return false
        }
    }

    /// Member lookup for objects; `nil` for other kinds or missing keys.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Element lookup for arrays; `nil` for other kinds or out-of-range indexes.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension JSONValue {
    /// Equality as JSON means it: object members compare by key, whatever their order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.binary(let a), .binary(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], other == value else { return false }
            }
            return true
        default: return false
        }
    }

    /// Hashes consistently with `==`: object members are combined independently of their order.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .undefined: hasher.combine(0)
        case .null: hasher.combine(1)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .binary(let value): hasher.combine(value)
        case .object(let members):
            hasher.combine(members.count)
            var combined = 0
            for (key, value) in members {
                var member = Hasher()
                member.combine(key)
                member.combine(value)
                combined ^= member.finalize()
            }
            hasher.combine(combined)
        }
    }
}

extension OrderedDictionary where Key == String, Value == JSONValue {
    /// Members from a Swift dictionary, which has no order: sorted by key, so the result is the
    /// same every run.
    public init(sorting members: [String: JSONValue]) {
        self.init(uniqueKeysWithValues: members.sorted { $0.key < $1.key })
    }
}

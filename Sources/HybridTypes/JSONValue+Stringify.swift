// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

extension JSONValue {
    /// JSON text with JavaScript's `JSON.stringify` rules, so any value an app passes can be
    /// stored or sent: NaN and ±Infinity become `null`, `undefined` members are left out and
    /// `undefined` elements become `null`; object keys keep their order; numbers print as
    /// JavaScript prints them. Binary data has no JSON form: `nil` when the value holds any.
    public func stringified() -> String? {
        var output = ""
        return write(into: &output) ? output : nil
    }

    private func write(into output: inout String) -> Bool {
        switch self {
        case .undefined, .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += value.isFinite ? JSNumberFormat.string(value) : "null"
        case .string(let value): output += Self.quote(value)
        case .binary: return false
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                guard element.write(into: &output) else { return false }
            }
            output += "]"
        case .object(let members):
            output += "{"
            var first = true
            for (key, member) in members {
                if case .undefined = member { continue }
                if !first { output += "," }
                first = false
                output += Self.quote(key)
                output += ":"
                guard member.write(into: &output) else { return false }
            }
            output += "}"
        }
        return true
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension JSONValue {
    /// About how many bytes the value takes as JSON (strings and keys by their UTF-8 length,
    /// quotes and separators counted, escapes not; numbers as 8, binary by its length): what
    /// traces report as a call's bytes in and out, without writing the JSON. Linear in the
    /// value's size; nested values deeper than 256 levels count as 1 byte each below that.
    public var approximateByteCount: Int { Self.size(of: self, depth: 0) }

    private static func size(of value: JSONValue, depth: Int) -> Int {
        guard depth < 256 else { return 1 }
        switch value {
        case .undefined, .null: return 4
        case .bool(let flag): return flag ? 4 : 5
        case .number: return 8
        case .string(let text): return text.utf8.count + 2
        case .binary(let data): return data.count
        case .array(let items):
            return items.reduce(1 + max(items.count, 1)) { $0 + size(of: $1, depth: depth + 1) }
        case .object(let members):
            return members.reduce(1 + max(members.count, 1)) { $0 + $1.key.utf8.count + 3 + size(of: $1.value, depth: depth + 1) }
        }
    }
}

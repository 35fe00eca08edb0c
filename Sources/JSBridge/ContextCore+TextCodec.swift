// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// Native halves of `TextEncoder` / `TextDecoder` (UTF-8 only, as the Encoding Standard's
/// `TextEncoder`; `TextDecoder` refuses other labels with a `RangeError`).
extension ContextCore {
    func encodeUTF8(_ args: NativeFunction.Arguments) throws -> JSValueRef? {
        let text = try converter.string(args[0])
        return converter.uint8Array(text.utf8)
    }

    /// Writes as many whole characters as fit; returns `[read UTF-16 units, written bytes]`.
    func encodeUTF8Into(_ args: NativeFunction.Arguments) throws -> JSValueRef? {
        let text = try converter.string(args[0])
        guard let destination = JSValueToObject(globalContext, args[1], nil) else {
            throw NativeFunctionError.type("TextEncoder.encodeInto: destination must be a Uint8Array")
        }
        let target = converter.typedArrayBytes(destination)
        let capacity = target.count
        let base = target.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var read = 0
        var written = 0
        for scalar in text.unicodeScalars {
            let encoded = UTF8.encode(scalar)!
            guard written + encoded.count <= capacity, let base else { break }
            for byte in encoded {
                base[written] = byte
                written += 1
            }
            read += UTF16.width(scalar)
        }
        var values: [JSValueRef?] = [JSValueMakeNumber(globalContext, Double(read)), JSValueMakeNumber(globalContext, Double(written))]
        return JSObjectMakeArray(globalContext, 2, &values, nil)
    }

    /// `decodeUTF8(bytes, fatal, ignoreBOM, stream)` → `[text, consumedBytes]`.
    func decodeUTF8(_ args: NativeFunction.Arguments) throws -> JSValueRef? {
        let fatal = JSValueToBoolean(globalContext, args[1])
        let ignoreBOM = JSValueToBoolean(globalContext, args[2])
        let stream = JSValueToBoolean(globalContext, args[3])
        guard let bytesObject = JSValueToObject(globalContext, args[0], nil) else {
            throw NativeFunctionError.type("TextDecoder.decode: expected bytes")
        }
        let raw = converter.typedArrayBytes(bytesObject)
        let bytes = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
        let end = stream ? Self.completePrefixLength(bytes) : bytes.count
        var start = 0
        if !ignoreBOM, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let text: String
        if fatal {
            guard let valid = String(validating: slice, as: UTF8.self) else {
                throw NativeFunctionError.type("TextDecoder.decode: the encoded data was not valid UTF-8")
            }
            text = valid
        } else {
            text = String(decoding: slice, as: UTF8.self)
        }
        var values: [JSValueRef?] = [
            JSStringConversion.with(text) { JSValueMakeString(globalContext, $0) },
            JSValueMakeNumber(globalContext, Double(end)),
        ]
        return JSObjectMakeArray(globalContext, 2, &values, nil)
    }

    /// The length without a trailing, possibly incomplete multi-byte sequence.
    static func completePrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var index = count - 1
        var continuation = 0
        while index >= 0, continuation < 3, bytes[index] & 0xC0 == 0x80 {
            continuation += 1
            index -= 1
        }
        guard index >= 0 else { return count }
        let lead = bytes[index]
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF4: needed = 3
        default: return count
        }
        return continuation < needed ? index : count
    }
}

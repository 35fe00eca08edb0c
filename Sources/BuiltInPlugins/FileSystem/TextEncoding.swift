// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins

/// The encodings `readFile`/`writeFile` accept. Every codec is one linear pass writing straight
/// into its output (they run on the app's thread for `…Sync` calls; a per-byte `String` or
/// `Character` cost microseconds a byte).
enum TextEncoding {
    case utf8, base64, hex, latin1

    /// nil for no encoding (binary).
    init?(_ name: String?, api: String) throws {
        guard let name else { return nil }
        switch name.lowercased() {
        case "utf8", "utf-8": self = .utf8
        case "base64": self = .base64
        case "hex": self = .hex
        case "binary", "latin1", "ascii": self = .latin1
        default: throw BridgeError(.invalidParameters, "\(api): unknown encoding \(name)")
        }
    }

    private static let hexDigits: StaticString = "0123456789abcdef"
    private static let base64Digits: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// Two lower-case digits per byte.
    static func hex(_ data: Data) -> String {
        data.withUnsafeBytes { source in
            String(unsafeUninitializedCapacity: source.count * 2) { buffer in
                let digits = hexDigits.utf8Start
                var index = 0
                for byte in source {
                    buffer[index] = digits[Int(byte >> 4)]
                    buffer[index + 1] = digits[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }

    /// Standard base64 with padding, in one pass over the bytes. Each index is six bits of a
    /// 24-bit group (0…63), so it always fits the digit table.
    static func base64(_ data: Data) -> String {
        data.withUnsafeBytes { source in
            let count = source.count
            return String(unsafeUninitializedCapacity: (count + 2) / 3 * 4) { buffer in
                let digits = base64Digits.utf8Start
                var input = 0
                var output = 0
                while input + 3 <= count {
                    let value = UInt32(source[input]) << 16 | UInt32(source[input + 1]) << 8 | UInt32(source[input + 2])
                    buffer[output] = digits[Int(truncatingIfNeeded: value >> 18)]
                    buffer[output + 1] = digits[Int(truncatingIfNeeded: value >> 12 & 0x3F)]
                    buffer[output + 2] = digits[Int(truncatingIfNeeded: value >> 6 & 0x3F)]
                    buffer[output + 3] = digits[Int(truncatingIfNeeded: value & 0x3F)]
                    input += 3
                    output += 4
                }
                let rest = count - input
                if rest > 0 {
                    let value = UInt32(source[input]) << 16 | (rest == 2 ? UInt32(source[input + 1]) << 8 : 0)
                    buffer[output] = digits[Int(truncatingIfNeeded: value >> 18)]
                    buffer[output + 1] = digits[Int(truncatingIfNeeded: value >> 12 & 0x3F)]
                    buffer[output + 2] = rest == 2 ? digits[Int(truncatingIfNeeded: value >> 6 & 0x3F)] : UInt8(ascii: "=")
                    buffer[output + 3] = UInt8(ascii: "=")
                    output += 4
                }
                return output
            }
        }
    }

    /// Each byte as the code point of the same value (two UTF-8 bytes from 0x80 up).
    static func latin1(_ data: Data) -> String {
        data.withUnsafeBytes { source in
            String(unsafeUninitializedCapacity: source.count * 2) { buffer in
                var index = 0
                for byte in source {
                    if byte < 0x80 {
                        buffer[index] = byte
                        index += 1
                    } else {
                        buffer[index] = 0xC0 | (byte >> 6)
                        buffer[index + 1] = 0x80 | (byte & 0x3F)
                        index += 2
                    }
                }
                return index
            }
        }
    }

    func decode(_ data: Data) -> String {
        switch self {
        case .utf8: String(decoding: data, as: UTF8.self)
        case .base64: Self.base64(data)
        case .hex: Self.hex(data)
        case .latin1: Self.latin1(data)
        }
    }

    /// The value of a hex digit, nil for anything else.
    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    func encode(_ text: String, api: String) throws -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .base64:
            guard let data = Data(base64Encoded: text) else { throw BridgeError(.invalidParameters, "\(api): data is not base64") }
            return data
        case .hex:
            let digits = Array(text.utf8)
            guard digits.count.isMultiple(of: 2) else { throw BridgeError(.invalidParameters, "\(api): data is not hex") }
            var bytes = [UInt8](repeating: 0, count: digits.count / 2)
            for index in bytes.indices {
                guard let high = Self.nibble(digits[2 * index]), let low = Self.nibble(digits[2 * index + 1]) else {
                    throw BridgeError(.invalidParameters, "\(api): data is not hex")
                }
                bytes[index] = high << 4 | low
            }
            return Data(bytes)
        case .latin1:
            var bytes = [UInt8]()
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                guard scalar.value < 256 else { throw BridgeError(.invalidParameters, "\(api): data has characters beyond latin1") }
                bytes.append(UInt8(scalar.value))
            }
            return Data(bytes)
        }
    }
}

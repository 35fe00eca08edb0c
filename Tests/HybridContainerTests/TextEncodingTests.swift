// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Testing

@testable import BuiltInPlugins

@Suite("File codecs")
struct TextEncodingTests {
    @Test("hex, base64 and latin1 agree with Foundation and round-trip, at every length mod 3 and every byte value")
    func codecsAgree() throws {
        var bytes = Data((0...255).map { UInt8($0) })
        for length in [0, 1, 2, 3, 4, 5, 255, 256, 1000, 1001, 1002] {
            bytes = Data((0..<length).map { UInt8(($0 * 131 + 7) & 0xFF) })
            let base64 = TextEncoding.base64.decode(bytes)
            #expect(base64 == bytes.base64EncodedString(), "length \(length)")
            #expect(try TextEncoding.base64.encode(base64, api: "t") == bytes)
            let hex = TextEncoding.hex.decode(bytes)
            #expect(hex == bytes.map { String(format: "%02x", $0) }.joined())
            #expect(try TextEncoding.hex.encode(hex, api: "t") == bytes)
            let latin1 = TextEncoding.latin1.decode(bytes)
            #expect(latin1.unicodeScalars.map { UInt8($0.value) } == Array(bytes))
            #expect(try TextEncoding.latin1.encode(latin1, api: "t") == bytes)
        }
    }
}

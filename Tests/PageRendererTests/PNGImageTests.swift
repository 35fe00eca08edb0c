// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import PageRenderer
import Testing

@Suite("Reading pictures")
struct PNGImageTests {
    /// A 1 × 1 RGBA PNG.
    static let pixel = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!

    @Test("a PNG decodes to its size and pixels; truncated, altered and foreign files are typed errors")
    func decodeAndRefuse() throws {
        let image = try PNGImage(decoding: Self.pixel)
        #expect(image.width == 1 && image.height == 1 && image.rgba.count == 4)
        #expect(throws: PNGError.notPNG) { try PNGImage(decoding: Data("GIF89a".utf8)) }
        #expect(throws: PNGError.self) { try PNGImage(decoding: Self.pixel.prefix(40)) }
        var altered = Self.pixel
        altered[altered.count - 20] ^= 0xFF
        #expect(throws: PNGError.self) { try PNGImage(decoding: altered) }
        var huge = Self.pixel
        huge.replaceSubrange(16..<24, with: [0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00])
        #expect(throws: PNGError.self) { try PNGImage(decoding: huge) }
    }
}

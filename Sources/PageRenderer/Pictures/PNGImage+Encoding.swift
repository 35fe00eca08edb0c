// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CInflate
import Foundation

extension PNGImage {
    /// Creates an image from RGBA pixels (`width × height × 4` bytes).
    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(width > 0 && height > 0 && rgba.count == width * height * 4, "RGBA pixels do not match the size")
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    /// The image as an 8-bit RGBA PNG (no filters, zlib level 6).
    public func pngData() -> Data {
        var raw = [UInt8]()
        raw.reserveCapacity((width * 4 + 1) * height)
        for y in 0..<height {
            raw.append(0)
            raw.append(contentsOf: rgba[(y * width * 4)..<((y + 1) * width * 4)])
        }
        var compressedSize = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
        let status = compress2(&compressed, &compressedSize, raw, uLong(raw.count), 6)
        precondition(status == Z_OK, "zlib compress2 failed: \(status)")
        compressed.removeSubrange(Int(compressedSize)...)
        var header = [UInt8]()
        header += Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [8, 6, 0, 0, 0]
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png += Self.chunk("IHDR", header)
        png += Self.chunk("IDAT", compressed)
        png += Self.chunk("IEND", [])
        return Data(png)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        let checked = typeBytes + body
        let crc = UInt32(crc32(0, checked, uInt(checked.count)))
        return bigEndian(UInt32(body.count)) + checked + bigEndian(crc)
    }
}

/// How two pictures of a page differ.
public struct PictureDifference: Sendable {
    /// Pixels where any channel differs by more than the threshold (all of them when the sizes differ).
    public let differingPixels: Int
    public let totalPixels: Int
    /// The new picture dimmed, with the differing pixels in magenta.
    public let image: PNGImage

    /// The share of differing pixels, 0…1.
    public var fraction: Double { totalPixels == 0 ? 0 : Double(differingPixels) / Double(totalPixels) }

    /// Compares `picture` with `baseline`. A pixel differs when one of its channels moved by more
    /// than `channelThreshold` (antialiasing moves edges by a few levels).
    public static func compare(_ picture: PNGImage, with baseline: PNGImage, channelThreshold: Int = 24) -> PictureDifference {
        let total = picture.width * picture.height
        guard picture.width == baseline.width, picture.height == baseline.height else {
            return PictureDifference(differingPixels: total, totalPixels: total, image: picture)
        }
        var differing = 0
        var out = [UInt8](repeating: 255, count: picture.rgba.count)
        for index in 0..<total {
            let offset = index * 4
            var moved = false
            for channel in 0..<4 where abs(Int(picture.rgba[offset + channel]) - Int(baseline.rgba[offset + channel])) > channelThreshold {
                moved = true
            }
            if moved {
                differing += 1
                out[offset] = 255
                out[offset + 1] = 0
                out[offset + 2] = 255
            } else {
                for channel in 0..<3 { out[offset + channel] = UInt8(155 + Int(picture.rgba[offset + channel]) * 100 / 255) }
            }
        }
        return PictureDifference(
            differingPixels: differing, totalPixels: total, image: PNGImage(width: picture.width, height: picture.height, rgba: out))
    }
}

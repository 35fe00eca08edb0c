// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CInflate
import Foundation

/// Why a picture could not be read.
public enum PNGError: Error, Sendable, Hashable, CustomStringConvertible {
    case notPNG
    case unsupported(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .notPNG: "not a PNG file"
        case .unsupported(let what): "unsupported PNG: \(what)"
        case .corrupt(let what): "corrupt PNG: \(what)"
        }
    }
}

/// An 8-bit RGB or RGBA, non-interlaced PNG (what the engine writes) as RGBA pixels, for
/// comparing pictures and for tests that look at a pixel.
public struct PNGImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row by row, 4 bytes (R, G, B, A) per pixel.
    public let rgba: [UInt8]

    /// The pixel at (x, y) as (r, g, b, a).
    public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let offset = (y * width + x) * 4
        return (rgba[offset], rgba[offset + 1], rgba[offset + 2], rgba[offset + 3])
    }

    /// Larger pictures are refused (a hostile file must not take the host's memory).
    public static let maximumPixels = 64 << 20

    public init(decoding data: Data) throws(PNGError) {
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { throw .notPNG }
        var offset = 8
        var header: (width: Int, height: Int, depth: UInt8, color: UInt8, interlace: UInt8)?
        var compressed: [UInt8] = []
        while offset + 8 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else { throw .corrupt("chunk \(type) runs past the end") }
            let body = bytes[start..<(start + length)]
            switch type {
            case "IHDR":
                guard length == 13 else { throw .corrupt("IHDR of \(length) bytes") }
                let b = Array(body)
                let width = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
                let height = Int(b[4]) << 24 | Int(b[5]) << 16 | Int(b[6]) << 8 | Int(b[7])
                header = (width, height, b[8], b[9], b[12])
            case "IDAT": compressed.append(contentsOf: body)
            case "IEND": offset = bytes.count
            default: break
            }
            offset = start + length + 4
        }
        guard let header else { throw .corrupt("no IHDR") }
        guard header.depth == 8, header.color == 2 || header.color == 6, header.interlace == 0 else {
            throw .unsupported("bit depth \(header.depth), colour type \(header.color), interlace \(header.interlace)")
        }
        guard header.width > 0, header.height > 0, header.width <= 1 << 15, header.height <= 1 << 15,
            header.width * header.height <= Self.maximumPixels
        else { throw .unsupported("\(header.width)×\(header.height)") }
        let channels = header.color == 6 ? 4 : 3
        let stride = header.width * channels
        let raw = try Self.inflate(compressed, expected: (stride + 1) * header.height)
        var pixels = [UInt8](repeating: 255, count: header.width * header.height * 4)
        var previous = [UInt8](repeating: 0, count: stride)
        var row = [UInt8](repeating: 0, count: stride)
        for y in 0..<header.height {
            let base = y * (stride + 1)
            let filter = raw[base]
            for x in 0..<stride {
                let value = raw[base + 1 + x]
                let left = x >= channels ? row[x - channels] : 0
                let up = previous[x]
                let upLeft = x >= channels ? previous[x - channels] : 0
                switch filter {
                case 0: row[x] = value
                case 1: row[x] = value &+ left
                case 2: row[x] = value &+ up
                case 3: row[x] = value &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[x] = value &+ Self.paeth(left, up, upLeft)
                default: throw .corrupt("filter \(filter) in row \(y)")
                }
            }
            for x in 0..<header.width {
                let target = (y * header.width + x) * 4
                for channel in 0..<channels { pixels[target + channel] = row[x * channels + channel] }
            }
            swap(&previous, &row)
        }
        width = header.width
        height = header.height
        rgba = pixels
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb, pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func inflate(_ input: [UInt8], expected: Int) throws(PNGError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expected)
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .corrupt("zlib init") }
        defer { inflateEnd(&stream) }
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return CInflate.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_out == 0), stream.total_out == expected else {
            throw .corrupt("image data inflates to \(stream.total_out) bytes, not \(expected)")
        }
        return output
    }
}

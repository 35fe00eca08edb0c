// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// `rpx` lengths as CSS pixels: 750rpx is the screen's width, so `n rpx` is
/// `n × screenWidth / 750 px` (as the platforms compute it; text in strings is left alone).
struct RPXConverter {
    let screenWidth: Double

    func convert(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var lines = 0
        while index < bytes.count {
            if CSSStrings.copy(bytes, &index, into: &output, lines: &lines) { continue }
            let byte = bytes[index]
            if Self.startsNumber(bytes, at: index), index == 0 || !Self.isNameByte(bytes[index - 1]) {
                var end = index
                if bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") { end += 1 }
                while end < bytes.count, Self.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                let unitEnd = end + 3
                if unitEnd <= bytes.count, bytes[end..<unitEnd].map({ $0 | 0x20 }) == Array("rpx".utf8),
                    unitEnd == bytes.count || !Self.isNameByte(bytes[unitEnd]),
                    let value = Double(String(decoding: bytes[index..<end], as: UTF8.self))
                {
                    output.append(contentsOf: Self.pixels(value * screenWidth / 750).utf8)
                    index = unitEnd
                    continue
                }
                output.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// At most four decimals, no trailing zeros: `187.5px`, `0.5px`.
    static func pixels(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return text + "px"
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte >= 0x80 || byte == UInt8(ascii: "#") || byte == UInt8(ascii: ".")
    }

    static func startsNumber(_ bytes: [UInt8], at index: Int) -> Bool {
        var position = index
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") { position += 1 }
        guard position < bytes.count else { return false }
        if isDigit(bytes[position]) { return true }
        return bytes[position] == UInt8(ascii: ".") && position + 1 < bytes.count && isDigit(bytes[position + 1])
    }
}

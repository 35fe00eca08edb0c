// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A package version: 1 to 4 dot-separated decimal numbers (`1`, `2.0`, `1.4.2`, `3.0.0.17`).
///
/// Versions compare numerically part by part, missing parts counting as zero (`1.2 == 1.2.0`).
/// Leading zeros are refused so that one version has one spelling (it names a folder).
public struct PackageVersion: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The numeric parts as written.
    public let components: [Int]

    /// Parses a version string; `nil` if it is not 1–4 dot-separated numbers.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var components: [Int] = []
        for part in parts {
            guard (1...9).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let value = Int(part)
            else { return nil }
            components.append(value)
        }
        self.components = components
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let version = PackageVersion(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "\"\(text)\" is not a version (1 to 4 dot-separated numbers, no leading zeros)"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The version as written, e.g. `1.4.2`.
    public var description: String { components.map(String.init).joined(separator: ".") }

    private var normalized: [Int] {
        var parts = components
        while parts.count > 1, parts.last == 0 { parts.removeLast() }
        return parts
    }

    public static func == (lhs: PackageVersion, rhs: PackageVersion) -> Bool { lhs.normalized == rhs.normalized }

    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }

    public static func < (lhs: PackageVersion, rhs: PackageVersion) -> Bool {
        for index in 0..<max(lhs.components.count, rhs.components.count) {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right }
        }
        return false
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension ESModuleTransform {
    /// False when `source` has no `import` or `export` standing as a word (not part of a longer
    /// name such as `exports`, not a property such as `x.import`): then it has no module syntax
    /// and the lexer need not run. A word inside a string or comment answers true, and the full
    /// transform decides. Scripts without module syntax — most of a compiled vendor bundle's
    /// megabyte — cost one pass over their bytes instead of a tokenization (a third of a large
    /// app's launch, `hybrid-bench large-profile`).
    static func mayUseModuleSyntax(_ source: String) -> Bool {
        var copy = source
        return copy.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 6 else { return false }
            var index = 0
            while index <= count - 6 {
                let byte = bytes[index]
                // `i` of import or `e` of export, with the rest of the word following.
                if byte == UInt8(ascii: "i") || byte == UInt8(ascii: "e") {
                    let word: StaticString = byte == UInt8(ascii: "i") ? "import" : "export"
                    // A spread (`...import(…)`) is not a property access.
                    let spread = index >= 2 && bytes[index - 2] == UInt8(ascii: ".")
                    if matches(bytes, at: index, word), index == 0 || !isNamePart(bytes[index - 1], dot: !spread),
                        index + 6 == count || !isNamePart(bytes[index + 6], dot: false)
                    {
                        return true
                    }
                }
                index += 1
            }
            return false
        }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { expected in
            for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
    }

    /// A byte that continues a name (ASCII letters, digits, `_`, `$`, any non-ASCII byte), or
    /// before the word, a `.` making it a property name.
    private static func isNamePart(_ byte: UInt8, dot: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "$"), 0x80...0xFF:
            return true
        case UInt8(ascii: "."): return dot
        default: return false
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Output conventions: app console output on stdout, everything about the app on stderr.
enum Terminal {
    private static let isColor = isatty(STDERR_FILENO) != 0

    static func console(_ app: String, _ level: String, _ text: String) {
        let line = "[\(app)] \(level == "log" ? "" : level + ": ")\(text)\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// A command's own result (unbuffered, so it interleaves correctly with the rest).
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func diagnostic(_ text: String) {
        FileHandle.standardError.write(Data(((isColor ? "\u{1B}[2m" : "") + text + (isColor ? "\u{1B}[0m" : "") + "\n").utf8))
    }

    static func banner(_ text: String) {
        FileHandle.standardError.write(Data(("\n" + (isColor ? "\u{1B}[1m" : "") + text + (isColor ? "\u{1B}[0m" : "") + "\n").utf8))
    }
}

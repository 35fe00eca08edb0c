// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization

/// A one-line progress bar on stderr, drawn only when stdout is a terminal.
final class ProgressBar: Sendable {
    private let label: String
    private let enabled = isatty(STDOUT_FILENO) != 0
    private let lastPercent = Mutex(-1)

    init(_ label: String) {
        self.label = label
    }

    func update(_ done: Int64, of total: Int64?) {
        guard enabled, let total, total > 0 else { return }
        let percent = Int(min(100, done * 100 / total))
        guard
            lastPercent.withLock({ previous in
                defer { previous = percent }
                return previous != percent
            })
        else { return }
        let filled = percent / 4
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 25 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
        if percent == 100 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

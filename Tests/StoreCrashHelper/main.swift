// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache

// store-crash-helper STORE TRUSTED.pub PACKAGE...
//
// Opens the store (which recovers from earlier kills), then installs each package in turn
// (downgrades allowed, already-installed versions skipped; `.delta` files are applied as
// deltas to the active version), printing one line per install
// phase and flushing it, so a test can SIGKILL this process at a chosen point.

/// Writes a line straight to file descriptor 1 (unbuffered), so a kill cannot lose it.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: store-crash-helper STORE TRUSTED.pub PACKAGE...\n".utf8))
    exit(2)
}
do {
    let key = try PackagePublicKey(textRepresentation: String(contentsOfFile: arguments[2], encoding: .utf8))
    let store = try PackageStore(
        configuration: .init(
            root: URL(fileURLWithPath: arguments[1]), trustedKeys: TrustedKeys([key])))
    say("opened")
    for path in arguments[3...] {
        do {
            let url = URL(fileURLWithPath: path)
            if url.pathExtension == "delta" {
                try store.installDelta(at: url, options: .init(allowDowngrade: true)) { phase in say("\(phase)") }
            } else {
                try store.install(packageAt: url, options: .init(allowDowngrade: true)) { phase in say("\(phase)") }
            }
        } catch let error as PackageError where error.code == .versionAlreadyInstalled {
            say("skipped")
        }
    }
    say("done")
} catch {
    FileHandle.standardError.write(Data("store-crash-helper: \(error)\n".utf8))
    exit(1)
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import FuzzSupport
import Logging
import OfflineCache

/// libFuzzer target: the package reader. Any bytes given as a package must be verified or
/// refused with a typed `PackageError`, without a crash, a hang or a file written outside the
/// scratch store's staging area.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-package-\(getpid())")
let trusted = TrustedKeys([PackageSigningKey.generate().publicKey])

func fuzzOne(_ data: Data) {
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let file = scratch.appendingPathComponent("input.zip")
    guard (try? data.write(to: file)) != nil else { return }
    _ = try? PackageVerifier.verify(packageAt: file, trusting: trusted, allowUnsigned: true)
    let quiet = Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
    if let store = try? PackageStore(
        configuration: .init(
            root: scratch.appendingPathComponent("store"), trustedKeys: trusted, allowsUnsigned: true, logger: quiet))
    {
        _ = try? store.install(packageAt: file)
        let staging = scratch.appendingPathComponent("store/staging")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
        precondition(leftovers.isEmpty, "install left files in staging: \(leftovers)")
    }
    try? FileManager.default.removeItem(at: scratch.appendingPathComponent("store"))
}

#if FUZZING
/// The entry point SwiftPM links as `main` (see FuzzSupport): libFuzzer drives `fuzzOne`.
@_cdecl("fuzz_package_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzTarget(argc, argv) { fuzzOne($0) }
}
#else
/// Without libFuzzer: replays the files given as arguments (a corpus, crash reproducers).
@main
enum Replay {
    static func main() {
        exit(replayCorpus { fuzzOne($0) })
    }
}
#endif

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import FuzzSupport
import OfflineCache

/// libFuzzer target: `manifest.json` and `manifest.sig` parsing. Any input must give a
/// manifest or a typed `PackageError`, never a crash or a hang.
func fuzzOne(_ data: Data) {
    if let manifest = try? PackageManifest.parse(data) {
        // A manifest that parses must survive a round trip through its own encoding.
        let encoded = try? JSONEncoder().encode(manifest)
        precondition(encoded.flatMap { try? PackageManifest.parse($0) } != nil, "a parsed manifest did not round-trip")
    }
    _ = try? ManifestSignature.parse(data, limit: 4096)
    _ = try? JSONDecoder().decode(PackageTemplate.self, from: data)
}

#if FUZZING
/// The entry point SwiftPM links as `main` (see FuzzSupport): libFuzzer drives `fuzzOne`.
@_cdecl("fuzz_manifest_main")
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

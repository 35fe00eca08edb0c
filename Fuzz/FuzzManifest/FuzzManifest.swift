import Foundation
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
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzOne(Data(bytes: bytes, count: count))
    return 0
}
#else
/// Without libFuzzer: replays the files given as arguments (a corpus, crash reproducers).
@main
enum Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() { fuzzOne(try Data(contentsOf: URL(fileURLWithPath: path))) }
    }
}
#endif

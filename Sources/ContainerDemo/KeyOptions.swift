import ArgumentParser
import Foundation
import HybridContainer

/// `--trust KEY.pub` (repeatable): the public keys packages must be signed with.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("trust"), help: "A trusted public key file (NAME.pub); repeatable.")
    var keyFiles: [String] = []

    func trustedKeys() throws -> TrustedKeys {
        var keys = TrustedKeys()
        for path in keyFiles {
            do {
                keys.insert(try PackagePublicKey(textRepresentation: String(contentsOfFile: path, encoding: .utf8)))
            } catch {
                throw ValidationError("cannot read public key \(path): \(error)")
            }
        }
        return keys
    }
}

/// `--store DIR`: the package store (default: a per-user data folder).
struct StoreOptions: ParsableArguments {
    @Option(help: "The package store folder (default: ~/.local/share/hybrid-container/store).")
    var store: String?

    var storeURL: URL {
        if let store { return URL(fileURLWithPath: store) }
        let base = ProcessInfo.processInfo.environment["XDG_DATA_HOME"].map(URL.init(fileURLWithPath:))
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        return base.appendingPathComponent("hybrid-container/store")
    }
}

import Foundation
import OfflineCache

// store-crash-helper STORE TRUSTED.pub PACKAGE...
//
// Opens the store (which recovers from earlier kills), then installs each package in turn
// (downgrades allowed, already-installed versions skipped), printing one line per install
// phase and flushing it, so a test can SIGKILL this process at a chosen point.

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: store-crash-helper STORE TRUSTED.pub PACKAGE...\n".utf8))
    exit(2)
}
do {
    let key = try PackagePublicKey(textRepresentation: String(contentsOfFile: arguments[2], encoding: .utf8))
    let store = try PackageStore(configuration: .init(
        root: URL(fileURLWithPath: arguments[1]), trustedKeys: TrustedKeys([key])))
    print("opened")
    fflush(stdout)
    for path in arguments[3...] {
        do {
            try store.install(packageAt: URL(fileURLWithPath: path), options: .init(allowDowngrade: true)) { phase in
                print(phase)
                fflush(stdout)
            }
        } catch PackageError.versionAlreadyInstalled {
            print("skipped")
        }
        fflush(stdout)
    }
    print("done")
} catch {
    FileHandle.standardError.write(Data("store-crash-helper: \(error)\n".utf8))
    exit(1)
}

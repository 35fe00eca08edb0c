// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache
import Testing

@Suite("Package format: build, sign, verify")
struct PackageFormatTests {
    @Test("a built package verifies, with its manifest listing every file's SHA-256")
    func buildAndVerify() throws {
        let fixture = try Fixture()
        let files = fixture.appFiles(version: "1.0.0")
        let package = try fixture.package(version: "1.0.0", files: files)
        let verified = try PackageVerifier.verify(packageAt: package, trusting: fixture.trusted)
        #expect(verified.manifest.appId.rawValue == "demo")
        #expect(verified.manifest.version == PackageVersion("1.0.0"))
        #expect(verified.signer == fixture.key.publicKey)
        #expect(verified.filesVerified)
        #expect(verified.manifest.files == files.mapValues(Fixture.sha256))
        #expect(verified.totalBytes == Int64(files.values.map(\.count).reduce(0, +)))
    }

    @Test("keys survive their text form; a public key has a stable ID")
    func keyText() throws {
        let key = PackageSigningKey.generate()
        let reread = try PackageSigningKey(textRepresentation: key.textRepresentation)
        #expect(reread.publicKey == key.publicKey)
        let publicKey = try PackagePublicKey(textRepresentation: key.publicKey.textRepresentation)
        #expect(publicKey.keyID == key.publicKey.keyID)
        #expect(publicKey.keyID.count == 16)
        #expect(throws: KeyFileError.self) { try PackagePublicKey(textRepresentation: "garbage") }
    }

    @Test("a package signed by an unknown key, or unsigned, is refused; developer mode accepts unsigned")
    func signers() throws {
        let fixture = try Fixture()
        let stranger = try fixture.package(version: "1.0.0", signer: .some(PackageSigningKey.generate()))
        #expect {
            try PackageVerifier.verify(packageAt: stranger, trusting: fixture.trusted)
        } throws: { error in
            guard case .unknownSigner? = (error as? PackageError)?.details else { return false }
            return true
        }
        let unsigned = try fixture.package(version: "1.0.0", signer: .some(nil))
        #expect(throws: PackageError.unsignedPackageRefused) {
            try PackageVerifier.verify(packageAt: unsigned, trusting: fixture.trusted)
        }
        let accepted = try PackageVerifier.verify(packageAt: unsigned, trusting: fixture.trusted, allowUnsigned: true)
        #expect(accepted.signer == nil)
    }

    @Test("versions compare numerically and refuse ambiguous spellings")
    func versions() {
        #expect(PackageVersion("1.10")! > PackageVersion("1.9")!)
        #expect(PackageVersion("1.2")! == PackageVersion("1.2.0")!)
        #expect(PackageVersion("2.0.0.1")! > PackageVersion("2")!)
        for bad in ["", "1.", ".1", "01.2", "1.2.3.4.5", "v1", "1.-2", "1..2", "１.2"] {
            #expect(PackageVersion(bad) == nil, "\(bad) should be refused")
        }
        #expect(AppID(rawValue: "..") == nil)
        #expect(AppID(rawValue: ".hidden") == nil)
        #expect(AppID(rawValue: "a/b") == nil)
        #expect(AppID(rawValue: String(repeating: "a", count: 65)) == nil)
        #expect(AppID(rawValue: "com.example.app_1-x") != nil)
    }

    @Test("verification without extraction catches a file whose bytes do not match the manifest")
    func hashMismatchWithoutExtracting() throws {
        let fixture = try Fixture()
        var files = fixture.appFiles(version: "1.0.0")
        var entries = try ZipCrafter.signedEntries(files: files, key: fixture.key)
        files["index.js"] = Data("tampered".utf8)
        entries = entries.map { $0.path == "index.js" ? ZipCrafter.Entry(path: "index.js", data: files["index.js"]!) : $0 }
        let package = fixture.url("tampered.zip")
        try ZipCrafter.write(entries, to: package)
        #expect {
            try PackageVerifier.verify(packageAt: package, trusting: fixture.trusted)
        } throws: { error in
            guard case .hashMismatch(let path, _, _)? = (error as? PackageError)?.details else { return false }
            return path == "index.js"
        }
        // Checking only the signature and listing passes: hashes are what caught it.
        _ = try PackageVerifier.verify(packageAt: package, trusting: fixture.trusted, checkFileHashes: false)
    }
}

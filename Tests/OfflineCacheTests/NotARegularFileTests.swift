// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache
import Testing

/// Anything that is not a regular file where a package is expected is refused at once with a
/// typed error (a folder used to make the reader loop forever on EISDIR; a FIFO blocks `open`).
@Suite("Package paths that are not regular files")
struct NotARegularFileTests {
    enum Kind: String, CaseIterable, Sendable {
        case directory, fifo, characterDevice, symlinkLoop, danglingSymlink, symlinkToDirectory
    }

    /// Makes the path of `kind` inside the fixture.
    static func make(_ kind: Kind, in fixture: Fixture) throws -> URL {
        let url = fixture.url("package-\(kind.rawValue).zip")
        switch kind {
        case .directory:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        case .fifo:
            guard mkfifo(url.path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        case .characterDevice:
            return URL(fileURLWithPath: "/dev/null")
        case .symlinkLoop:
            let other = fixture.url("loop-other")
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: other.path)
            try FileManager.default.createSymbolicLink(atPath: other.path, withDestinationPath: url.path)
        case .danglingSymlink:
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: fixture.url("missing").path)
        case .symlinkToDirectory:
            let folder = fixture.url("a-folder")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: folder.path)
        }
        return url
    }

    static func expected(_ kind: Kind, _ error: PackageError) -> Bool {
        switch (kind, error.details) {
        case (.directory, .notARegularFile(_, let found)), (.symlinkToDirectory, .notARegularFile(_, let found)):
            return found == "a directory"
        case (.fifo, .notARegularFile(_, let found)): return found == "a FIFO"
        case (.characterDevice, .notARegularFile(_, let found)): return found == "a character device"
        case (.symlinkLoop, .unreadableFile(_, let reason)): return reason.contains("symlink loop")
        case (.danglingSymlink, .unreadableFile): return true
        default: return false
        }
    }

    @Test("install refuses it with a typed error, and the store is untouched", arguments: Kind.allCases)
    func install(_ kind: Kind) throws {
        let fixture = try Fixture()
        let store = try fixture.store()
        try store.install(packageAt: try fixture.package(version: "1.0.0"))
        let url = try Self.make(kind, in: fixture)
        #expect {
            try store.install(packageAt: url)
        } throws: { error in
            guard let error = error as? PackageError else { return false }
            return Self.expected(kind, error)
        }
        #expect(try store.activePackage(try AppID(validating: "demo"))?.version == PackageVersion("1.0.0"))
    }

    @Test("verify refuses it with a typed error", arguments: Kind.allCases)
    func verify(_ kind: Kind) throws {
        let fixture = try Fixture()
        let url = try Self.make(kind, in: fixture)
        #expect {
            _ = try PackageVerifier.verify(packageAt: url, trusting: fixture.trusted)
        } throws: { error in
            guard let error = error as? PackageError else { return false }
            return Self.expected(kind, error)
        }
    }
}

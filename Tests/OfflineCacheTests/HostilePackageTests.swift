// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache
import Testing

/// One malformed or malicious package and the error it must get.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let name: String
    var limits = PackageLimits()
    var options = PackageStore.InstallOptions()
    let build: @Sendable (Fixture, URL) throws -> Void
    let expected: @Sendable (PackageError) -> Bool

    var testDescription: String { name }
}

private func files(_ extra: [String: Data] = [:]) -> [String: Data] {
    var result: [String: Data] = ["index.js": Data("console.log('crafted')".utf8)]
    for (path, data) in extra { result[path] = data }
    return result
}

private func signed(
    _ fixture: Fixture, _ url: URL, files contents: [String: Data] = files(),
    manifest edit: @escaping (inout [String: Any]) -> Void = { _ in },
    extraEntries: [ZipCrafter.Entry] = [], appId: String = "demo", version: String = "2.0.0"
) throws {
    let entries = try ZipCrafter.signedEntries(files: contents, manifest: edit, key: fixture.key, appId: appId, version: version)
    try ZipCrafter.write(entries + extraEntries, to: url)
}

private func unsafePath(_ path: String, _ problem: PackagePath.Problem) -> HostileCase {
    HostileCase(name: "entry path \(path.debugDescription)") { fixture, url in
        try signed(fixture, url, extraEntries: [ZipCrafter.Entry(path: path, data: Data("evil".utf8))])
    } expected: { error in
        guard case .unsafeEntryPath(_, let found) = error.details else { return false }
        return found == problem
    }
}

private func manifestProblem(
    _ name: String, contains text: String, edit: @escaping @Sendable (inout [String: Any]) -> Void
)
    -> HostileCase
{
    HostileCase(name: name) { fixture, url in
        try signed(fixture, url, manifest: edit)
    } expected: { error in
        guard case .invalidManifest(let reason) = error.details else { return false }
        return reason.contains(text)
    }
}

let hostileCases: [HostileCase] = [
    HostileCase(name: "truncated zip") { fixture, url in
        let good = try fixture.package(version: "2.0.0")
        let bytes = try Data(contentsOf: good)
        try bytes.prefix(bytes.count / 2).write(to: url)
    } expected: {
        if case .notAZipArchive = $0.details { true } else { false }
    },
    HostileCase(name: "random bytes") { _, url in
        try Data((0..<4096).map { _ in UInt8.random(in: 0...255) }).write(to: url)
    } expected: {
        if case .notAZipArchive = $0.details { true } else { false }
    },
    HostileCase(name: "empty file") { _, url in
        try Data().write(to: url)
    } expected: {
        if case .notAZipArchive = $0.details { true } else { false }
    },
    HostileCase(name: "bit-flipped stored entry") { fixture, url in
        let marker = Data("UNIQUE-MARKER-0123456789".utf8)
        var entries = try ZipCrafter.signedEntries(files: ["index.js": marker], key: fixture.key, version: "2.0.0")
        entries = entries.map { entry in
            var copy = entry
            copy.compressed = false
            return copy
        }
        try ZipCrafter.write(entries, to: url)
        var bytes = try Data(contentsOf: url)
        let range = try #require(bytes.range(of: marker))
        bytes[range.lowerBound + 3] ^= 0x01
        try bytes.write(to: url)
    } expected: {
        if case .hashMismatch(let path, _, _) = $0.details { path == "index.js" } else { false }
    },
    unsafePath("../evil.js", .traversal),
    unsafePath("pages/../../evil.js", .traversal),
    unsafePath("./index2.js", .traversal),
    unsafePath("/etc/evil.js", .absolute),
    unsafePath("..\\evil.js", .backslash),
    unsafePath("pages//evil.js", .emptyComponent),
    unsafePath("evil\u{1}.js", .controlCharacter),
    unsafePath("cafe\u{301}.js", .notNormalized),
    HostileCase(name: "symlink entry") { fixture, url in
        try signed(fixture, url, extraEntries: [ZipCrafter.Entry(path: "link.js", data: Data("/etc/passwd".utf8), kind: .symlink)])
    } expected: {
        $0 == .symlinkEntry("link.js")
    },
    HostileCase(name: "duplicate entry") { fixture, url in
        try signed(fixture, url, extraEntries: [ZipCrafter.Entry(path: "index.js", data: Data("second copy".utf8))])
    } expected: {
        $0 == .duplicateEntry("index.js")
    },
    HostileCase(name: "case-colliding entries") { fixture, url in
        try signed(fixture, url, files: files(["Index.js": Data("x".utf8)]))
    } expected: {
        if case .collidingEntries = $0.details { true } else { false }
    },
    HostileCase(name: "file that is also a folder") { fixture, url in
        try signed(fixture, url, files: files(["lib": Data("x".utf8), "lib/a.js": Data("y".utf8)]))
    } expected: {
        $0 == .collidingEntries("lib", "lib/a.js")
    },
    HostileCase(name: "zip bomb by ratio") { fixture, url in
        try signed(fixture, url, files: files(["zeros.bin": Data(count: 4 << 20)]))
    } expected: {
        if case .suspiciousCompressionRatio(let entry, _, _) = $0.details { entry == "zeros.bin" } else { false }
    },
    HostileCase(name: "file over the size limit", limits: PackageLimits(maximumFileBytes: 1 << 20)) { fixture, url in
        try signed(fixture, url, files: files(["big.bin": Data((0..<(1 << 20) + 10).map { UInt8(truncatingIfNeeded: $0 &* 7919) })]))
    } expected: {
        if case .entryTooLarge(let entry, _, _) = $0.details { entry == "big.bin" } else { false }
    },
    HostileCase(name: "package over the total limit", limits: PackageLimits(maximumTotalBytes: 64 << 10)) { fixture, url in
        let chunk = Data((0..<(40 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try signed(fixture, url, files: files(["a.bin": chunk, "b.bin": chunk]))
    } expected: {
        if case .packageTooLarge = $0.details { true } else { false }
    },
    HostileCase(name: "too many entries", limits: PackageLimits(maximumEntries: 5)) { fixture, url in
        var many = files()
        for index in 0..<10 { many["f\(index).js"] = Data("\(index)".utf8) }
        try signed(fixture, url, files: many)
    } expected: {
        if case .tooManyEntries = $0.details { true } else { false }
    },
    HostileCase(name: "no manifest") { _, url in
        try ZipCrafter.write([ZipCrafter.Entry(path: "index.js", data: Data("x".utf8))], to: url)
    } expected: {
        $0 == .missingManifest
    },
    HostileCase(name: "manifest is not JSON") { fixture, url in
        let bytes = Data("this is { not json".utf8)
        let signature = try ManifestSignature(signing: bytes, with: fixture.key).encoded()
        try ZipCrafter.write([.init(path: "manifest.json", data: bytes), .init(path: "manifest.sig", data: signature)], to: url)
    } expected: {
        if case .invalidManifest(let reason) = $0.details { reason.contains("not JSON") } else { false }
    },
    manifestProblem("manifest without files", contains: "missing field files") { $0["files"] = nil },
    manifestProblem("manifest without appId", contains: "missing field appId") { $0["appId"] = nil },
    manifestProblem("version of the wrong type", contains: "version") { $0["version"] = 5 },
    manifestProblem("files of the wrong type", contains: "files") { $0["files"] = ["index.js"] },
    manifestProblem("permissions of the wrong type", contains: "permissions") { $0["permissions"] = "all" },
    manifestProblem("invalid appId", contains: "appId") { $0["appId"] = "../escape" },
    manifestProblem("entry not listed", contains: "entry") { $0["entry"] = "main.js" },
    manifestProblem("files key with traversal", contains: "files key") { manifest in
        var listed = manifest["files"] as! [String: Any]
        listed["../x.js"] = String(repeating: "0", count: 64)
        manifest["files"] = listed
    },
    manifestProblem("hash that is not hex SHA-256", contains: "SHA-256") { manifest in
        manifest["files"] = ["index.js": "abc"]
    },
    manifestProblem("manifest listing itself", contains: "manifest.json") { manifest in
        var listed = manifest["files"] as! [String: Any]
        listed["manifest.json"] = String(repeating: "0", count: 64)
        manifest["files"] = listed
    },
    manifestProblem("vhost that is not a URL", contains: "vhost") { $0["vhost"] = "not a url" },
    HostileCase(name: "deeply nested JSON") { fixture, url in
        var entries = try ZipCrafter.signedEntries(files: files(), key: fixture.key, version: "2.0.0")
        var text = String(decoding: entries[0].data, as: UTF8.self)
        text.removeLast()  // the closing brace
        text += ",\"extra\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        entries[0].data = Data(text.utf8)
        entries[1].data = try ManifestSignature(signing: entries[0].data, with: fixture.key).encoded()
        try ZipCrafter.write(entries, to: url)
    } expected: {
        if case .invalidManifest(let reason) = $0.details { reason.contains("not JSON") } else { false }
    },
    HostileCase(name: "giant manifest", limits: PackageLimits(maximumManifestBytes: 64 << 10)) { fixture, url in
        try signed(fixture, url, manifest: { $0["padding"] = String(repeating: "x", count: 100 << 10) })
    } expected: {
        if case .manifestTooLarge = $0.details { true } else { false }
    },
    HostileCase(name: "no signature") { fixture, url in
        let entries = try ZipCrafter.signedEntries(files: files(), key: fixture.key, version: "2.0.0")
        try ZipCrafter.write(entries.filter { $0.path != "manifest.sig" }, to: url)
    } expected: {
        $0 == .unsignedPackageRefused
    },
    HostileCase(name: "signature file is garbage") { fixture, url in
        var entries = try ZipCrafter.signedEntries(files: files(), key: fixture.key, version: "2.0.0")
        entries[1].data = Data("garbage".utf8)
        try ZipCrafter.write(entries, to: url)
    } expected: {
        if case .invalidSignatureFile = $0.details { true } else { false }
    },
    HostileCase(name: "manifest altered after signing") { fixture, url in
        var entries = try ZipCrafter.signedEntries(files: files(), key: fixture.key, version: "2.0.0")
        var text = String(decoding: entries[0].data, as: UTF8.self)
        text = text.replacingOccurrences(of: "Crafted", with: "Forged!")
        entries[0].data = Data(text.utf8)
        try ZipCrafter.write(entries, to: url)
    } expected: {
        if case .badSignature = $0.details { true } else { false }
    },
    HostileCase(name: "signed by an unknown key") { fixture, url in
        let entries = try ZipCrafter.signedEntries(files: files(), key: PackageSigningKey.generate(), version: "2.0.0")
        try ZipCrafter.write(entries, to: url)
    } expected: {
        if case .unknownSigner = $0.details { true } else { false }
    },
    HostileCase(name: "listed hash does not match") { fixture, url in
        try signed(fixture, url, manifest: { $0["files"] = ["index.js": String(repeating: "a", count: 64)] })
    } expected: {
        if case .hashMismatch(let path, _, _) = $0.details { path == "index.js" } else { false }
    },
    HostileCase(name: "file not listed in the manifest") { fixture, url in
        try signed(fixture, url, extraEntries: [.init(path: "extra.js", data: Data("x".utf8))])
    } expected: {
        $0 == .unlistedFile("extra.js")
    },
    HostileCase(name: "listed file missing") { fixture, url in
        try signed(
            fixture, url,
            manifest: { manifest in
                var listed = manifest["files"] as! [String: Any]
                listed["gone.js"] = String(repeating: "b", count: 64)
                manifest["files"] = listed
            })
    } expected: {
        $0 == .missingFile("gone.js")
    },
    HostileCase(name: "package of another app", options: .init(expectedAppID: AppID(rawValue: "demo"))) { fixture, url in
        try signed(fixture, url, appId: "other")
    } expected: {
        if case .appIDMismatch = $0.details { true } else { false }
    },
    HostileCase(name: "package of another version", options: .init(expectedVersion: PackageVersion("3.0.0"))) { fixture, url in
        try signed(fixture, url)
    } expected: {
        if case .versionMismatch = $0.details { true } else { false }
    },
    HostileCase(name: "downgrade") { fixture, url in
        try signed(fixture, url, version: "0.9.0")
    } expected: {
        if case .downgradeRefused = $0.details { true } else { false }
    },
    HostileCase(name: "same version again") { fixture, url in
        try signed(fixture, url, version: "1.0.0")
    } expected: {
        if case .versionAlreadyInstalled = $0.details { true } else { false }
    },
]

@Suite("Hostile packages are refused with their own error and nothing is lost")
struct HostilePackageTests {
    @Test("every hostile package gets its typed error; the active version still serves", arguments: hostileCases)
    func refused(_ hostile: HostileCase) async throws {
        let fixture = try Fixture()
        let store = try fixture.store(limits: hostile.limits)
        let good = try fixture.package(version: "1.0.0")
        try store.install(packageAt: good)
        let bad = fixture.url("hostile.zip")
        try hostile.build(fixture, bad)

        var caught: PackageError?
        do {
            try store.install(packageAt: bad, options: hostile.options)
        } catch let error as PackageError {
            caught = error
        }
        let error = try #require(caught, "\(hostile.name) was installed")
        #expect(hostile.expected(error), "\(hostile.name): got \(error)")

        // The previous version is still active and its files verify.
        let active = try #require(try store.activePackage(AppID(rawValue: "demo")!))
        #expect(active.version == PackageVersion("1.0.0"))
        let resolver = ResourceResolver(store: store, fetcher: nil)
        let entry = try await resolver.resolve(appId: active.appId, path: "index.js")
        #expect(entry.source == .offline(version: PackageVersion("1.0.0")!))
        // Nothing half-written: one version folder, an empty staging area, no escaped files.
        let versions = try FileManager.default.contentsOfDirectory(atPath: fixture.url("store/apps/demo/versions").path)
        #expect(versions == ["1.0.0"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.url("store/staging").path).isEmpty)
        let escaped =
            FileManager.default.enumerator(atPath: fixture.root.path)?
            .compactMap { $0 as? String }.filter { $0.contains("evil") } ?? []
        #expect(escaped.isEmpty)
    }

    @Test("the corpus holds at least 40 distinct hostile packages")
    func corpusSize() {
        #expect(Set(hostileCases.map(\.name)).count >= 40)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import OfflineCache
import Testing

/// `VerifiedFileReader` keeping verified bytes (an app's entry, read on every launch).
@Suite("Verified bytes kept in memory")
struct VerifiedBytesInMemoryTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hc-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    @Test("kept only when asked, served while the file is unchanged, dropped when it changes")
    func keptWhileUnchanged() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = VerifiedFileReader()
        let hash = try write("a.js", "one")
        _ = try reader.read("a.js", inPath: folder.path, expectedSHA256: hash)
        #expect(reader.verifiedBytesInMemory("a.js", inPath: folder.path, expectedSHA256: hash) == nil)
        _ = try reader.read("a.js", inPath: folder.path, expectedSHA256: hash, keepInMemory: true)
        #expect(reader.verifiedBytesInMemory("a.js", inPath: folder.path, expectedSHA256: hash) == Data("one".utf8))
        // Another expected hash (another version's manifest) is not served these bytes.
        #expect(reader.verifiedBytesInMemory("a.js", inPath: folder.path, expectedSHA256: String(repeating: "0", count: 64)) == nil)
        // Rewritten with the same size: the identity (ctime) changed, so nothing is served from memory.
        _ = try write("a.js", "two")
        #expect(reader.verifiedBytesInMemory("a.js", inPath: folder.path, expectedSHA256: hash) == nil)
        #expect(throws: IntegrityFailure.self) { try reader.read("a.js", inPath: folder.path, expectedSHA256: hash, keepInMemory: true) }
        #expect(reader.verifiedBytesInMemory("a.js", inPath: folder.path, expectedSHA256: hash) == nil)
    }

    @Test("a symbolic link put in the file's place is not served from memory")
    func replacedBySymlink() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = VerifiedFileReader()
        let hash = try write("a.js", "one")
        _ = try reader.read("a.js", inPath: folder.path, expectedSHA256: hash, keepInMemory: true)
        _ = try write("elsewhere.js", "one")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a.js"))
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("a.js"), withDestinationURL: folder.appendingPathComponent("elsewhere.js"))
        #expect(reader.verifiedBytesInMemory("a.js", inPath: folder.path, expectedSHA256: hash) == nil)
    }

    @Test("files over the size limit are not kept; past the budget, the bytes kept longest make room")
    func budget() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = VerifiedFileReader(memoryBudget: 10, largestKeptFile: 6)
        let big = try write("big.js", "1234567")
        let first = try write("first.js", "123456")
        let second = try write("second.js", "12345")
        let third = try write("third.js", "1234")
        _ = try reader.read("big.js", inPath: folder.path, expectedSHA256: big, keepInMemory: true)
        _ = try reader.read("first.js", inPath: folder.path, expectedSHA256: first, keepInMemory: true)
        #expect(reader.verifiedBytesInMemory("big.js", inPath: folder.path, expectedSHA256: big) == nil)
        #expect(reader.verifiedBytesInMemory("first.js", inPath: folder.path, expectedSHA256: first) != nil)
        // A kept file read again does not count twice against the budget.
        _ = try reader.read("first.js", inPath: folder.path, expectedSHA256: first, keepInMemory: true)
        #expect(reader.verifiedBytesInMemory("first.js", inPath: folder.path, expectedSHA256: first) != nil)
        // 6 + 5 > 10: the oldest (first.js) gives way; 5 + 4 fits beside second.js.
        _ = try reader.read("second.js", inPath: folder.path, expectedSHA256: second, keepInMemory: true)
        #expect(reader.verifiedBytesInMemory("first.js", inPath: folder.path, expectedSHA256: first) == nil)
        #expect(reader.verifiedBytesInMemory("second.js", inPath: folder.path, expectedSHA256: second) != nil)
        _ = try reader.read("third.js", inPath: folder.path, expectedSHA256: third, keepInMemory: true)
        #expect(reader.verifiedBytesInMemory("second.js", inPath: folder.path, expectedSHA256: second) != nil)
        #expect(reader.verifiedBytesInMemory("third.js", inPath: folder.path, expectedSHA256: third) != nil)
        // Dropped bytes are read (and served) again the usual way.
        #expect(try reader.read("first.js", inPath: folder.path, expectedSHA256: first) == Data("123456".utf8))
    }
}

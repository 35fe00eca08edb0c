// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import OfflineCache
import Testing

/// Inputs the fuzzers found, kept in Fuzz/Corpus and checked here with typed outcomes.
@Suite("Fuzzer findings stay fixed")
struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/Corpus/package").standardized

    @Test("a deflate stream that does not end within its compressed size is refused, not a hang")
    func unterminatedDeflate() throws {
        // The fuzzer's file (ZIPFoundation alone spins forever on it) is refused up front.
        let package = Self.corpus.appendingPathComponent("regression-unterminated-deflate.zip")
        #expect(throws: PackageError.self) {
            _ = try PackageVerifier.verify(packageAt: package, trusting: TrustedKeys([]), allowUnsigned: true)
        }
        // A well-formed zip whose manifest's deflate stream never ends (sync-flushed, no final
        // block): a corrupt entry.
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = Data(String(repeating: "{\"appId\": \"cut\"} ", count: 200).utf8)
        let unfinished = try deflateWithoutFinalBlock(manifest)
        let zip = root.appendingPathComponent("unfinished.zip")
        try storedZip(name: "manifest.json", compressed: unfinished, uncompressedSize: manifest.count).write(to: zip)
        #expect {
            _ = try PackageVerifier.verify(packageAt: zip, trusting: TrustedKeys([]), allowUnsigned: true)
        } throws: { error in
            guard case .corruptEntry(let entry, let reason)? = (error as? PackageError)?.details else { return false }
            return entry == "manifest.json" && reason.contains("does not end within")
        }
    }

    /// Raw deflate (zip's method 8) ending in a sync flush: valid, but the stream never ends.
    private func deflateWithoutFinalBlock(_ data: Data) throws -> Data {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("deflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("f")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import sys,zlib; c=zlib.compressobj(9, zlib.DEFLATED, -15); d=open(sys.argv[1],'rb').read(); sys.stdout.buffer.write(c.compress(d)+c.flush(zlib.Z_SYNC_FLUSH))",
            input.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return out
    }

    /// A one-entry zip with a method-8 entry whose body is `compressed`, sizes as declared.
    private func storedZip(name: String, compressed: Data, uncompressedSize: Int) -> Data {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        let nameBytes = Array(name.utf8)
        var out: [UInt8] = []
        out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + le32(0)
        out += le32(compressed.count) + le32(uncompressedSize) + le16(nameBytes.count) + le16(0) + nameBytes
        out += Array(compressed)
        let directory = out.count
        out += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0x21) + le32(0)
        out += le32(compressed.count) + le32(uncompressedSize) + le16(nameBytes.count) + le16(0) + le16(0)
        out += le16(0) + le16(0) + le32(0o100644 << 16) + le32(0) + nameBytes
        let directorySize = out.count - directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(directorySize) + le32(directory) + le16(0)
        return Data(out)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where each entry's stored bytes begin in a zip file, read from the central directory and
/// the local headers, and a reader for those bytes.
///
/// It exists so compressed entries are inflated with a provider that refuses to read past an
/// entry's compressed size: ZIPFoundation's own provider answers an empty chunk there, and its
/// inflate loop then spins forever on a deflate stream that does not end in time (found by
/// `fuzz-package`).
final class ZipEntryData {
    private let descriptor: Int32
    private let fileSize: Int64
    /// Entry path (as stored) → offset of its data.
    private(set) var dataOffsets: [String: Int64] = [:]

    init(url: URL) throws {
        // O_NONBLOCK: should a FIFO replace the file after the check, opening it must not block.
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw PackageError.unreadableFile(path: url.path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw PackageError.notARegularFile(path: url.path, kind: RegularFileCheck.kind(of: info.st_mode))
        }
        fileSize = Int64(info.st_size)
        do {
            try locateEntries()
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// Exactly `count` bytes at `offset`, or a `corruptEntry` error naming `entry`.
    func read(_ count: Int, at offset: Int64, entry: String) throws -> Data {
        guard count >= 0, offset >= 0, offset + Int64(count) <= fileSize else {
            throw PackageError.corruptEntry(entry: entry, reason: "its data lies outside the file")
        }
        var data = Data(count: count)
        let got = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard got == count else { throw PackageError.corruptEntry(entry: entry, reason: "short read of its data") }
        return data
    }

    private func bytes(_ count: Int, at offset: Int64) throws -> [UInt8] {
        guard offset >= 0, offset + Int64(count) <= fileSize else {
            throw PackageError.notAZipArchive(reason: "a zip structure lies outside the file")
        }
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard got == count else { throw PackageError.notAZipArchive(reason: "short read") }
        return buffer
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> Int64 {
        Int64(b[i]) | Int64(b[i + 1]) << 8 | Int64(b[i + 2]) << 16 | Int64(b[i + 3]) << 24
    }
    private static func u64(_ b: [UInt8], _ i: Int) -> Int64 {
        var value: UInt64 = 0
        for k in 0..<8 { value |= UInt64(b[i + k]) << (8 * UInt64(k)) }
        return Int64(clamping: value)
    }

    private func locateEntries() throws {
        // End of central directory: the last signature within the final 64 KiB + 22 bytes.
        let tailLength = Int(min(fileSize, 65_557))
        let tail = try bytes(tailLength, at: fileSize - Int64(tailLength))
        guard tailLength >= 22,
            let end = (0...(tailLength - 22)).reversed().first(where: {
                tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
            })
        else { throw PackageError.notAZipArchive(reason: "no end of central directory") }
        var count = Int64(Self.u16(tail, end + 10))
        var directoryOffset = Self.u32(tail, end + 16)
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record.
            let locatorOffset = fileSize - Int64(tailLength) + Int64(end) - 20
            let locator = try bytes(20, at: locatorOffset)
            guard Self.u32(locator, 0) == 0x0706_4B50 else { throw PackageError.notAZipArchive(reason: "bad ZIP64 locator") }
            let record = try bytes(56, at: Self.u64(locator, 8))
            guard Self.u32(record, 0) == 0x0606_4B50 else { throw PackageError.notAZipArchive(reason: "bad ZIP64 end record") }
            count = Self.u64(record, 32)
            directoryOffset = Self.u64(record, 48)
        }
        var cursor = directoryOffset
        for _ in 0..<min(count, 1_000_000) {
            let header = try bytes(46, at: cursor)
            guard Self.u32(header, 0) == 0x0201_4B50 else { throw PackageError.notAZipArchive(reason: "bad central directory entry") }
            let nameLength = Self.u16(header, 28)
            let extraLength = Self.u16(header, 30)
            let commentLength = Self.u16(header, 32)
            let name = try bytes(nameLength, at: cursor + 46)
            var localOffset = Self.u32(header, 42)
            if localOffset == 0xFFFF_FFFF {
                localOffset = try zip64LocalOffset(header: header, extra: try bytes(extraLength, at: cursor + 46 + Int64(nameLength)))
            }
            let local = try bytes(30, at: localOffset)
            guard Self.u32(local, 0) == 0x0403_4B50 else { throw PackageError.notAZipArchive(reason: "bad local file header") }
            let dataOffset = localOffset + 30 + Int64(Self.u16(local, 26)) + Int64(Self.u16(local, 28))
            dataOffsets[String(decoding: name, as: UTF8.self)] = dataOffset
            cursor += 46 + Int64(nameLength) + Int64(extraLength) + Int64(commentLength)
        }
    }

    /// The local header offset from a ZIP64 extra field (after any 64-bit sizes before it).
    private func zip64LocalOffset(header: [UInt8], extra: [UInt8]) throws -> Int64 {
        var index = 0
        while index + 4 <= extra.count {
            let id = Self.u16(extra, index)
            let size = Self.u16(extra, index + 2)
            if id == 0x0001 {
                var field = index + 4
                if Self.u32(header, 24) == 0xFFFF_FFFF { field += 8 }
                if Self.u32(header, 20) == 0xFFFF_FFFF { field += 8 }
                guard field + 8 <= extra.count else { break }
                return Self.u64(extra, field)
            }
            index += 4 + size
        }
        throw PackageError.notAZipArchive(reason: "missing ZIP64 offset")
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CInflate
import Foundation
import ZIPFoundation

/// A package zip opened for reading, its entries already checked against the package rules
/// (paths, types, duplicates, collisions, sizes, compression ratios). Nothing is extracted.
///
/// Not Sendable (ZIPFoundation's `Archive` is a class with a file handle): open, use and drop
/// it within one task.
struct PackageArchive {
    static let manifestName = "manifest.json"
    static let signatureName = "manifest.sig"

    let url: URL
    let archive: Archive
    /// Entry data offsets and a bounded reader, for inflating compressed entries safely.
    let entryData: ZipEntryData
    let limits: PackageLimits
    /// Regular files other than the manifest and signature, by path.
    let files: [String: Entry]
    let manifestEntry: Entry?
    let signatureEntry: Entry?
    /// Sum of the declared uncompressed sizes of `files`.
    let totalBytes: Int64

    init(url: URL, limits: PackageLimits) throws {
        self.url = url
        self.limits = limits
        // Before anything opens it: reading a directory loops on EISDIR inside ZIPFoundation,
        // and opening a FIFO blocks until a writer comes.
        try RegularFileCheck.require(url)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw PackageError.unreadableFile(path: url.path, reason: "no such readable file")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw PackageError.notAZipArchive(reason: Self.describe(error))
        }
        self.archive = archive
        self.entryData = try ZipEntryData(url: url)
        var files: [String: Entry] = [:]
        var collisionKeys: [String: String] = [:]
        var manifestEntry: Entry?
        var signatureEntry: Entry?
        var total: Int64 = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maximumEntries else {
                throw PackageError.tooManyEntries(count: count, limit: limits.maximumEntries)
            }
            let rawPath = entry.path
            let isDirectory = entry.type == .directory
            let path = isDirectory && rawPath.hasSuffix("/") ? String(rawPath.dropLast()) : rawPath
            if let problem = PackagePath.problem(with: path) {
                throw PackageError.unsafeEntryPath(entry: rawPath, problem: problem)
            }
            if entry.type == .symlink { throw PackageError.symlinkEntry(rawPath) }
            let key = PackagePath.collisionKey(path)
            if let previous = collisionKeys[key] {
                if previous == path { throw PackageError.duplicateEntry(rawPath) }
                throw PackageError.collidingEntries(previous, path)
            }
            collisionKeys[key] = path
            if isDirectory { continue }
            let size = Int64(clamping: entry.uncompressedSize)
            let compressed = Int64(clamping: entry.compressedSize)
            switch path {
            case Self.manifestName:
                manifestEntry = entry
                continue
            case Self.signatureName:
                signatureEntry = entry
                continue
            default: break
            }
            guard size <= limits.maximumFileBytes else {
                throw PackageError.entryTooLarge(entry: path, bytes: size, limit: limits.maximumFileBytes)
            }
            if size > 1 << 20 {
                let ratio = compressed > 0 ? size / compressed : .max
                guard ratio <= limits.maximumCompressionRatio else {
                    throw PackageError.suspiciousCompressionRatio(entry: path, ratio: ratio, limit: limits.maximumCompressionRatio)
                }
            }
            total += size
            guard total <= limits.maximumTotalBytes else {
                throw PackageError.packageTooLarge(bytes: total, limit: limits.maximumTotalBytes)
            }
            files[path] = entry
        }
        // A file may not also be a folder of another entry ("a" and "a/b").
        for path in files.keys {
            var prefix = Substring(path)
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                if files[String(prefix)] != nil { throw PackageError.collidingEntries(String(prefix), path) }
            }
        }
        self.files = files
        self.manifestEntry = manifestEntry
        self.signatureEntry = signatureEntry
        self.totalBytes = total
    }

    /// Reads a small entry (manifest, signature) fully, refusing more than `limit` bytes.
    func read(_ entry: Entry, limit: Int) throws -> Data {
        var data = Data()
        data.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limit))
        try stream(entry, limit: Int64(limit)) { data.append($0) }
        return data
    }

    /// Inflates a compressed entry with zlib, feeding it only the entry's own compressed bytes,
    /// each chunk with its true length. (ZIPFoundation's inflate loop tells zlib every chunk is
    /// a full buffer, so a short final chunk is over-read, and it spins forever on a deflate
    /// stream that has not ended when the entry's bytes run out; `fuzz-package` found the hang.)
    private func inflate(_ entry: Entry, _ consumer: (Data) throws -> Void) throws {
        guard let offset = entryData.dataOffsets[entry.path] else {
            throw PackageError.corruptEntry(entry: entry.path, reason: "not found in the central directory")
        }
        let compressed = Int64(clamping: entry.compressedSize)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PackageError.corruptEntry(entry: entry.path, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let chunkSize = 64 << 10
        var output = [UInt8](repeating: 0, count: chunkSize)
        var position: Int64 = 0
        var ended = false
        while !ended {
            guard position < compressed else {
                throw PackageError.corruptEntry(
                    entry: entry.path, reason: "the deflate stream does not end within its \(compressed) compressed bytes")
            }
            var chunk = try entryData.read(Int(min(Int64(chunkSize), compressed - position)), at: offset + position, entry: entry.path)
            position += Int64(chunk.count)
            ended = try chunk.withUnsafeMutableBytes { input -> Bool in
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(input.count)
                while true {
                    var status: Int32 = Z_OK
                    let produced = output.withUnsafeMutableBytes { out -> Int in
                        stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
                        stream.avail_out = uInt(out.count)
                        status = CInflate.inflate(&stream, Z_NO_FLUSH)
                        return out.count - Int(stream.avail_out)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw PackageError.corruptEntry(entry: entry.path, reason: "invalid deflate data (zlib \(status))")
                    }
                    if produced > 0 { try consumer(Data(output[0..<produced])) }
                    if status == Z_STREAM_END { return true }
                    if stream.avail_in == 0 && stream.avail_out != 0 { return false }
                    if status == Z_BUF_ERROR && produced == 0 { return false }
                }
            }
        }
    }

    /// Streams an entry's bytes to `consumer`, enforcing `limit` on the bytes actually inflated
    /// (declared sizes can lie) and mapping library errors to `corruptEntry`.
    func stream(_ entry: Entry, limit: Int64, _ consumer: (Data) throws -> Void) throws {
        var produced: Int64 = 0
        let consume: (Data) throws -> Void = { chunk in
            produced += Int64(chunk.count)
            guard produced <= limit else {
                throw PackageError.entryTooLarge(entry: entry.path, bytes: produced, limit: limit)
            }
            try consumer(chunk)
        }
        do {
            if entry.isCompressed {
                try inflate(entry, consume)
            } else {
                // CRC-32 is skipped: every byte is covered by a SHA-256 in the manifest, or by the signature.
                _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: true, consumer: consume)
            }
        } catch let error as PackageError {
            throw error
        } catch {
            throw PackageError.corruptEntry(entry: entry.path, reason: Self.describe(error))
        }
        guard produced == Int64(clamping: entry.uncompressedSize) else {
            throw PackageError.corruptEntry(
                entry: entry.path, reason: "declared \(entry.uncompressedSize) bytes, inflated \(produced)")
        }
    }

    static func describe(_ error: any Error) -> String {
        if let archiveError = error as? Archive.ArchiveError {
            switch archiveError {
            case .unreadableArchive: return "the file cannot be read as a zip archive"
            case .missingEndOfCentralDirectoryRecord: return "no end-of-central-directory record (truncated or not a zip)"
            case .invalidCRC32: return "CRC-32 mismatch (the entry is corrupted)"
            case .invalidEntryPath: return "invalid entry path"
            case .invalidCompressionMethod: return "unsupported compression method"
            default: return "\(archiveError)"
            }
        }
        return "\(error)"
    }
}

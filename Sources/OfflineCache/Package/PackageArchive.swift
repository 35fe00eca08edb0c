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

    /// Streams an entry's bytes to `consumer`, enforcing `limit` on the bytes actually inflated
    /// (declared sizes can lie) and mapping library errors to `corruptEntry`.
    func stream(_ entry: Entry, limit: Int64, _ consumer: (Data) throws -> Void) throws {
        var produced: Int64 = 0
        do {
            // CRC-32 is skipped: every byte is covered by a SHA-256 in the manifest, or by the signature.
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: true) { chunk in
                produced += Int64(chunk.count)
                guard produced <= limit else {
                    throw PackageError.entryTooLarge(entry: entry.path, bytes: produced, limit: limit)
                }
                try consumer(chunk)
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

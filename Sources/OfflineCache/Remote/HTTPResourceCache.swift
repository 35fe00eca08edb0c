// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation

/// Where a fetched resource came from.
public enum CacheStatus: Sendable, Hashable {
    /// Fetched from the network now.
    case network
    /// Served from the cache, still fresh (`Cache-Control: max-age`).
    case fresh
    /// Served from the cache after the server confirmed it (304 to `If-None-Match` / `If-Modified-Since`).
    case revalidated
    /// Served from a stale cache entry because the network failed.
    case staleAfterError(FetchError)
}

/// An on-disk cache of fetched resources that honours `Cache-Control` (`no-store`,
/// `no-cache`, `max-age`) and revalidates with `ETag` / `Last-Modified`.
public final class HTTPResourceCache: Sendable {
    struct Metadata: Codable, Sendable {
        var url: String
        var storedAt: Date
        var maxAge: Double?
        var noCache: Bool
        var etag: String?
        var lastModified: String?
        var contentType: String?
    }

    /// The cache folder.
    public let directory: URL

    /// Opens (or creates) a cache folder.
    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PackageError.storeIO(operation: "create folder", path: directory.path, reason: error.localizedDescription, cause: error)
        }
    }

    private func key(_ url: URL) -> String {
        SHA256.hash(data: Data(url.absoluteString.utf8)).hexString
    }

    private func bodyURL(_ url: URL) -> URL { directory.appendingPathComponent(key(url) + ".body") }
    private func metadataURL(_ url: URL) -> URL { directory.appendingPathComponent(key(url) + ".json") }

    func entry(for url: URL) -> (Metadata, Data)? {
        guard let metadataBytes = FileManager.default.contents(atPath: metadataURL(url).path),
            let metadata = try? JSONDecoder.iso8601.decode(Metadata.self, from: metadataBytes),
            metadata.url == url.absoluteString,
            let body = FileManager.default.contents(atPath: bodyURL(url).path)
        else { return nil }
        return (metadata, body)
    }

    func isFresh(_ metadata: Metadata, now: Date = Date()) -> Bool {
        guard !metadata.noCache, let maxAge = metadata.maxAge else { return false }
        return now.timeIntervalSince(metadata.storedAt) < maxAge
    }

    /// Stores a 200 response unless it says `no-store`. Body first, then metadata, each atomically.
    func store(_ response: FetchedResponse) {
        let directives = CacheControl(response.headers["cache-control"])
        guard !directives.noStore else {
            remove(response.url)
            return
        }
        let metadata = Metadata(
            url: response.url.absoluteString, storedAt: Date(), maxAge: directives.maxAge, noCache: directives.noCache,
            etag: response.headers["etag"], lastModified: response.headers["last-modified"],
            contentType: response.headers["content-type"])
        do {
            try StoreIO.atomicWrite(response.body, to: bodyURL(response.url), durable: false)
            try StoreIO.atomicWrite(try JSONEncoder.iso8601.encode(metadata), to: metadataURL(response.url), durable: false)
        } catch {
            remove(response.url)
        }
    }

    /// Records a 304: the entry is fresh again, with the server's new directives.
    func refresh(_ url: URL, metadata: Metadata, headers: [String: String]) {
        var updated = metadata
        updated.storedAt = Date()
        if let control = headers["cache-control"] {
            let directives = CacheControl(control)
            updated.maxAge = directives.maxAge
            updated.noCache = directives.noCache
        }
        if let etag = headers["etag"] { updated.etag = etag }
        try? StoreIO.atomicWrite(try JSONEncoder.iso8601.encode(updated), to: metadataURL(url), durable: false)
    }

    func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: metadataURL(url))
        try? FileManager.default.removeItem(at: bodyURL(url))
    }
}

/// The `Cache-Control` directives the cache acts on.
struct CacheControl {
    var noStore = false
    var noCache = false
    var maxAge: Double?

    init(_ header: String?) {
        guard let header else { return }
        for part in header.split(separator: ",") {
            let directive = part.trimmingCharacters(in: .whitespaces).lowercased()
            if directive == "no-store" { noStore = true }
            if directive == "no-cache" { noCache = true }
            if directive.hasPrefix("max-age="), let seconds = Double(directive.dropFirst("max-age=".count)) {
                maxAge = seconds
            }
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension JSONEncoder {
    static var iso8601: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

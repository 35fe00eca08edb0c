// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// A finished download.
public struct DownloadReceipt: Sendable, Hashable {
    public let url: URL
    public let file: URL
    public let bytes: Int64
    public let sha256: String
    /// True if an earlier partial download was continued with a `Range` request.
    public let resumed: Bool
}

/// Downloads whole packages to disk: streamed (never held in memory), resumed from a partial
/// file when the server supports ranges (restarted otherwise), checked against an expected
/// size and SHA-256, and moved into place only when complete.
public struct PackageDownloader: Sendable {
    public let fetcher: HTTPFetcher
    /// The largest download accepted.
    public var maximumBytes: Int64

    /// Creates a downloader.
    public init(fetcher: HTTPFetcher = HTTPFetcher(), maximumBytes: Int64 = 1 << 30) {
        self.fetcher = fetcher
        self.maximumBytes = maximumBytes
    }

    /// Downloads `url` to `destination`. A partial file `destination.partial` from an earlier
    /// attempt is continued. `progress` gets (bytes so far, total if known).
    public func download(
        _ url: URL, to destination: URL, expectedSize: Int64? = nil, expectedSHA256: String? = nil,
        progress: (@Sendable (Int64, Int64?) -> Void)? = nil
    ) async throws -> DownloadReceipt {
        let partial = destination.appendingPathExtension("partial")
        let resumedFrom = try await fetcher.withRetries(url) {
            try await attempt(url, partial: partial, expectedSize: expectedSize, progress: progress)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int64) ?? 0
        if let expectedSize, size != expectedSize {
            try? FileManager.default.removeItem(at: partial)
            throw FetchError.sizeMismatch(url: url.absoluteString, expected: expectedSize, actual: size)
        }
        let digest: String
        do {
            digest = try PackageBuilder.sha256(of: partial)
        } catch {
            throw FetchError.io(url: url.absoluteString, reason: "\(error)", cause: error)
        }
        if let expectedSHA256, digest != expectedSHA256.lowercased() {
            try? FileManager.default.removeItem(at: partial)
            throw FetchError.checksumMismatch(url: url.absoluteString, expected: expectedSHA256, actual: digest)
        }
        do {
            try StoreIO.atomicRename(partial, to: destination)
        } catch {
            throw FetchError.io(url: url.absoluteString, reason: "\(error)", cause: error)
        }
        return DownloadReceipt(url: url, file: destination, bytes: size, sha256: digest, resumed: resumedFrom > 0)
    }

    /// One attempt; returns the offset it resumed from (0 for a fresh start).
    private func attempt(
        _ url: URL, partial: URL, expectedSize: Int64?, progress: (@Sendable (Int64, Int64?) -> Void)?
    ) async throws -> Int64 {
        var existing = (try? FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? Int64) ?? 0
        if let expectedSize, existing >= expectedSize { existing = 0 }
        var headers: [(String, String)] = []
        if existing > 0 { headers.append(("Range", "bytes=\(existing)-")) }
        let response = try await fetcher.execute(try fetcher.makeRequest(url, headers: headers), url: url)
        let status = Int(response.status.code)
        let offset: Int64
        switch status {
        case 206 where existing > 0: offset = existing
        case 200..<300: offset = 0
        default: throw FetchError.httpStatus(url: url.absoluteString, status: status, attempts: 1)
        }
        let declared = response.headers.first(name: "content-length").flatMap(Int64.init)
        let total = declared.map { $0 + offset } ?? expectedSize
        if let total, total > maximumBytes { throw FetchError.bodyTooLarge(url: url.absoluteString, limit: maximumBytes) }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (offset > 0 ? O_APPEND : O_TRUNC)
        let descriptor = open(partial.path, flags, 0o644)
        guard descriptor >= 0 else { throw FetchError.io(url: url.absoluteString, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var received = offset
        do {
            for try await chunk in response.body {
                received += Int64(chunk.readableBytes)
                guard received <= maximumBytes else { throw FetchError.bodyTooLarge(url: url.absoluteString, limit: maximumBytes) }
                try StoreIO.writeAll(descriptor, Data(chunk.readableBytesView), path: partial)
                progress?(received, total)
            }
        } catch let error as FetchError {
            throw error
        } catch let error as PackageError {
            throw FetchError.io(url: url.absoluteString, reason: "\(error)", cause: error)
        } catch {
            throw HTTPFetcher.map(error, url: url)
        }
        if let declared, received - offset != declared {
            throw FetchError.truncatedBody(url: url.absoluteString, expected: declared, received: received - offset)
        }
        return offset
    }
}

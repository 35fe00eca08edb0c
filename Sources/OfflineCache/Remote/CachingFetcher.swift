// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// GETs through an `HTTPResourceCache`: fresh entries are served without a request, stale
/// ones are revalidated, and when the network fails a stale entry is served and says so.
public struct CachingFetcher: Sendable {
    public let fetcher: HTTPFetcher
    public let cache: HTTPResourceCache

    /// Creates a caching fetcher.
    public init(fetcher: HTTPFetcher = HTTPFetcher(), cache: HTTPResourceCache) {
        self.fetcher = fetcher
        self.cache = cache
    }

    /// The resource's bytes and where they came from.
    public func fetch(_ url: URL) async throws -> (data: Data, contentType: String?, status: CacheStatus) {
        let cached = cache.entry(for: url)
        if let (metadata, body) = cached, cache.isFresh(metadata) {
            return (body, metadata.contentType, .fresh)
        }
        var headers: [(String, String)] = []
        if let (metadata, _) = cached {
            if let etag = metadata.etag { headers.append(("If-None-Match", etag)) }
            if let lastModified = metadata.lastModified { headers.append(("If-Modified-Since", lastModified)) }
        }
        do {
            let response = try await fetcher.get(url, headers: headers)
            if response.status == 304, let (metadata, body) = cached {
                cache.refresh(url, metadata: metadata, headers: response.headers)
                return (body, metadata.contentType, .revalidated)
            }
            guard response.status != 304 else {
                throw FetchError.httpStatus(url: url.absoluteString, status: 304, attempts: 1)
            }
            cache.store(response)
            return (response.body, response.headers["content-type"], .network)
        } catch let error as FetchError {
            if error.isTransient, let (metadata, body) = cached { return (body, metadata.contentType, .staleAfterError(error)) }
            throw error
        }
    }
}

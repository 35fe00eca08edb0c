// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import LoopbackServer
import OfflineCache
import Synchronization

/// Files served by a test server, with per-path behaviour and request counts.
final class OnlineFiles: Sendable {
    struct Route: Sendable {
        var body: Data
        var headers: [(String, String)] = []
        /// Answer 503 this many times first.
        var failuresFirst = 0
        var etag: String?
    }

    private let routes = Mutex<[String: Route]>([:])
    private let hits = Mutex<[String: Int]>([:])
    private let conditionalHits = Mutex<[String: Int]>([:])

    func set(_ path: String, _ route: Route) { routes.withLock { $0[path] = route } }
    func hitCount(_ path: String) -> Int { hits.withLock { $0[path] ?? 0 } }
    func conditionalCount(_ path: String) -> Int { conditionalHits.withLock { $0[path] ?? 0 } }

    func handle(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        let path = request.path
        let count = hits.withLock { hits in
            hits[path, default: 0] += 1
            return hits[path]!
        }
        guard let route = routes.withLock({ $0[path] }) else { return .notFound }
        if count <= route.failuresFirst { return .response(status: 503, body: Data("busy".utf8)) }
        var headers = route.headers
        if let etag = route.etag {
            headers.append(("ETag", etag))
            if request.header("If-None-Match") == etag {
                conditionalHits.withLock { $0[path, default: 0] += 1 }
                return .response(status: 304, headers: headers)
            }
        }
        if let range = request.header("Range"), range.hasPrefix("bytes="),
            let start = Int(range.dropFirst(6).split(separator: "-").first ?? ""), start < route.body.count
        {
            let slice = route.body.subdata(in: start..<route.body.count)
            return .response(
                status: 206,
                headers: headers + [("Content-Range", "bytes \(start)-\(route.body.count - 1)/\(route.body.count)")],
                body: slice)
        }
        return .ok(route.body, headers: headers)
    }
}

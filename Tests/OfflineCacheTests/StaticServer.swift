// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import LoopbackServer
import Synchronization

/// Serves a folder like a CDN: strong ETags, 304 for `If-None-Match`, byte ranges; counts hits.
final class StaticFolderServer: Sendable {
    let root: URL
    let server: LoopbackServer
    private let hits = Mutex<[String: Int]>([:])
    private let notModified = Mutex<Int>(0)

    private init(root: URL, server: LoopbackServer) {
        self.root = root
        self.server = server
    }

    static func start(serving root: URL) async throws -> StaticFolderServer {
        let box = Mutex<StaticFolderServer?>(nil)
        let server = try await LoopbackServer.start { request in
            guard let folder = box.withLock({ $0 }) else { return .response(status: 503) }
            return folder.handle(request)
        }
        let folder = StaticFolderServer(root: root, server: server)
        box.withLock { $0 = folder }
        return folder
    }

    func url(_ path: String) -> URL { server.url(path) }
    func hitCount(_ path: String) -> Int { hits.withLock { $0[path] ?? 0 } }
    var notModifiedCount: Int { notModified.withLock { $0 } }

    private func handle(_ request: LoopbackServer.Request) -> LoopbackServer.Reply {
        let path = request.path
        hits.withLock { $0[path, default: 0] += 1 }
        guard !path.contains(".."), let data = FileManager.default.contents(atPath: root.path + path) else { return .notFound }
        let etag = "\"" + SHA256.hash(data: data).prefix(8).map { String(format: "%02x", $0) }.joined() + "\""
        if request.header("If-None-Match") == etag {
            notModified.withLock { $0 += 1 }
            return .response(status: 304, headers: [("ETag", etag)])
        }
        return .ok(data, headers: [("ETag", etag), ("Cache-Control", "no-cache")])
    }

    func shutdown() async { await server.shutdown() }
}

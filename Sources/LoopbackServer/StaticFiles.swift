// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Hummingbird

extension LoopbackServer {
    /// Serves the files under `root` (GET and HEAD; `ETag` from the content and
    /// `If-None-Match`; `..` refused).
    ///
    /// Not Hummingbird's `FileMiddleware`: its ETag comes from the modification date and size, so
    /// a same-size rewrite within one second (a release channel updated by a test or by
    /// `container-demo publish`) would keep its ETag and an updater would see "not modified".
    public static func serving(_ root: URL, port: Int = 0) async throws -> LoopbackServer {
        let base = root.standardizedFileURL.path
        return try await start(port: port) { request in
            let path = request.path.removingPercentEncoding ?? request.path
            guard !path.split(separator: "/").contains(".."), let data = FileManager.default.contents(atPath: base + path)
            else { return .notFound }
            let etag = "\"\(data.count)-\(String(fnv1a(data), radix: 16))\""
            if request.header("If-None-Match") == etag { return .response(status: 304, headers: [("ETag", etag)]) }
            return .ok(data, headers: [("ETag", etag), ("Cache-Control", "no-cache")])
        }
    }
}

/// FNV-1a, 64-bit: a stable content hash for ETags (Swift's `hashValue` changes per process).
func fnv1a(_ data: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}

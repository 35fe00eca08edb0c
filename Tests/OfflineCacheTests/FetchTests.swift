// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Crypto
import Foundation
import LoopbackServer
import OfflineCache
import Testing

@Suite("HTTP fetching, caching and package downloads against a real local server")
struct FetchTests {
    /// Quick to retry; patient with a loaded machine (a request that outlived a 2 s timeout under
    /// a parallel CI run was retried, so the server counted two hits where the test expected one).
    /// Tests that need a timeout to fire make their own impatient fetcher.
    let quick = HTTPFetcher(configuration: .init(timeout: .seconds(60), initialBackoff: .milliseconds(5)))

    func serve(_ files: OnlineFiles) async throws -> LoopbackServer {
        try await LoopbackServer.start { files.handle($0) }
    }

    @Test("max-age entries are served fresh without a request; no-cache ones are revalidated with ETag")
    func cacheFreshnessAndRevalidation() async throws {
        let fixture = try Fixture()
        let files = OnlineFiles()
        let server = try await serve(files)
        files.set("/fresh.js", .init(body: Data("fresh".utf8), headers: [("Cache-Control", "max-age=3600")]))
        files.set("/checked.js", .init(body: Data("checked".utf8), headers: [("Cache-Control", "no-cache")], etag: "\"v1\""))
        files.set("/private.js", .init(body: Data("private".utf8), headers: [("Cache-Control", "no-store")]))
        let fetcher = CachingFetcher(fetcher: quick, cache: try HTTPResourceCache(directory: fixture.url("cache")))

        #expect(try await fetcher.fetch(server.url("/fresh.js")).status == .network)
        #expect(try await fetcher.fetch(server.url("/fresh.js")).status == .fresh)
        #expect(files.hitCount("/fresh.js") == 1)

        #expect(try await fetcher.fetch(server.url("/checked.js")).status == .network)
        let again = try await fetcher.fetch(server.url("/checked.js"))
        #expect(again.status == .revalidated && again.data == Data("checked".utf8))
        #expect(files.conditionalCount("/checked.js") == 1)

        _ = try await fetcher.fetch(server.url("/private.js"))
        #expect(try await fetcher.fetch(server.url("/private.js")).status == .network)
        #expect(files.hitCount("/private.js") == 2)
        await server.shutdown()
    }

    @Test("a stale entry is served when the network fails, and says so")
    func staleOnError() async throws {
        let fixture = try Fixture()
        let files = OnlineFiles()
        let server = try await serve(files)
        files.set("/app.js", .init(body: Data("cached copy".utf8), etag: "\"a\""))
        let impatient = HTTPFetcher(configuration: .init(timeout: .milliseconds(300), initialBackoff: .milliseconds(5)))
        let cache = try HTTPResourceCache(directory: fixture.url("cache"))
        let url = server.url("/app.js")
        // Filled with a patient fetcher (a loaded machine must not turn the first fetch into a
        // timeout); the offline fetch is the impatient one.
        _ = try await CachingFetcher(fetcher: quick, cache: cache).fetch(url)
        await server.shutdown()
        let fetcher = CachingFetcher(fetcher: impatient, cache: cache)
        let offline = try await fetcher.fetch(url)
        #expect(offline.data == Data("cached copy".utf8))
        guard case .staleAfterError(let error) = offline.status, error.isNetworkFailure else {
            Issue.record("expected a stale copy after a connection failure, got \(offline.status)")
            return
        }
    }

    @Test("transient 503s are retried with backoff; a 404 is not retried")
    func retries() async throws {
        let files = OnlineFiles()
        let server = try await serve(files)
        files.set("/flaky.js", .init(body: Data("ok".utf8), failuresFirst: 2))
        let response = try await quick.get(server.url("/flaky.js"))
        #expect(response.body == Data("ok".utf8))
        #expect(files.hitCount("/flaky.js") == 3)
        files.set("/down.js", .init(body: Data(), failuresFirst: 100))
        await #expect(throws: FetchError.httpStatus(url: server.url("/down.js").absoluteString, status: 503, attempts: 3)) {
            try await quick.get(server.url("/down.js"))
        }
        await #expect(throws: FetchError.httpStatus(url: server.url("/missing.js").absoluteString, status: 404, attempts: 1)) {
            try await quick.get(server.url("/missing.js"))
        }
        #expect(files.hitCount("/missing.js") == 1)
        await server.shutdown()
    }

    @Test("misbehaving servers get typed errors: dropped connection, lying length, stall, oversize body")
    func hostileServers() async throws {
        let server = try await LoopbackServer.start { request in
            switch request.path {
            case "/drop": return .dropConnection
            case "/short": return .truncated(status: 200, headers: [], body: Data("half".utf8), declaredLength: 1000)
            case "/stall": return .stall
            case "/huge": return .ok(Data(count: 300_000))
            default: return .notFound
            }
        }
        // Only the stall waits for the short timeout: under a loaded CI machine, a dropped
        // connection has been reported after 300 ms (a timeout) instead of as dropped.
        let fetcher = HTTPFetcher(
            configuration: .init(
                timeout: .seconds(10), maximumAttempts: 2, initialBackoff: .milliseconds(5), maximumBodyBytes: 100_000))
        let impatient = HTTPFetcher(
            configuration: .init(
                timeout: .milliseconds(300), maximumAttempts: 2, initialBackoff: .milliseconds(5), maximumBodyBytes: 100_000))
        func failure(_ path: String) async -> FetchError? {
            do {
                _ = try await (path == "/stall" ? impatient : fetcher).get(server.url(path))
                return nil
            } catch {
                return error as? FetchError
            }
        }
        let dropped = await failure("/drop")
        #expect({ if case .connectionFailed(_, _, 2)? = dropped?.details { true } else { false } }(), "\(String(describing: dropped))")
        let short = await failure("/short")
        #expect(short != nil, "a truncated body must fail")
        let stalled = await failure("/stall")
        #expect({ if case .timedOut(_, 2)? = stalled?.details { true } else { false } }(), "\(String(describing: stalled))")
        let huge = await failure("/huge")
        #expect(huge?.code == .bodyTooLarge, "\(String(describing: huge))")
        await #expect(throws: FetchError.invalidURL("ftp://example.com/x")) {
            try await fetcher.get(URL(string: "ftp://example.com/x")!)
        }
        await server.shutdown()
    }

    @Test("packages download to disk with progress, verified by size and SHA-256, resuming a partial file")
    func downloads() async throws {
        let fixture = try Fixture()
        let files = OnlineFiles()
        let server = try await serve(files)
        let body = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) })
        let digest = SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        files.set("/pkg.zip", .init(body: body))
        let downloader = PackageDownloader(fetcher: quick)
        let destination = fixture.url("pkg.zip")
        let progress = ProgressLog()
        let receipt = try await downloader.download(
            server.url("/pkg.zip"), to: destination, expectedSize: Int64(body.count), expectedSHA256: digest
        ) { received, _ in progress.record(received) }
        #expect(receipt.bytes == Int64(body.count) && !receipt.resumed)
        #expect(try Data(contentsOf: destination) == body)
        #expect(progress.last == Int64(body.count))

        // A partial file from an interrupted attempt is continued with a Range request.
        let resumedDestination = fixture.url("resumed.zip")
        try body.prefix(100_000).write(to: resumedDestination.appendingPathExtension("partial"))
        let resumed = try await downloader.download(server.url("/pkg.zip"), to: resumedDestination, expectedSHA256: digest)
        #expect(resumed.resumed)
        #expect(try Data(contentsOf: resumedDestination) == body)

        // A wrong checksum is refused and nothing is left behind.
        let refused = fixture.url("refused.zip")
        await #expect {
            try await downloader.download(server.url("/pkg.zip"), to: refused, expectedSHA256: String(repeating: "0", count: 64))
        } throws: { error in
            if case .checksumMismatch? = (error as? FetchError)?.details { return true }
            return false
        }
        #expect(!FileManager.default.fileExists(atPath: refused.path))
        #expect(!FileManager.default.fileExists(atPath: refused.appendingPathExtension("partial").path))
        await server.shutdown()
    }
}

final class ProgressLog: @unchecked Sendable {
    // @unchecked Sendable: `values` is only touched under `lock`.
    private let lock = NSLock()
    private var values: [Int64] = []
    func record(_ value: Int64) { lock.withLock { values.append(value) } }
    var last: Int64? { lock.withLock { values.last } }
}

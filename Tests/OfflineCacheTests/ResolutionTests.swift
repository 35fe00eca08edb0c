// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import LoopbackServer
import OfflineCache
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Resource resolution and online fallback against a real local HTTP server")
struct ResolutionTests {
    let demo = AppID(rawValue: "demo")!

    struct Setup {
        let fixture: Fixture
        let store: PackageStore
        let files: OnlineFiles
        let server: LoopbackServer
        let resolver: ResourceResolver
    }

    /// v1 of demo installed with `fallbackBaseURL` on the test server, which also serves the
    /// online copy of every file (marked so the test can tell the copies apart).
    func setUp(installed: Bool = true, onlineApps: [ResourceResolver.OnlineApp] = []) async throws -> Setup {
        let fixture = try Fixture()
        let files = OnlineFiles()
        let server = try await LoopbackServer.start { request in files.handle(request) }
        let base = server.url("/apps/demo/1.0.0/")
        for (path, data) in fixture.appFiles(version: "1.0.0") {
            files.set("/apps/demo/1.0.0/\(path)", .init(body: Data("online:".utf8) + data))
        }
        let store = try fixture.store()
        if installed { try store.install(packageAt: try fixture.package(version: "1.0.0", fallback: base)) }
        let cache = try HTTPResourceCache(directory: fixture.url("http-cache"))
        let fetcher = CachingFetcher(fetcher: HTTPFetcher(configuration: .init(initialBackoff: .milliseconds(5))), cache: cache)
        let resolver = ResourceResolver(store: store, fetcher: fetcher, onlineApps: onlineApps)
        return Setup(fixture: fixture, store: store, files: files, server: server, resolver: resolver)
    }

    func isOnline(_ resource: ResolvedResource, because expected: (FallbackReason) -> Bool) -> Bool {
        guard case .online(_, let reason, _) = resource.source else { return false }
        return expected(reason)
    }

    @Test("an installed file is served offline, verified, by path or by vhost URL")
    func offline() async throws {
        let setup = try await setUp()
        let resource = try await setup.resolver.resolve(appId: demo, path: "/pages/home.js?x=1#top")
        #expect(resource.source == .offline(version: PackageVersion("1.0.0")!))
        #expect(String(decoding: resource.data, as: UTF8.self).contains("1.0.0"))
        #expect(resource.contentType.hasPrefix("text/javascript"))
        let byURL = try await setup.resolver.resolve(url: URL(string: "https://demo.app.local/index.js")!)
        #expect(byURL.path == "index.js" && byURL.source == .offline(version: PackageVersion("1.0.0")!))
        let entry = try await setup.resolver.resolve(appId: demo, path: "/")
        #expect(entry.path == "index.js")
        #expect(setup.files.hitCount("/apps/demo/1.0.0/index.js") == 0)
        await setup.server.shutdown()
    }

    @Test("path traversal is refused, however it is spelled")
    func traversal() async throws {
        let setup = try await setUp()
        for path in ["../state.json", "pages/../../x", "%2e%2e/state.json", "..%2fstate.json", "a\\..\\b", "x%00.js"] {
            await #expect(throws: ResolutionError.self, "\(path)") {
                try await setup.resolver.resolve(appId: demo, path: path)
            }
        }
        await setup.server.shutdown()
    }

    @Test("a file the package does not list falls back online with reason fileMissing")
    func fileMissing() async throws {
        let setup = try await setUp()
        setup.files.set("/apps/demo/1.0.0/extra/new.js", .init(body: Data("new".utf8)))
        let resource = try await setup.resolver.resolve(appId: demo, path: "extra/new.js")
        #expect(isOnline(resource) { $0 == .fileMissing })
        #expect(resource.data == Data("new".utf8))
        await setup.server.shutdown()
    }

    @Test("tampered, deleted and symlinked files fail integrity and are served online instead")
    func integrity() async throws {
        let setup = try await setUp()
        let directory = try #require(try setup.store.activePackage(demo)).filesDirectory
        _ = try await setup.resolver.resolve(appId: demo, path: "index.js")  // verified once, cached
        // Same size, different bytes, mtime restored: the ctime change still triggers a re-check.
        let target = directory.appendingPathComponent("index.js")
        let original = try Data(contentsOf: target)
        let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
        var tampered = original
        tampered[0] ^= 0x20
        try tampered.write(to: target)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: target.path)
        let afterTamper = try await setup.resolver.resolve(appId: demo, path: "index.js")
        #expect(isOnline(afterTamper) { if case .integrityFailed(.hashMismatch) = $0 { true } else { false } })
        #expect(String(decoding: afterTamper.data, as: UTF8.self).hasPrefix("online:"))

        try FileManager.default.removeItem(at: directory.appendingPathComponent("pages/home.js"))
        let afterDelete = try await setup.resolver.resolve(appId: demo, path: "pages/home.js")
        #expect(isOnline(afterDelete) { $0 == .integrityFailed(.missing(path: "pages/home.js")) })

        let json = directory.appendingPathComponent("assets/data.json")
        try FileManager.default.removeItem(at: json)
        try FileManager.default.createSymbolicLink(atPath: json.path, withDestinationPath: "/etc/hostname")
        let afterLink = try await setup.resolver.resolve(appId: demo, path: "assets/data.json")
        #expect(isOnline(afterLink) { $0 == .integrityFailed(.notARegularFile(path: "assets/data.json")) })
        await setup.server.shutdown()
    }

    @Test("an app that is not installed is served from its online copy; without one it is a typed error")
    func notInstalled() async throws {
        let other = AppID(rawValue: "other")!
        let fixture = try Fixture()
        let files = OnlineFiles()
        let server = try await LoopbackServer.start { files.handle($0) }
        files.set("/other/index.js", .init(body: Data("remote entry".utf8)))
        let store = try fixture.store()
        let resolver = ResourceResolver(
            store: store, fetcher: CachingFetcher(cache: try HTTPResourceCache(directory: fixture.url("cache"))),
            onlineApps: [.init(appId: other, fallbackBaseURL: server.url("/other/"), vhost: URL(string: "https://other.app.local"))])
        let resource = try await resolver.resolve(url: URL(string: "https://other.app.local/index.js")!)
        #expect(isOnline(resource) { $0 == .notInstalled })
        #expect(resource.data == Data("remote entry".utf8))
        await #expect {
            try await resolver.resolve(appId: AppID(rawValue: "nobody")!, path: "index.js")
        } throws: { error in
            (error as? ResolutionError) == .noFallback(appId: AppID(rawValue: "nobody")!, path: "index.js", reason: .notInstalled)
        }
        await #expect(throws: ResolutionError.unknownHost("unknown.app.local")) {
            try await resolver.resolve(url: URL(string: "https://unknown.app.local/x.js")!)
        }
        await server.shutdown()
    }

    @Test("a disabled offline package is served online with the host's reason")
    func disabled() async throws {
        let setup = try await setUp()
        setup.resolver.setOfflineDisabled(demo, reason: "kill switch")
        let resource = try await setup.resolver.resolve(appId: demo, path: "index.js")
        #expect(isOnline(resource) { $0 == .disabled("kill switch") })
        setup.resolver.setOfflineDisabled(demo, reason: nil)
        #expect(try await setup.resolver.resolve(appId: demo, path: "index.js").source == .offline(version: PackageVersion("1.0.0")!))
        await setup.server.shutdown()
    }

    @Test("when the online copy fails too, the error names both reasons")
    func bothFail() async throws {
        let setup = try await setUp()
        await #expect {
            try await setup.resolver.resolve(appId: demo, path: "not/anywhere.js")
        } throws: { error in
            guard case ResolutionError.fetchFailed(_, _, .fileMissing, let fetchError) = error else { return false }
            guard case .httpStatus(_, 404, 1) = fetchError.details else { return false }
            return true
        }
        await setup.server.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import LoopbackServer
import OfflineCache
import Testing

/// The online fallback follows redirects only within the origin it was given.
@Suite("Fetcher redirect policy")
struct FetchRedirectTests {
    @Test("sameOrigin follows redirects within the origin and refuses one to another origin, a scheme or a loop")
    func sameOrigin() async throws {
        let other = try await LoopbackServer.start { _ in .ok(Data("foreign".utf8)) }
        let otherPort = other.baseURL.port ?? 0
        let server = try await LoopbackServer.start { request in
            switch request.path {
            case "/moved": return .response(status: 301, headers: [("Location", "/app/index.js")])
            case "/app/index.js": return .ok(Data("local".utf8))
            case "/away": return .response(status: 302, headers: [("Location", "http://127.0.0.1:\(otherPort)/x")])
            case "/file": return .response(status: 302, headers: [("Location", "file:///etc/passwd")])
            case "/loop": return .response(status: 302, headers: [("Location", "/loop")])
            default: return .notFound
            }
        }
        // Patient: the loop's refusal is counted in redirects, not time (under a loaded parallel run
        // the whole chain once took longer than 5 s and timed out instead).
        let fetcher = HTTPFetcher(configuration: .init(timeout: .seconds(60), maximumAttempts: 1, redirects: .sameOrigin))
        #expect(String(decoding: try await fetcher.get(server.url("/moved")).body, as: UTF8.self) == "local")
        await #expect {
            _ = try await fetcher.get(server.url("/away"))
        } throws: { error in
            guard case .redirectRefused(_, let location, let reason)? = (error as? FetchError)?.details else { return false }
            return location.contains(":\(otherPort)/") && reason == "another origin"
        }
        await #expect {
            _ = try await fetcher.get(server.url("/file"))
        } throws: { error in
            if case .redirectRefused? = (error as? FetchError)?.details { return true }
            return false
        }
        await #expect {
            _ = try await fetcher.get(server.url("/loop"))
        } throws: { error in
            if case .tooManyRedirects? = (error as? FetchError)?.details { return true }
            return false
        }
        // The default (packages, channels: verified by hash and signature) follows it.
        let any = HTTPFetcher(configuration: .init(timeout: .seconds(5), maximumAttempts: 1))
        #expect(String(decoding: try await any.get(server.url("/away")).body, as: UTF8.self) == "foreign")
        await server.shutdown()
        await other.shutdown()
    }
}

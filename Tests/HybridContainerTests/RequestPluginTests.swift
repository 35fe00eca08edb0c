// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

@Suite("request: allowed domains, rate limit, circuit breaker, errors")
struct RequestPluginTests {
    @Test("JSON, text and binary bodies both ways, against a local server")
    func roundTrips() async throws {
        let server = try await LoopbackServer.start { request in
            switch request.path {
            case "/json": return .ok(Data(#"{"hello":"world","n":[1,2]}"#.utf8), headers: [("Content-Type", "application/json")])
            case "/text": return .ok(Data("plain text".utf8))
            case "/bytes": return .ok(Data([0, 1, 2, 255]))
            case "/method": return .ok(Data("\"\(request.method)\"".utf8))
            default: return .notFound
            }
        }
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("net", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = server.baseURL.absoluteString
        let value = try await run(
            container, "net",
            catching + """
                const json = await JSBridge.call('request', { url: '\(base)/json' });
                const text = await JSBridge.call('request', { url: '\(base)/text', dataType: 'text' });
                const bytes = await JSBridge.call('request', { url: '\(base)/bytes', dataType: 'arraybuffer' });
                const post = await JSBridge.call('request', { url: '\(base)/method', method: 'POST', data: { a: 1 } });
                const missing = await JSBridge.call('request', { url: '\(base)/missing', dataType: 'text' });
                const denied = await attempt(JSBridge.call('request', { url: 'https://example.com/' }));
                const invalid = await attempt(JSBridge.call('request', { url: 'not a url' }));
                return { json: json.data, status: json.status, text: text.data,
                         bytes: Array.from(new Uint8Array(bytes.data)), post: post.data, missing: missing.status,
                         denied: denied.error, invalid: invalid.error };
                """)
        #expect(
            value == [
                "json": ["hello": "world", "n": [1, 2]], "status": 200, "text": "plain text", "bytes": [0, 1, 2, 255],
                "post": "POST", "missing": 404, "denied": 4, "invalid": 2,
            ])
        await container.shutdown()
        await server.shutdown()
    }

    @Test("the per-app rate limit answers 1002; the breaker opens after failures (1003), then half-opens")
    func limits() async throws {
        let server = try await LoopbackServer.start { request in
            request.path == "/fail" ? .response(status: 500) : .ok(Data("1".utf8))
        }
        let fixture = try ContainerFixture()
        let container = try await fixture.container(
            request: .init(
                requestsPerSecond: 0.001, burst: 3, breakerThreshold: 2, breakerCoolDown: .zero))
        try fixture.install("limited", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        try fixture.install("breaker", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = server.baseURL.absoluteString
        let limited = try await run(
            container, "limited",
            catching + """
                const codes = [];
                for (let i = 0; i < 5; i++) {
                  const r = await attempt(JSBridge.call('request', { url: '\(base)/ok' }));
                  codes.push(r.error ?? r.ok.status);
                }
                return codes;
                """)
        #expect(limited == [200, 200, 200, 1002, 1002])
        await container.shutdown()

        let fixture2 = try ContainerFixture()
        let breakerContainer = try await fixture2.container(
            request: .init(
                requestsPerSecond: 1000, burst: 1000, breakerThreshold: 2, breakerCoolDown: .seconds(3600)))
        try fixture2.install("breaker", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: breakerContainer)
        let tripped = try await run(
            breakerContainer, "breaker",
            catching + """
                const codes = [];
                for (let i = 0; i < 4; i++) {
                  const r = await attempt(JSBridge.call('request', { url: '\(base)/fail' }));
                  codes.push(r.error ?? r.ok.status);
                }
                return codes;
                """)
        #expect(tripped == [500, 500, 1003, 1003])
        await breakerContainer.shutdown()
        await server.shutdown()
    }

    @Test("a half-open breaker lets one trial through and closes on success")
    func halfOpen() async throws {
        let server = try await LoopbackServer.start { request in
            request.path == "/fail" ? .response(status: 503) : .ok(Data("1".utf8))
        }
        let fixture = try ContainerFixture()
        let container = try await fixture.container(request: .init(breakerThreshold: 1, breakerCoolDown: .zero))
        try fixture.install("probe", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = server.baseURL.absoluteString
        let value = try await run(
            container, "probe",
            catching + """
                const first = await attempt(JSBridge.call('request', { url: '\(base)/fail' }));
                const trial = await attempt(JSBridge.call('request', { url: '\(base)/ok' }));
                const after = await attempt(JSBridge.call('request', { url: '\(base)/ok' }));
                return [first.ok.status, trial.ok.status, after.ok.status];
                """)
        #expect(value == [503, 200, 200])
        await container.shutdown()
        await server.shutdown()
    }
}

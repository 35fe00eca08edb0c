// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Synchronization
import Testing

@testable import BuiltInPlugins

/// Records the requests a local server saw (path and Host header).
final class SeenRequests: Sendable {
    private let entries = Mutex<[(path: String, host: String, cookie: String?)]>([])
    func add(_ request: LoopbackServer.Request) {
        entries.withLock { $0.append((request.path, request.header("host") ?? "", request.header("cookie"))) }
    }
    var paths: [String] { entries.withLock { $0.map(\.path) } }
    var hosts: [String] { entries.withLock { $0.map(\.host) } }
    func cookie(at path: String) -> String?? { entries.withLock { entry in entry.first { $0.path == path }.map(\.cookie) } }
}

@Suite("Permissions hold at every hop: redirects and headers")
struct NetworkPolicyTests {
    /// An allowed server (reached as 127.0.0.1) with an open redirect, chains, loops and a redirect
    /// to another port; a second server for "another origin".
    static func servers() async throws -> (main: LoopbackServer, other: LoopbackServer, seen: SeenRequests, otherSeen: SeenRequests) {
        let seen = SeenRequests()
        let otherSeen = SeenRequests()
        let other = try await LoopbackServer.start { request in
            otherSeen.add(request)
            return .ok(Data("\"other origin body\"".utf8))
        }
        let otherPort = other.baseURL.port ?? 0
        let main = try await LoopbackServer.start { request in
            seen.add(request)
            let path = request.path
            let port = request.header("host")?.split(separator: ":").last.map(String.init) ?? ""
            if path == "/go" { return .response(status: 302, headers: [("Location", "http://localhost:\(port)/secret")]) }
            if path == "/secret" { return .ok(Data("\"secret body for \(request.header("host") ?? "")\"".utf8)) }
            if path == "/loop" { return .response(status: 302, headers: [("Location", "/loop")]) }
            if path.hasPrefix("/chain/") {
                let step = Int(path.dropFirst("/chain/".count)) ?? 0
                return .response(status: 307, headers: [("Location", step >= 3 ? "/ok" : "/chain/\(step + 1)")])
            }
            if path == "/see-other" { return .response(status: 303, headers: [("Location", "/method")]) }
            if path == "/other-port" { return .response(status: 302, headers: [("Location", "http://127.0.0.1:\(otherPort)/landing")]) }
            if path == "/bad-port" { return .response(status: 302, headers: [("Location", "http://127.0.0.1:412348/x")]) }
            if path == "/to-file" { return .response(status: 302, headers: [("Location", "file:///etc/passwd")]) }
            if path == "/method" { return .ok(Data("\"\(request.method)\"".utf8)) }
            return .ok(Data("\"ok\"".utf8))
        }
        return (main, other, seen, otherSeen)
    }

    @Test("a redirect to a host outside allowedDomains fails with code 4 and that host's body never arrives")
    func openRedirect() async throws {
        let (main, other, seen, _) = try await Self.servers()
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("net", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = main.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let value = try await run(
            container, "net",
            catching + """
                const go = await attempt(JSBridge.call('request', { url: '\(base)/go', dataType: 'text' }));
                const manual = await JSBridge.call('request', { url: '\(base)/go', redirect: 'manual', dataType: 'text' });
                const chain = await JSBridge.call('request', { url: '\(base)/chain/1' });
                const loop = await attempt(JSBridge.call('request', { url: '\(base)/loop' }));
                const seeOther = await JSBridge.call('request', { url: '\(base)/see-other', method: 'POST', data: { a: 1 } });
                const toFile = await attempt(JSBridge.call('request', { url: '\(base)/to-file' }));
                const badMode = await attempt(JSBridge.call('request', { url: '\(base)/ok', redirect: 'sometimes' }));
                return { go: go.error, goBody: go.ok ? go.ok.data : null, manual: manual.status,
                         location: manual.headers.location, chain: chain.data, loop: loop.error,
                         seeOther: seeOther.data, toFile: toFile.error, badMode: badMode.error };
                """)
        let port = main.baseURL.port ?? 0
        #expect(
            value == [
                "go": 4, "goBody": nil, "manual": 302, "location": .string("http://localhost:\(port)/secret"), "chain": "ok",
                "loop": 6, "seeOther": "GET", "toFile": 6, "badMode": 2,
            ])
        #expect(!seen.paths.contains("/secret"))
        #expect(!seen.hosts.contains { $0.hasPrefix("localhost") })
        await container.shutdown()
        await main.shutdown()
        await other.shutdown()
    }

    @Test("a port outside 1–65535 (from the app or a redirect) is a typed error, never a trap in the network stack")
    func portsOutOfRange() async throws {
        let (main, other, _, _) = try await Self.servers()
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install(
            "net", script: "App({})", permissions: ["request", "websocket"], allowedDomains: ["127.0.0.1"], into: container)
        let base = main.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        // The fuzzer's crash: a valid request whose URL got one more digit in its port.
        let value = try await run(
            container, "net",
            catching + """
                const valid = await JSBridge.call('request', { url: '\(base)/ok' });
                const wide = await attempt(JSBridge.call('request', { url: '\(base)8/ok' }));
                const huge = await attempt(JSBridge.call('request', { url: 'http://127.0.0.1:412348/ok' }));
                const redirected = await attempt(JSBridge.call('request', { url: '\(base)/bad-port' }));
                const socket = await attempt(JSBridge.call('socket.connect', { socketId: 1, url: 'ws://127.0.0.1:99999/echo' }));
                return { valid: valid.data, wide: wide.error, huge: huge.error, redirected: redirected.error,
                         socket: socket.error };
                """)
        #expect(value == ["valid": "ok", "wide": 2, "huge": 2, "redirected": 6, "socket": 2])
        await #expect(throws: FetchError.invalidURL("http://127.0.0.1:412348/x")) {
            try await HTTPFetcher().get(URL(string: "http://127.0.0.1:412348/x")!)
        }
        await container.shutdown()
        await main.shutdown()
        await other.shutdown()
    }

    @Test("a redirect to another origin of an allowed host is followed without the app's Cookie/Authorization")
    func crossOriginCredentials() async throws {
        let (main, other, _, otherSeen) = try await Self.servers()
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("net", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = main.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let value = try await run(
            container, "net",
            """
            const r = await JSBridge.call('request', { url: '\(base)/other-port', headers: { Cookie: 'session=1', Authorization: 'Bearer x' } });
            return r.data;
            """)
        #expect(value == "other origin body")
        #expect(otherSeen.cookie(at: "/landing") == .some(nil))
        await container.shutdown()
        await main.shutdown()
        await other.shutdown()
    }

    @Test("headers an app may not set are refused with code 2 and never reach the server")
    func forbiddenHeaders() async throws {
        let (main, other, seen, _) = try await Self.servers()
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("net", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = main.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let port = main.baseURL.port ?? 0
        let value = try await run(
            container, "net",
            catching + """
                const tries = [
                  { Host: 'localhost:\(port)' }, { host: 'localhost' }, { 'Content-Length': '0' }, { 'Transfer-Encoding': 'chunked' },
                  { Connection: 'close' }, { Upgrade: 'websocket' }, { 'Proxy-Authorization': 'x' }, { 'Sec-Fetch-Site': 'none' },
                  { 'X-A\\r\\nHost': 'localhost' }, { 'X-A': 'v\\r\\nHost: localhost' }, { 'X-A': 'v\\u0000' }, { 'X A': '1' }, { '': '1' },
                ];
                const codes = [];
                for (const headers of tries) codes.push((await attempt(JSBridge.call('request', { url: '\(base)/headers', headers }))).error);
                const allowed = await JSBridge.call('request', { url: '\(base)/headers', headers: { 'X-Fine': 'yes', Cookie: 'a=1' } });
                return { codes, allowed: allowed.status };
                """)
        #expect(value == ["codes": .array(Array(repeating: 2, count: 13)), "allowed": 200])
        #expect(seen.paths == ["/headers"])
        #expect(!seen.hosts.contains { $0.hasPrefix("localhost") })
        await container.shutdown()
        await main.shutdown()
        await other.shutdown()
    }

    @Test("policy: no https → http downgrade, hosts outside the list, non-http schemes; URL tricks stay refused")
    func policyRules() throws {
        let current = URL(string: "https://api.example.com/a")!
        #expect(throws: BridgeError.self) {
            try NetworkAccessPolicy.redirectTarget(
                from: current, location: "http://api.example.com/b", domains: ["example.com"], api: "request", appId: "a")
        }
        #expect(throws: BridgeError.self) {
            try NetworkAccessPolicy.redirectTarget(
                from: current, location: "https://169.254.169.254/latest", domains: ["example.com"], api: "request", appId: "a")
        }
        #expect(throws: BridgeError.self) {
            try NetworkAccessPolicy.redirectTarget(
                from: current, location: "ftp://api.example.com/x", domains: ["example.com"], api: "request", appId: "a")
        }
        #expect(
            try NetworkAccessPolicy.redirectTarget(from: current, location: "/b?c=1", domains: ["example.com"], api: "request", appId: "a")
                .absoluteString == "https://api.example.com/b?c=1")
        for trick in [
            "http://127.0.0.1@localhost/", "http://localhost#@127.0.0.1/", "http://localhost./", "http://2130706433/",
            "http://evil.com\\@127.0.0.1/",
        ] {
            #expect(throws: BridgeError.self, "\(trick)") {
                try NetworkAccessPolicy.checkedURL(trick, domains: ["127.0.0.1"], api: "request", appId: "a")
            }
        }
        // The scheme that was checked is the one handed on: `WSS://` goes on as `wss://`.
        for (text, scheme) in [("WSS://127.0.0.1:8443/echo?a=1", "wss"), ("Ws://127.0.0.1/x", "ws")] {
            let url = try NetworkAccessPolicy.checkedURL(
                text, domains: ["127.0.0.1"], api: "connectSocket", appId: "a", schemes: ["ws", "wss"])
            #expect(url.scheme == scheme, "\(text)")
            #expect(url.port == URL(string: text)?.port && url.query == URL(string: text)?.query && url.path == URL(string: text)?.path)
        }
        #expect(
            try NetworkAccessPolicy.checkedURL("HTTPS://127.0.0.1/a", domains: ["127.0.0.1"], api: "request", appId: "a").absoluteString
                == "https://127.0.0.1/a")
        #expect(!NetworkAccessPolicy.isAllowed(host: "127.0.0.1", domains: [""]))
        #expect(NetworkAccessPolicy.isAllowed(host: "API.Example.com", domains: ["example.com"]))
        #expect(!NetworkAccessPolicy.isAllowed(host: "badexample.com", domains: ["example.com"]))
    }

    @Test("a bad call in the half-open state does not take the breaker's trial")
    func breakerHalfOpen() async throws {
        let (main, other, _, _) = try await Self.servers()
        let fixture = try ContainerFixture()
        // One failure opens the breaker; a zero cool-down makes the next allowed call the trial.
        let container = try await fixture.container(request: .init(breakerThreshold: 1, breakerCoolDown: .zero))
        try fixture.install("net", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let base = main.baseURL.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let value = try await run(
            container, "net",
            catching + """
                const failed = await attempt(JSBridge.call('request', { url: 'http://127.0.0.1:1/nothing-listens', timeout: 300 }));
                const badMethod = await attempt(JSBridge.call('request', { url: '\(base)/ok', method: 'BREW' }));
                const badTimeout = await attempt(JSBridge.call('request', { url: '\(base)/ok', timeout: NaN }));
                const badHeader = await attempt(JSBridge.call('request', { url: '\(base)/ok', headers: { Host: 'x' } }));
                const trial = await attempt(JSBridge.call('request', { url: '\(base)/ok' }));
                const after = await attempt(JSBridge.call('request', { url: '\(base)/ok' }));
                return [failed.error, badMethod.error, badTimeout.error, badHeader.error, trial.ok && trial.ok.status, after.ok && after.ok.status];
                """)
        // 5 (timeout) or 6 (refused): the client retries refused connections until its deadline.
        #expect(value[0] == 5 || value[0] == 6)
        #expect(value.arrayValue.map { Array($0.dropFirst()) } == [2, 2, 2, 200, 200])
        await container.shutdown()
        await main.shutdown()
        await other.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

/// A server on 127.0.0.1 that misbehaves by path: drops, stalls, lies about lengths, sends
/// too much, redirects in a loop, fails with 5xx.
func faultyServer(manifest: Data = Data()) async throws -> LoopbackServer {
    try await LoopbackServer.start { request in
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        switch path.split(separator: "/").first.map(String.init) ?? "" {
        case "drop": return .dropConnection
        case "short": return .truncated(status: 200, headers: [], body: Data("{\"half\":".utf8), declaredLength: 5000)
        case "stall": return .stall
        case "huge": return .ok(Data(repeating: 0x20, count: 300_000))
        case "loop": return .response(status: 302, headers: [("Location", request.path)])
        case "error": return .response(status: 503, body: Data("{\"down\": true}".utf8))
        case "garbage": return .ok(Data([0xFF, 0xFE, 0x00, 0x7B]))
        default: return .notFound
        }
    }
}

@Suite("Network faults: request, online fallback")
struct NetworkFaultTests {
    @Test("request: typed errors and bounded time for drops, lies, stalls, floods, loops; 5xx is an answer")
    func requestFaults() async throws {
        let server = try await faultyServer()
        let fixture = try ContainerFixture()
        let container = try await fixture.container(
            request: .init(
                requestsPerSecond: 1000, burst: 1000, breakerThreshold: 100, defaultTimeout: .seconds(600),
                maximumResponseBytes: 100_000))
        try fixture.install("net", script: "App({})", permissions: ["request"], allowedDomains: ["127.0.0.1"], into: container)
        let app = try await container.launch(.installed("net"))
        let context = try await container.context(of: app.instanceID)
        let base = server.baseURL.absoluteString
        let outcomes = try await context.evaluateAwaiting(
            """
            (async () => {
              const out = {};
              for (const path of ['drop', 'short', 'stall', 'huge', 'loop', 'error', 'garbage']) {
                try {
                  // Only the stall waits for its timeout; the others end by themselves (a
                  // redirect loop after its hop limit), so a loaded machine cannot turn them
                  // into timeouts.
                  const timeout = path === 'stall' ? 400 : 10000;
                  const r = await JSBridge.call('request', { url: '\(base)/' + path + '/x', timeout });
                  out[path] = 'status ' + r.status + ' ' + (typeof r.data);
                } catch (e) { out[path] = 'error ' + e.error; }
              }
              return out;
            })()
            """)
        #expect(
            outcomes == [
                "drop": "error 6", "short": "error 6", "stall": "error 5", "huge": "error 6", "loop": "error 6",
                "error": "status 503 object", "garbage": "status 200 string",
            ])
        // A port nobody listens on (a server that was there and is gone): refused at once with a
        // readable reason, not held until the call's (here very long) timeout.
        let gone = try await faultyServer()
        let refusedURL = gone.baseURL.absoluteString
        await gone.shutdown()
        let refused = try await context.evaluateAwaiting(
            """
            JSBridge.call('request', { url: '\(refusedURL)/x', timeout: 120000 }).then(() => 'answered', (e) => e.error + ' ' + e.errorMessage)
            """)
        #expect(refused.stringValue?.hasPrefix("6 ") == true, "\(refused)")
        #expect(refused.stringValue?.lowercased().contains("refused") == true, "\(refused)")
        #expect(refused.stringValue?.lowercased().contains("timeout") == false, "\(refused)")
        let witness = try await context.evaluate("JSBridge.callSync('getAppInfo').appId")
        #expect(witness == "net")
        await container.shutdown()
        await server.shutdown()
    }

    @Test("online fallback: a broken server gives a typed load failure and the container goes on")
    func fallbackFaults() async throws {
        let server = try await faultyServer()
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        for path in ["drop", "short", "huge", "loop", "error", "garbage"] {
            do {
                _ = try await container.launch(.online(appId: "ghost", fallbackBaseURL: server.url("/\(path)/")))
                Issue.record("\(path): launch should fail")
            } catch let error as ContainerError where error.code == .loadFailed {
                #expect(error.appId == "ghost")
                // The network failure is kept as the cause, typed.
                #expect(error.underlyingError is FetchError || error.underlyingError is PackageError, "\(path): \(error)")
            } catch let error as ContainerError where error.code == .fused {
                // Repeated failures of one app open its fuse: also a typed refusal.
            }
        }
        try fixture.install("still-fine", script: "App({})", into: container)
        let app = try await container.launch(.installed("still-fine"))
        #expect(await container.state(of: app.instanceID) == .started)
        await container.shutdown()
        await server.shutdown()
    }
}

@Suite("Aborting requests")
struct RequestAbortTests {
    @Test("RequestTask.abort() fails the call with 'abort' and ends the native request at once (JSBridge.abort)")
    func abort() async throws {
        let server = try await faultyServer()
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "manifest.json":
                #"{"appId": "aborts", "name": "a", "version": "1.0.0", "entry": "app.json", "permissions": ["request"], "allowedDomains": ["127.0.0.1"]}"#,
            "pages/index.js": "Page({})",
        ])
        let base = server.baseURL.absoluteString
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const failed = new Promise((resolve) => {
                const task = wx.request({ url: '\(base)/stall/x', timeout: 120000, fail: (e) => resolve(e.errMsg) });
                setTimeout(() => task.abort(), 50);
              });
              const errMsg = await failed;
              const raw = JSBridge.call('request', { url: '\(base)/stall/y', timeout: 120000 });
              const aborted = JSBridge.abort(raw);
              const rawError = await raw.catch((e) => e.error);
              return { errMsg, aborted, rawError, again: JSBridge.abort(raw), notACall: JSBridge.abort({}) };
            })()
            """)
        #expect(out == ["errMsg": "request:fail abort", "aborted": true, "rawError": 9, "again": false, "notACall": false])
        // Nothing is left pending: the 120 s requests were cancelled, not left running.
        #expect(await context.pendingWork.bridgeCalls == 0)
        await harness.container.shutdown()
        await server.shutdown()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// WebSocket servers that fragment, flood, stall and break the protocol, on 127.0.0.1: the app
/// hears a typed close (and an error) and the host stays bounded.
@Suite("Hostile WebSocket servers")
struct HostileSocketServerTests {
    static let manifest =
        #"{"appId": "sockets", "name": "s", "version": "1.0.0", "entry": "app.json", "permissions": ["websocket"], "allowedDomains": ["127.0.0.1"]}"#

    /// Short deadlines so the stalled cases end quickly; not shorter, and only where needed: a
    /// first connection under the parallel suite has taken longer than 500 ms.
    static var shortDeadlines: SocketLimits {
        var limits = SocketLimits()
        limits.upgradeTimeout = .seconds(2)
        limits.closeTimeout = .seconds(1)
        return limits
    }

    func launch(_ limits: SocketLimits = SocketLimits()) async throws -> (MiniProgramHarness, ScriptContext) {
        let harness = try await MiniProgramHarness.make(sockets: limits)
        let (_, context) = try await harness.launch(["manifest.json": Self.manifest, "pages/index.js": "Page({})"])
        try await context.evaluate(
            """
            // Opens a socket and collects what happens on it until it closes.
            globalThis.follow = (url, onOpen) => new Promise((resolve) => {
              const seen = { open: false, messages: 0, bytes: 0, errors: [], texts: [] };
              const task = wx.connectSocket({ url });
              task.onOpen(() => { seen.open = true; if (onOpen) onOpen(task, seen); });
              task.onMessage((m) => { seen.messages++; seen.bytes += m.data.length; if (seen.texts.length < 3) seen.texts.push(m.data.slice(0, 20)); });
              task.onError((e) => seen.errors.push(e.errMsg));
              task.onClose((c) => { seen.code = c.code; seen.reason = c.reason; resolve(seen); });
            });
            """)
        return (harness, context)
    }

    @Test("one message in thousands of 1 MiB fragments: the connection fails with 1009 at the message limit")
    func fragmentedMessage() async throws {
        let server = try await HostileWebSocketServer.start()
        let (harness, context) = try await launch()
        // 4,000 fragments of 1 MiB would be a 4 GiB message.
        let seen = try await context.evaluateAwaiting("follow('ws://127.0.0.1:\(server.port)/fragments/4000/1048576')")
        #expect(seen["code"] == 1009, "\(seen)")
        #expect(seen["messages"] == 0)
        #expect(seen["errors"]?.arrayValue?.first?.stringValue?.contains("larger than 1048576 bytes") == true, "\(seen)")
        // Many tiny fragments are refused by count.
        let tiny = try await context.evaluateAwaiting("follow('ws://127.0.0.1:\(server.port)/fragments/5000/1')")
        #expect(tiny["code"] == 1009)
        #expect(tiny["errors"]?.arrayValue?.first?.stringValue?.contains("more than 4096 fragments") == true, "\(tiny)")
        // A message within the limits arrives whole.
        let whole = try await context.evaluateAwaiting(
            "follow('ws://127.0.0.1:\(server.port)/fragments/64/1024', (t) => setTimeout(() => t.close({}), 200))")
        #expect(whole["messages"] == 1)
        #expect(whole["bytes"] == 65536)
        #expect(whole["code"] == 1000, "\(whole)")
        await harness.container.shutdown()
        await server.shutdown()
    }

    @Test("a flood of messages: all arrive in order, and a timer set at the first one runs within a bounded number of them")
    func flood() async throws {
        let server = try await HostileWebSocketServer.start()
        let (harness, context) = try await launch()
        let out = try await context.evaluateAwaiting(
            """
            new Promise((resolve) => {
              const task = wx.connectSocket({ url: 'ws://127.0.0.1:\(server.port)/flood/20000' });
              let expected = 0, outOfOrder = 0, atTimer = -1;
              task.onMessage((m) => {
                if (Number(m.data) !== expected) outOfOrder++;
                if (expected === 0) setTimeout(() => { atTimer = expected; }, 0);
                expected++;
                const spin = Date.now() + (expected < 200 ? 1 : 0); while (Date.now() < spin) {}
                if (expected === 20000) { task.close({}); }
              });
              task.onClose(() => resolve({ expected, outOfOrder, atTimer }));
            })
            """)
        #expect(out["expected"] == 20000)
        #expect(out["outOfOrder"] == 0)
        let atTimer = out["atTimer"]?.numberValue ?? -1
        // The messages waiting for the app are bounded (16 per socket plus one read's worth), so
        // the timer is not queued behind thousands of them.
        #expect(atTimer > 0 && atTimer < 200, "the timer ran after \(atTimer) messages")
        await harness.container.shutdown()
        await server.shutdown()
    }

    @Test("servers that stall the upgrade or ignore the close: deadlines end them, the slots come back")
    func stalledServers() async throws {
        let silent = try await LoopbackTCPServer.start()
        let server = try await HostileWebSocketServer.start()
        let (harness, context) = try await launch(Self.shortDeadlines)
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const stalled = await Promise.all([1, 2, 3, 4, 5].map(() => follow('ws://127.0.0.1:\(silent.port)/x')));
              const ignored = await follow('ws://127.0.0.1:\(server.port)/ignore-close', (t) => t.close({ code: 4001 }));
              // Every slot is free again: five more sockets open and echo.
              const again = await Promise.all([1, 2, 3, 4, 5].map(() => follow('ws://127.0.0.1:\(server.port)/echo',
                (t, seen) => { t.onMessage(() => t.close({})); t.send({ data: 'hi' }); })));
              return { stalled: stalled.map((s) => [s.open, s.code, s.errors.length]), stalledReason: stalled[0].errors[0],
                       ignored: [ignored.open, ignored.code], ignoredReason: ignored.reason,
                       again: again.map((s) => [s.open, s.texts[0], s.code]) };
            })()
            """)
        #expect(out["stalled"] == .array(Array(repeating: [false, 1006, 1], count: 5)), "\(out)")
        #expect(out["stalledReason"]?.stringValue?.contains("no WebSocket upgrade within") == true, "\(out)")
        #expect(out["ignored"] == [true, 1006])
        #expect(out["ignoredReason"]?.stringValue?.contains("did not answer the close") == true, "\(out)")
        #expect(out["again"] == .array(Array(repeating: [true, "echo: hi", 1000], count: 5)), "\(out)")
        await harness.container.shutdown()
        await server.shutdown()
        await silent.shutdown()
    }

    @Test("protocol breaches fail the connection with RFC 6455's codes; the app may not send reserved codes")
    func protocolBreaches() async throws {
        let server = try await HostileWebSocketServer.start()
        let (harness, context) = try await launch()
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const result = {};
              for (const code of [1005, 1006, 999, 2000, 5000]) { const s = await follow('ws://127.0.0.1:\(server.port)/close/' + code); result['close' + code] = s.code; result['why' + code] = s.reason; }
              result.close4000 = (await follow('ws://127.0.0.1:\(server.port)/close/4000')).code;
              const bad = await follow('ws://127.0.0.1:\(server.port)/bad-utf8');
              result.badUTF8 = [bad.code, bad.messages, bad.errors.length];
              result.reserved = await new Promise((resolve) => follow('ws://127.0.0.1:\(server.port)/echo', (t) => {
                t.close({ code: 1006, fail: (e) => { resolve(e.errMsg); t.close({}); } });
              }));
              return result;
            })()
            """)
        #expect(out["close1005"] == 1002, "\(out)")
        #expect(out["close1006"] == 1002)
        #expect(out["close999"] == 1002)
        #expect(out["close2000"] == 1002)
        #expect(out["close5000"] == 1002)
        #expect(out["close4000"] == 4000)
        #expect(out["badUTF8"] == [1007, 0, 1])
        #expect(out["reserved"]?.stringValue?.contains("code must be 1000 or 3000") == true, "\(out)")
        await harness.container.shutdown()
        await server.shutdown()
    }
}

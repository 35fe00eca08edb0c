// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization
import Testing

@testable import JSBridge

/// A context from the warm pool is indistinguishable from a new one: its configuration (name,
/// bridge, eval, watchdog, console) applies in full, nothing is shared, nothing is reused.
@Suite("Warm contexts")
struct WarmPoolTests {
    @Test("a pooled context takes the whole configuration: bridge, name, eval, watchdog, console limit")
    func adoptsConfiguration() async throws {
        let runtime = JSRuntime(configuration: .init(name: "pool", warmContexts: 2))
        await runtime.prewarm()
        #expect(await runtime.liveContextCount == 0, "warm contexts are not live contexts")
        let lines = Mutex<[String]>([])
        var configuration = ScriptContext.Configuration(
            name: "adopter", metadata: ["appId": "adopter"], bridge: try TestMethods.table(),
            executionTimeLimit: .seconds(1), allowsEval: false,
            onConsole: { message in lines.withLock { $0.append("\(message.contextName): \(message.text)") } })
        configuration.consoleLimit = ConsoleLimit(linesPerSecond: 0.001, burst: 2)
        let context = try await runtime.makeContext(configuration)
        #expect(await runtime.liveContextCount == 1)
        #expect(try await context.evaluate("JSBridge.callSync('add', { a: 2, b: 3 })") == 5)
        #expect(try await context.evaluate("try { eval('1'); 'ran' } catch (e) { 'refused' }") == "refused")
        await #expect {
            try await context.evaluate("while (true) {}")
        } throws: { error in
            if case ScriptError.executionTimeLimitExceeded = error { true } else { false }
        }
        try await context.evaluate("for (let i = 0; i < 5; i++) console.log('line ' + i)")
        #expect(lines.withLock { $0 }.prefix(2) == ["adopter: line 0", "adopter: line 1"])
        #expect(lines.withLock { $0 }.count <= 3, "the console limit applies (and says once that it dropped lines)")
        await context.release()
        await runtime.shutdown()
    }

    @Test("pooled contexts share nothing, and a released one is never handed out again")
    func isolatedAndNeverReused() async throws {
        let runtime = JSRuntime(configuration: .init(name: "pool", warmContexts: 2))
        await runtime.prewarm()
        let first = try await runtime.makeContext(.init(name: "a"))
        let second = try await runtime.makeContext(.init(name: "b"))
        try await first.evaluate("globalThis.secret = 'a'; Object.prototype.polluted = true")
        #expect(try await second.evaluate("typeof secret + ',' + ({}).polluted") == "undefined,undefined")
        let firstID = first.id
        await first.release()
        await runtime.prewarm()
        var seen: Set<UInt64> = [firstID, second.id]
        for index in 0..<4 {
            let next = try await runtime.makeContext(.init(name: "n\(index)"))
            #expect(seen.insert(next.id).inserted, "context \(next.id) was handed out twice")
            #expect(try await next.evaluate("typeof secret") == "undefined")
            await next.release()
        }
        await second.release()
        #expect(await runtime.liveContextCount == 0)
        await runtime.shutdown()
    }

    /// What a script can see of its global object and the built-ins a warm-up touches.
    static let visibleState = """
        JSON.stringify([Object.getOwnPropertyNames(globalThis).sort(), Object.keys(Array.prototype),
          Object.getOwnPropertyNames(Promise).sort(), typeof getApp, globalThis.list, globalThis.step])
        """

    @Test("the warm-up leaves nothing a script can see: a pooled context's globals equal a new one's")
    func warmUpLeavesNothing() async throws {
        let pooled = JSRuntime(configuration: .init(name: "pool", warmContexts: 1))
        await pooled.prewarm()
        let warm = try await pooled.makeContext(.init(name: "warm"))
        let unpooled = JSRuntime(configuration: .init(name: "plain", warmContexts: 0))
        let fresh = try await unpooled.makeContext(.init(name: "fresh"))
        let seen = try await warm.evaluate(Self.visibleState)
        #expect(seen == (try await fresh.evaluate(Self.visibleState)))
        #expect("\(seen)".contains("JSBridge"), "the globals were listed")
        // The built-ins it compiled still work as specified in the adopted context.
        let value = try await warm.evaluate("Array.from({ length: 3 }, (_, i) => i * 2).join(',') + 'abc'.padStart(5, '-')")
        #expect(value == "0,2,4--abc")
        await warm.release()
        await fresh.release()
        await pooled.shutdown()
        await unpooled.shutdown()
    }
}

/// Warm contexts per prelude list: each context has run exactly its own list's preludes.
@Suite("Warm contexts with preludes")
struct WarmPreludeTests {
    static let marker = ScriptResource.inline(
        "marker.js", "globalThis.ranPreludes = (globalThis.ranPreludes || 0) + 1; var flavor = 'marked';")
    static let other = ScriptResource.inline("other.js", "var flavor = 'other';")
    static let failing = ScriptResource.inline("failing.js", "throw new Error('prelude broke')")

    @Test("a context runs its preludes once, pooled or not; other lists get contexts of their own")
    func preludesPerList() async throws {
        let runtime = JSRuntime(configuration: .init(name: "pool", warmContexts: 1, warmPreludes: [[Self.marker]]))
        await runtime.prewarm()
        for preludes in [[Self.marker], [Self.marker], [Self.other], [Self.other], [], []] {
            // Between takes the pool refills (each list's first context after it is known is warm).
            await runtime.prewarm()
            var configuration = ScriptContext.Configuration(name: "p")
            configuration.preludes = preludes
            let context = try await runtime.makeContext(configuration)
            let expected: JSONValue =
                switch preludes.first {
                case Self.marker: "marked,1"
                case Self.other: "other,undefined"
                default: "undefined,undefined"
                }
            #expect(
                try await context.evaluate(
                    "typeof flavor === 'undefined' ? 'undefined,' + globalThis.ranPreludes : flavor + ',' + globalThis.ranPreludes")
                    == expected)
            await context.release()
        }
        #expect(await runtime.liveContextCount == 0)
        await runtime.shutdown()
    }

    @Test("a prelude that throws fails makeContext with its error, pooled list or not")
    func failingPrelude() async throws {
        let runtime = JSRuntime(configuration: .init(name: "pool", warmContexts: 1, warmPreludes: [[Self.failing]]))
        await runtime.prewarm()
        for _ in 0..<2 {
            var configuration = ScriptContext.Configuration(name: "broken")
            configuration.preludes = [Self.failing]
            await #expect {
                _ = try await runtime.makeContext(configuration)
            } throws: { error in
                if case ScriptError.exception(let exception) = error { exception.message.contains("prelude broke") } else { false }
            }
        }
        #expect(await runtime.liveContextCount == 0)
        let healthy = try await runtime.makeContext(.init(name: "healthy"))
        #expect(try await healthy.evaluate("1 + 1") == 2)
        await healthy.release()
        await runtime.shutdown()
    }
}

/// `.concurrent` handlers run on the handler executor's own threads (spinning briefly between
/// jobs instead of waking the cooperative pool), and settle exactly once as before.
@Suite("Handler executor")
struct HandlerExecutorTests {
    /// The kernel's name of the calling thread (at most 15 characters).
    static func threadName() -> String {
        ((try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("a default-placement handler runs on a handler thread, also after it awaits")
    func runsOnHandlerThreads() async throws {
        let names = Mutex<[String]>([])
        let table = try BridgeMethodTable([
            .async("onThread", placement: .runtimeThread) { _ in .string(Self.threadName()) },
            .async("where") { _ in
                names.withLock { $0.append(Self.threadName()) }
                await Task.yield()
                names.withLock { $0.append(Self.threadName()) }
                return .null
            },
        ])
        let runtime = JSRuntime(configuration: .init(name: "hybrid-js"))
        let context = try await runtime.makeContext(.init(name: "where", bridge: table))
        let settled = try await context.evaluateAwaiting(
            "(async () => { let n = 0; await Promise.all(Array.from({ length: 100 }, () => JSBridge.call('where').then(() => n++))); return n; })()"
        )
        #expect(settled == 100)
        #expect(try await context.evaluateAwaiting("JSBridge.call('onThread')") == "hybrid-js")
        let seen = names.withLock { $0 }
        #expect(seen.count == 200)
        #expect(seen.allSatisfy { $0.hasPrefix("hybrid-hndlr-") }, "\(Set(seen))")
        await context.release()
        await runtime.shutdown()
    }
}

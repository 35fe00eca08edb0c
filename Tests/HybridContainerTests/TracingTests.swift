// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing
import Tracing

/// Spans of a real run through the library's trace-event tracer, read back from its JSON.
@Suite("Tracing: spans and the trace-event file")
struct TracingTests {
    /// The events of a trace file, parsed as JSON (a parse failure fails the test).
    static func events(_ tracer: TraceEventTracer) throws -> [[String: Any]] {
        let file = try JSONSerialization.jsonObject(with: tracer.json()) as? [String: Any]
        return try #require(file?["traceEvents"] as? [[String: Any]])
    }

    static func slices(_ events: [[String: Any]], named name: String) -> [[String: Any]] {
        events.filter { $0["ph"] as? String == "X" && $0["name"] as? String == name }
    }

    static func args(_ event: [String: Any]) -> [String: Any] { event["args"] as? [String: Any] ?? [:] }

    @Test("a launch is a span with its steps on the app's track; JSAPI calls carry their result code and bytes")
    func launchAndCalls() async throws {
        let fixture = try ContainerFixture()
        let tracer = TraceEventTracer()
        let container = try await fixture.container { $0.tracer = tracer }
        try fixture.install(
            "traced",
            script: """
                App({ onLaunch() {
                  JSBridge.call('setStorage', { key: 'greeting', data: 'hello' }).then(() =>
                    JSBridge.call('setStorage', { key: '', data: 1 })).catch((e) => console.log('refused', e.error));
                } });
                """, permissions: ["storage"], into: container)
        let app = try await container.launch(.installed("traced"))
        #expect(try await container.waitUntilSettled(app.instanceID, timeout: .seconds(10)))
        try await container.destroy(app.instanceID)
        await container.shutdown()

        let events = try Self.events(tracer)
        let launch = try #require(Self.slices(events, named: TraceSpan.launch).first)
        #expect(Self.args(launch)[TraceAttribute.appId] as? String == "traced")
        #expect(Self.args(launch)[TraceAttribute.appSource] as? String == "offline")
        let launchStart = try #require(launch["ts"] as? Double)
        let launchEnd = launchStart + (try #require(launch["dur"] as? Double))
        for step in [
            TraceSpan.launchLoad, TraceSpan.launchPlugins, TraceSpan.launchContext, TraceSpan.launchCode, TraceSpan.launchOnLaunch,
        ] {
            let slice = try #require(Self.slices(events, named: step).first, "\(step)")
            #expect(slice["tid"] as? Int == launch["tid"] as? Int, "\(step) is on the app's track")
            let start = try #require(slice["ts"] as? Double)
            #expect(
                start >= launchStart && start + (slice["dur"] as? Double ?? .infinity) <= launchEnd + 0.001, "\(step) inside the launch")
        }
        let calls = Self.slices(events, named: TraceSpan.jsapi("setStorage"))
        #expect(calls.count == 2)
        let codes = calls.compactMap { Self.args($0)[TraceAttribute.jsapiCode] as? Int }.sorted()
        #expect(codes == [0, 2], "a success and an invalid-parameters refusal")
        let success = try #require(calls.first { Self.args($0)[TraceAttribute.jsapiCode] as? Int == 0 })
        #expect((Self.args(success)[TraceAttribute.jsapiBytesIn] as? Int ?? 0) > "greeting".count)
        #expect(Self.args(success)[TraceAttribute.rpcMethod] as? String == "setStorage")
        let failure = try #require(calls.first { Self.args($0)[TraceAttribute.jsapiCode] as? Int == 2 })
        #expect(Self.args(failure)["error"] != nil)
        #expect(!Self.slices(events, named: TraceSpan.hook("onDestroy")).isEmpty)
        let trackNames = events.filter { $0["name"] as? String == "thread_name" }.compactMap { Self.args($0)["name"] as? String }
        #expect(trackNames.contains { $0.hasPrefix("traced #\(app.instanceID) · hybrid-js-") }, "\(trackNames)")
    }

    @Test("setData is a span with its paths, bytes and re-rendered nodes; a page load is a navigation")
    func setDataAndNavigation() async throws {
        let tracer = TraceEventTracer()
        let harness = try await MiniProgramHarness.make { $0.tracer = tracer }
        let (session, context) = try await harness.launch([
            "pages/index/index.js": "Page({ data: { items: [1, 2] }, grow() { this.setData({ items: [1, 2, 3], title: 'three' }); } });",
            "pages/index/index.wxml": #"<view wx:for="{{items}}">{{item}}</view><text>{{title}}</text>"#,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(10)))
        try await session.firePageEvent("grow")
        #expect(await context.waitUntilIdle(timeout: .seconds(10)))
        try await harness.container.destroy(session.app.instanceID)
        await harness.container.shutdown()

        let events = try Self.events(tracer)
        let setData = try #require(Self.slices(events, named: TraceSpan.setData).last)
        #expect(Self.args(setData)[TraceAttribute.setDataPaths] as? Int == 2)
        #expect((Self.args(setData)[TraceAttribute.setDataBytes] as? Int ?? 0) > 0)
        #expect((Self.args(setData)[TraceAttribute.renderPatches] as? Int ?? 0) >= 1, "the new item and the title were rendered")
        #expect(Self.args(setData)[TraceAttribute.pageRoute] as? String == "pages/index/index")
        let navigation = try #require(Self.slices(events, named: TraceSpan.navigation).first)
        #expect(Self.args(navigation)[TraceAttribute.pageRoute] as? String == "pages/index/index")
        #expect(!Self.slices(events, named: TraceSpan.render).isEmpty, "the first render")
        #expect(Self.slices(events, named: TraceSpan.jsapi("__hc.render")).isEmpty, "the framework's channel is not a JSAPI span")
    }

    @Test("a timer callback that runs 50 ms or longer is a span with its origin; a short one is none")
    func longTimers() async throws {
        let fixture = try ContainerFixture()
        let tracer = TraceEventTracer()
        let container = try await fixture.container { $0.tracer = tracer }
        try fixture.install(
            "timers",
            script: """
                App({ onLaunch() {
                  setTimeout(() => {}, 0);
                  setTimeout(() => { const end = Date.now() + 80; while (Date.now() < end) {} }, 1);
                } });
                """, into: container)
        let app = try await container.launch(.installed("timers"))
        #expect(try await container.waitUntilSettled(app.instanceID, timeout: .seconds(10)))
        await container.shutdown()
        let long = Self.slices(try Self.events(tracer), named: TraceSpan.longTimer)
        #expect(long.count == 1, "only the one that spun")
        #expect(Self.args(long.first ?? [:])[TraceAttribute.timerOrigin] as? String == "setTimeout callback")
        #expect((long.first?["dur"] as? Double ?? 0) >= 50_000, "microseconds")
    }

    @Test("a failed launch marks the launch span failed and leaves a launch-failed mark with its reason")
    func failedLaunch() async throws {
        let fixture = try ContainerFixture()
        let tracer = TraceEventTracer()
        let container = try await fixture.container { $0.tracer = tracer }
        try fixture.install("broken", script: "App({ onLaunch() {} ", into: container)
        await #expect(throws: ContainerError.self) { try await container.launch(.installed("broken")) }
        await container.shutdown()
        let events = try Self.events(tracer)
        let launch = try #require(Self.slices(events, named: TraceSpan.launch).first)
        #expect(Self.args(launch)["error"] != nil)
        #expect(Self.args(launch)[TraceAttribute.errorType] as? String == "container.scriptFailed")
        let mark = try #require(Self.slices(events, named: TraceSpan.launchFailed).first)
        #expect((Self.args(mark)[TraceAttribute.reason] as? String ?? "").contains("SyntaxError"))
    }

    @Test("overlapping calls of one app go to lanes that nest; counters are C events; a full trace drops and counts")
    func lanesCountersAndBounds() throws {
        let tracer = TraceEventTracer(maximumEvents: 5)
        let app: SpanAttributes = [TraceAttribute.appId: "lanes", TraceAttribute.appInstance: 7]
        func span(_ name: String, _ start: UInt64, _ end: UInt64) {
            let span = tracer.startSpan(name, context: .topLevel, ofKind: .internal, at: Instant(nanosecondsSinceEpoch: start))
            span.attributes = app
            span.end(at: Instant(nanosecondsSinceEpoch: end))
        }
        span("outer", 1_000, 10_000)
        span("inner", 2_000, 3_000)
        span("crossing", 2_500, 20_000)  // starts inside "outer" and "inner", ends after both
        tracer.counter("apps", value: 1)
        tracer.counter("apps", value: 2)
        span("dropped", 30_000, 31_000)
        #expect(tracer.droppedEvents == 1)
        let events = try Self.events(tracer)
        let tid = { (name: String) in Self.slices(events, named: name).first?["tid"] as? Int }
        #expect(tid("outer") == tid("inner"))
        #expect(tid("crossing") != tid("outer"))
        #expect(events.filter { $0["ph"] as? String == "C" }.count == 2)
        #expect(Self.slices(events, named: "dropped").isEmpty)
    }

    struct Instant: TracerInstant {
        let nanosecondsSinceEpoch: UInt64
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }
    }
}

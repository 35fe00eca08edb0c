// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Tracing

/// The trace-event JSON of finished spans and counter samples.
///
/// Tracks: a span belongs to the app instance named by its own attributes or its nearest
/// ancestor's (``TraceAttribute/appInstance``, ``TraceAttribute/thread``), else to the
/// `container` track. Complete (`X`) events on one track must nest, and async calls of one app
/// overlap without nesting: a span that would cross another goes to the track's next lane
/// (`demo #1 · hybrid-js-0 (2)`), so every lane nests properly.
struct TraceEventFile {
    let spans: [FinishedSpan]
    let counters: [CounterSample]
    let dropped: Int
    private let byID: [UInt64: FinishedSpan]

    init(spans: [FinishedSpan], counters: [CounterSample], dropped: Int) {
        self.spans = spans
        self.counters = counters
        self.dropped = dropped
        self.byID = Dictionary(spans.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let processID = 1
    static let containerThread = 1

    func data() -> Data {
        let origin = min(spans.map(\.start).min() ?? 0, counters.map(\.time).min() ?? UInt64.max)
        let microseconds = { (time: UInt64) -> JSONValue in .number(Double(time &- origin) / 1_000) }
        var events: [JSONValue] = [
            metadata("process_name", thread: nil, name: "HybridContainer"),
            metadata("thread_name", thread: Self.containerThread, name: "container"),
        ]
        let tracks = Dictionary(grouping: spans, by: track(of:))
        var nextThread = Self.containerThread + 1
        for (key, members) in tracks.sorted(by: { $0.key < $1.key }) {
            let name = trackName(key, members)
            for (lane, laneSpans) in Self.lanes(of: members).enumerated() {
                let thread: Int
                if key.isEmpty && lane == 0 {
                    thread = Self.containerThread
                } else {
                    thread = nextThread
                    nextThread += 1
                    events.append(metadata("thread_name", thread: thread, name: lane == 0 ? name : "\(name) (\(lane + 1))"))
                }
                for span in laneSpans {
                    var args = JSONObject()
                    span.attributes.forEach { key, value in args[key] = Self.json(value) }
                    if let error = span.error { args["error"] = .string(error) }
                    events.append([
                        "name": .string(span.name), "cat": .string(Self.category(of: span.name)), "ph": "X",
                        "ts": microseconds(span.start), "dur": .number(Double(span.end - span.start) / 1_000),
                        "pid": .number(Double(Self.processID)), "tid": .number(Double(thread)), "args": .object(args),
                    ])
                    for event in span.events {
                        events.append([
                            "name": .string(event.name), "ph": "i", "s": "t", "ts": microseconds(event.time),
                            "pid": .number(Double(Self.processID)), "tid": .number(Double(thread)),
                        ])
                    }
                }
            }
        }
        for sample in counters {
            events.append([
                "name": .string(sample.name), "ph": "C", "ts": microseconds(sample.time), "pid": .number(Double(Self.processID)),
                "args": ["value": .number(sample.value.isFinite ? sample.value : 0)],
            ])
        }
        let file: JSONValue = [
            "traceEvents": .array(events), "displayTimeUnit": "ms",
            "otherData": ["producer": "HybridContainer", "droppedEvents": .number(Double(dropped))],
        ]
        return Data((file.stringified() ?? "{\"traceEvents\":[]}").utf8)
    }

    private func metadata(_ kind: String, thread: Int?, name: String) -> JSONValue {
        var event: JSONObject = [
            "name": .string(kind), "ph": "M", "pid": .number(Double(Self.processID)), "args": ["name": .string(name)],
        ]
        if let thread { event["tid"] = .number(Double(thread)) }
        return .object(event)
    }

    /// `appId #instance` from the span's or its nearest ancestor's attributes; "" for the container.
    private func track(of span: FinishedSpan) -> String {
        owner(of: span).map { owner in
            let appId = owner.attributes.get(TraceAttribute.appId).map { "\(Self.text($0)) " } ?? ""
            return "\(appId)#\(owner.attributes.get(TraceAttribute.appInstance).map(Self.text) ?? "?")"
        } ?? ""
    }

    /// The span itself or its nearest ancestor naming an app instance.
    private func owner(of span: FinishedSpan) -> FinishedSpan? {
        var current: FinishedSpan? = span
        var steps = 0
        while let candidate = current, steps < 64 {
            if candidate.attributes.get(TraceAttribute.appInstance) != nil { return candidate }
            current = candidate.parent.flatMap { byID[$0] }
            steps += 1
        }
        return nil
    }

    /// A track's name: the instance and the JavaScript thread any of its spans names.
    private func trackName(_ key: String, _ members: [FinishedSpan]) -> String {
        guard !key.isEmpty else { return "container" }
        let thread = members.lazy.compactMap { self.owner(of: $0)?.attributes.get(TraceAttribute.thread) }.first
        return thread.map { "\(key) · \(Self.text($0))" } ?? key
    }

    /// Splits a track's spans into lanes where each span either contains or follows the ones
    /// before it (longest first at equal starts, so parents come before their children).
    static func lanes(of spans: [FinishedSpan]) -> [[FinishedSpan]] {
        let ordered = spans.sorted { ($0.start, $1.end, $0.id) < ($1.start, $0.end, $1.id) }
        var lanes: [[FinishedSpan]] = []
        var open: [[UInt64]] = []  // per lane: the ends of the spans still open, innermost last
        for span in ordered {
            var placed = false
            for lane in lanes.indices {
                while let last = open[lane].last, last <= span.start { open[lane].removeLast() }
                if let innermost = open[lane].last, innermost < span.end { continue }
                lanes[lane].append(span)
                open[lane].append(span.end)
                placed = true
                break
            }
            if !placed {
                lanes.append([span])
                open.append([span.end])
            }
        }
        return lanes
    }

    /// The trace-event category: the name's first two dotted parts (`hybrid.launch`, `hybrid.jsapi …`).
    static func category(of name: String) -> String {
        let head = name.split(separator: " ").first.map(String.init) ?? name
        return head.split(separator: ".").prefix(2).joined(separator: ".")
    }

    static func json(_ attribute: SpanAttribute) -> JSONValue {
        switch attribute {
        case .int32(let value): return .number(Double(value))
        case .int64(let value): return .number(Double(value))
        case .double(let value): return value.isFinite ? .number(value) : .string("\(value)")
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .stringArray(let values): return .array(values.map(JSONValue.string))
        default: return .string(text(attribute))
        }
    }

    static func text(_ attribute: SpanAttribute) -> String {
        switch attribute {
        case .string(let value): return value
        case .int32(let value): return String(value)
        case .int64(let value): return String(value)
        default: return "\(attribute)"
        }
    }
}

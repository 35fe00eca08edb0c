// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization
import Tracing

/// A tracer that keeps a run's spans and counters in memory and writes them as a Chrome
/// trace-event file (`{"traceEvents": […]}`), which Perfetto's UI (ui.perfetto.dev) and
/// `chrome://tracing` open: one track per app instance and its JavaScript thread, a
/// `container` track for the rest, each span a slice with its attributes as arguments.
///
/// ```swift
/// let trace = TraceEventTracer()
/// InstrumentationSystem.bootstrap(trace)        // or configuration.tracer = trace
/// MetricsSystem.bootstrap(TraceEventMetrics(trace))   // counters too (optional)
/// // … run apps …
/// try trace.write(to: URL(fileURLWithPath: "run.json"))
/// ```
///
/// Memory is bounded: past `maximumEvents` spans and counter samples are dropped and counted
/// (``droppedEvents``, also written into the file's `otherData`). Recording takes a lock for an
/// append; nothing is written until ``write(to:)``.
public final class TraceEventTracer: Tracer, Sendable {
    public typealias Span = TraceEventSpan

    /// The most spans and counter samples kept.
    public let maximumEvents: Int

    struct State {
        var spans: [FinishedSpan] = []
        var counters: [CounterSample] = []
        var nextSpanID: UInt64 = 1
        var dropped = 0
    }

    let state = Mutex(State())

    /// Creates an empty trace keeping up to `maximumEvents` spans and counter samples.
    public init(maximumEvents: Int = 1_000_000) {
        self.maximumEvents = max(1, maximumEvents)
    }

    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> TraceEventSpan {
        let parentContext = context()
        let id = state.withLock { state in
            defer { state.nextSpanID += 1 }
            return state.nextSpanID
        }
        var spanContext = parentContext
        spanContext[TraceEventSpanKey.self] = id
        return TraceEventSpan(
            id: id, parent: parentContext[TraceEventSpanKey.self], name: operationName, kind: kind, context: spanContext,
            start: instant().nanosecondsSinceEpoch, tracer: self)
    }

    public func forceFlush() {}

    public func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract
    ) where Extract.Carrier == Carrier {}

    public func inject<Carrier, Inject: Injector>(
        _ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject
    ) where Inject.Carrier == Carrier {}

    /// Records a counter's value now (a `C` event: Perfetto draws it as a counter track).
    public func counter(_ name: String, value: Double) {
        let sample = CounterSample(name: name, time: DefaultTracerClock.now.nanosecondsSinceEpoch, value: value)
        state.withLock { state in
            guard state.spans.count + state.counters.count < maximumEvents else {
                state.dropped += 1
                return
            }
            state.counters.append(sample)
        }
    }

    func finished(_ span: FinishedSpan) {
        state.withLock { state in
            guard state.spans.count + state.counters.count < maximumEvents else {
                state.dropped += 1
                return
            }
            state.spans.append(span)
        }
    }

    /// Spans and counter samples dropped because the trace was full.
    public var droppedEvents: Int { state.withLock { $0.dropped } }

    /// The names of the spans that ended so far, in the order they ended (for tests and tools).
    public var finishedSpanNames: [String] { state.withLock { $0.spans.map(\.name) } }

    /// The trace as trace-event JSON (what ``write(to:)`` writes).
    public func json() -> Data {
        let (spans, counters, dropped) = state.withLock { ($0.spans, $0.counters, $0.dropped) }
        return TraceEventFile(spans: spans, counters: counters, dropped: dropped).data()
    }

    /// Writes the trace so far to `url` (replacing it atomically).
    public func write(to url: URL) throws {
        try json().write(to: url, options: .atomic)
    }
}

/// The context key carrying the current span's ID (children point to their parent).
struct TraceEventSpanKey: InstrumentationContextKey {
    typealias Value = UInt64
}

/// A span that ended, as the file keeps it.
struct FinishedSpan: Sendable {
    let id: UInt64
    let parent: UInt64?
    let name: String
    let kind: SpanKind
    let start: UInt64
    let end: UInt64
    let attributes: SpanAttributes
    let error: String?
    let events: [(name: String, time: UInt64)]
}

/// One sample of a counter.
struct CounterSample: Sendable {
    let name: String
    let time: UInt64
    let value: Double
}

/// A span of a ``TraceEventTracer``; kept by the tracer when it ends (once).
public final class TraceEventSpan: Tracing.Span, Sendable {
    private struct Recording {
        var name: String
        var attributes = SpanAttributes()
        var error: String?
        var events: [(name: String, time: UInt64)] = []
        var ended = false
    }

    let id: UInt64
    let parent: UInt64?
    let kind: SpanKind
    let start: UInt64
    public let context: InstrumentationContext
    private let recording: Mutex<Recording>
    private let tracer: TraceEventTracer

    init(
        id: UInt64, parent: UInt64?, name: String, kind: SpanKind, context: InstrumentationContext, start: UInt64,
        tracer: TraceEventTracer
    ) {
        self.id = id
        self.parent = parent
        self.kind = kind
        self.start = start
        self.context = context
        self.recording = Mutex(Recording(name: name))
        self.tracer = tracer
    }

    public var operationName: String {
        get { recording.withLock { $0.name } }
        set { recording.withLock { $0.name = newValue } }
    }

    public var attributes: SpanAttributes {
        get { recording.withLock { $0.attributes } }
        set { recording.withLock { $0.attributes = newValue } }
    }

    public var isRecording: Bool { recording.withLock { !$0.ended } }

    public func setStatus(_ status: SpanStatus) {
        guard status.code == .error else { return }
        recording.withLock { $0.error = status.message ?? "error" }
    }

    public func addEvent(_ event: SpanEvent) {
        recording.withLock { $0.events.append((event.name, event.nanosecondsSinceEpoch)) }
    }

    public func recordError<Instant: TracerInstant>(
        _ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant
    ) {
        let time = instant().nanosecondsSinceEpoch
        recording.withLock {
            $0.error = $0.error ?? "\(error)"
            $0.events.append(("error: \(error)", time))
        }
    }

    public func addLink(_ link: SpanLink) {}

    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let end = instant().nanosecondsSinceEpoch
        let finished: FinishedSpan? = recording.withLock { recording in
            guard !recording.ended else { return nil }
            recording.ended = true
            return FinishedSpan(
                id: id, parent: parent, name: recording.name, kind: kind, start: start, end: max(end, start),
                attributes: recording.attributes, error: recording.error, events: recording.events)
        }
        if let finished { tracer.finished(finished) }
    }
}

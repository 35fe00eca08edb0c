// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Tracing

/// Two tracers as one (a trace file and an OpenTelemetry exporter in one run): each span is
/// started in both, the second under the first's context, so a child finds both parents.
struct TeeTracer: Tracer {
    let first: any Tracer
    let second: any Tracer

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> TeeSpan {
        let start = instant()
        let one = first.startSpan(operationName, context: context(), ofKind: kind, at: start, function: function, file: fileID, line: line)
        let two = second.startSpan(
            operationName, context: one.context, ofKind: kind, at: start, function: function, file: fileID, line: line)
        return TeeSpan(one: one, two: two)
    }

    // A requirement of the protocol that the tracing library deprecated; deprecated here too so
    // passing it on to both tracers compiles without a warning.
    @available(*, deprecated)
    func forceFlush() {
        first.forceFlush()
        second.forceFlush()
    }

    func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract
    ) where Extract.Carrier == Carrier {
        first.extract(carrier, into: &context, using: extractor)
        second.extract(carrier, into: &context, using: extractor)
    }

    func inject<Carrier, Inject: Injector>(
        _ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject
    ) where Inject.Carrier == Carrier {
        first.inject(context, into: &carrier, using: injector)
        second.inject(context, into: &carrier, using: injector)
    }
}

/// A span of ``TeeTracer``: everything said to it is said to both.
struct TeeSpan: Span {
    let one: any Span
    let two: any Span

    var context: InstrumentationContext { two.context }

    var operationName: String {
        get { one.operationName }
        nonmutating set {
            one.operationName = newValue
            two.operationName = newValue
        }
    }

    var attributes: SpanAttributes {
        get { one.attributes }
        nonmutating set {
            one.attributes = newValue
            two.attributes = newValue
        }
    }

    var isRecording: Bool { one.isRecording || two.isRecording }

    func setStatus(_ status: SpanStatus) {
        one.setStatus(status)
        two.setStatus(status)
    }

    func addEvent(_ event: SpanEvent) {
        one.addEvent(event)
        two.addEvent(event)
    }

    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        let time = instant()
        one.recordError(error, attributes: attributes, at: time)
        two.recordError(error, attributes: attributes, at: time)
    }

    func addLink(_ link: SpanLink) {
        one.addLink(link)
        two.addLink(link)
    }

    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let time = instant()
        one.end(at: time)
        two.end(at: time)
    }
}

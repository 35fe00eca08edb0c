// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Tracing

/// A moment as the tracer takes it (nanoseconds since 1970), for spans recorded when they end.
struct WallInstant: TracerInstant {
    let nanosecondsSinceEpoch: UInt64

    static var now: WallInstant { WallInstant(nanosecondsSinceEpoch: DefaultTracerClock.now.nanosecondsSinceEpoch) }

    static func < (lhs: WallInstant, rhs: WallInstant) -> Bool { lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch }
}

/// Where the container's spans go (``ContainerConfiguration/tracer``, else the tracer the
/// process bootstrapped). With the no-op tracer, `isOn` is false and every call site skips
/// its span entirely: nothing is measured, nothing allocated (`hybrid-bench`'s call rows).
/// Names and attributes: OBSERVABILITY.md.
struct ContainerTracing: Sendable {
    let tracer: (any Tracer)?

    var isOn: Bool { tracer != nil }

    init(_ configured: (any Tracer)?) {
        let tracer = configured ?? InstrumentationSystem.tracer
        self.tracer = tracer is NoOpTracer ? nil : tracer
    }

    static let off = ContainerTracing(NoOpTracer())

    /// Starts a span now, or at `instant` (nil when tracing is off), under `parent` if given.
    func start(
        _ name: String, kind: SpanKind = .internal, parent: (any Span)? = nil, at instant: WallInstant = .now
    ) -> (any Span)? {
        guard let tracer else { return nil }
        return tracer.startSpan(name, context: parent?.context ?? .topLevel, ofKind: kind, at: instant)
    }

    /// A span that already happened, from `start` to `end` (default now), under `parent`.
    func record(
        _ name: String, kind: SpanKind = .internal, parent: (any Span)? = nil, since start: WallInstant,
        until end: WallInstant = .now, attributes: SpanAttributes, error: String? = nil
    ) {
        guard let span = self.start(name, kind: kind, parent: parent, at: start) else { return }
        span.attributes.merge(attributes)
        if let error { span.setStatus(.init(code: .error, message: error)) }
        span.end(at: end)
    }

    /// A moment worth marking (a fallback, a rollback, a fuse opening): a span without duration.
    func mark(_ name: String, attributes: SpanAttributes, error: String? = nil) {
        guard isOn else { return }
        let now = WallInstant.now
        record(name, since: now, until: now, attributes: attributes, error: error)
    }

    /// The attributes naming an app instance (and the JavaScript thread it runs on).
    static func attributes(of app: AppDescriptor, thread: String? = nil) -> SpanAttributes {
        var attributes = SpanAttributes()
        attributes[TraceAttribute.appId] = app.appId.rawValue
        attributes[TraceAttribute.appInstance] = Int(app.instanceID)
        attributes[TraceAttribute.appVersion] = app.version.description
        if let thread { attributes[TraceAttribute.thread] = thread }
        return attributes
    }
}

extension Span {
    /// Marks the span failed with `message` (OpenTelemetry's `error.type` and an error status).
    func fail(type: String, message: String) {
        attributes[TraceAttribute.errorType] = type
        setStatus(.init(code: .error, message: message))
    }
}

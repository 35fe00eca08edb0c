// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CoreMetrics
import Synchronization

/// A swift-metrics backend that writes every counter, gauge, recorder and timer sample into a
/// ``TraceEventTracer``'s file as counter tracks (`hybrid_jsapi_errors{api=request,code=6}` …):
/// `MetricsSystem.bootstrap(TraceEventMetrics(trace))`. Counters are drawn as their running
/// total, timers in milliseconds.
public struct TraceEventMetrics: MetricsFactory {
    let tracer: TraceEventTracer

    /// Writes the metrics into `tracer`'s trace.
    public init(_ tracer: TraceEventTracer) {
        self.tracer = tracer
    }

    static func name(_ label: String, _ dimensions: [(String, String)]) -> String {
        dimensions.isEmpty ? label : label + "{" + dimensions.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Sample(tracer: tracer, name: Self.name(label, dimensions))
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Sample(tracer: tracer, name: Self.name(label, dimensions))
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        Sample(tracer: tracer, name: Self.name(label, dimensions) + " ms")
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        Sample(tracer: tracer, name: Self.name(label, dimensions))
    }

    public func destroyCounter(_ handler: any CounterHandler) {}
    public func destroyRecorder(_ handler: any RecorderHandler) {}
    public func destroyTimer(_ handler: any TimerHandler) {}
    public func destroyMeter(_ handler: any MeterHandler) {}

    /// One metric: its running value, each change a sample in the trace.
    final class Sample: CounterHandler, RecorderHandler, TimerHandler, MeterHandler, Sendable {
        let tracer: TraceEventTracer
        let name: String
        private let total = Mutex(0.0)

        init(tracer: TraceEventTracer, name: String) {
            self.tracer = tracer
            self.name = name
        }

        private func set(to value: Double) {
            total.withLock { $0 = value }
            tracer.counter(name, value: value)
        }

        private func add(_ amount: Double) {
            tracer.counter(
                name,
                value: total.withLock { total in
                    total += amount
                    return total
                })
        }

        func increment(by amount: Int64) { add(Double(amount)) }
        func reset() { set(to: 0) }
        func record(_ value: Int64) { set(to: Double(value)) }
        func record(_ value: Double) { set(to: value) }
        func recordNanoseconds(_ duration: Int64) { set(to: Double(duration) / 1e6) }
        func set(_ value: Int64) { set(to: Double(value)) }
        func set(_ value: Double) { set(to: value) }
        func increment(by amount: Double) { add(amount) }
        func decrement(by amount: Double) { add(-amount) }
    }
}

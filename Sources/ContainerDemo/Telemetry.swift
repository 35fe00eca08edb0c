// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging
import Metrics
import OTel
import ServiceLifecycle
import Tracing

/// Where a `run` reports: a trace file (`--trace`) and, when the standard
/// `OTEL_EXPORTER_OTLP_ENDPOINT` (or a per-signal `OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT`)
/// is set, an OpenTelemetry collector over OTLP/HTTP (traces, metrics, logs; every other
/// `OTEL_*` setting applies). Nothing is started otherwise. The exporters' queues are bounded
/// (spans beyond them are dropped and counted by swift-otel); at the end the last batches get
/// ``exportDeadline`` to leave, so a dead or silent collector never holds the run (one that
/// refuses connections is not waited for at all).
final class Telemetry: Sendable {
    /// How long the end of a run waits for the last export: `OTEL_BSP_EXPORT_TIMEOUT`
    /// (milliseconds) when set, else 2 s.
    let exportDeadline: Duration

    static func exportDeadline(_ environment: [String: String]) -> Duration {
        guard let text = environment["OTEL_BSP_EXPORT_TIMEOUT"], let milliseconds = Int(text), milliseconds >= 0 else {
            return .seconds(2)
        }
        return .milliseconds(min(milliseconds, 600_000))
    }

    let traceFile: TraceFileOutput?
    /// The container's tracer (nil: none).
    let tracer: (any Tracer)?
    /// Where the container's logs go (nil: nowhere, the demo's default).
    let logHandlerFactory: (@Sendable (String) -> any LogHandler)?
    private let exporters: ServiceGroup?
    private let running: Task<Void, Never>?
    /// The collector's endpoints (from the environment).
    private let endpoints: [URL]

    /// True when the environment names an OTLP endpoint (and does not disable the SDK).
    static func exportRequested(_ environment: [String: String]) -> Bool {
        guard environment["OTEL_SDK_DISABLED"]?.lowercased() != "true" else { return false }
        return ["", "TRACES_", "METRICS_", "LOGS_"].contains { environment["OTEL_EXPORTER_OTLP_\($0)ENDPOINT"]?.isEmpty == false }
    }

    init(tracePath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let traceFile = tracePath.map { TraceFileOutput(path: $0) }
        self.traceFile = traceFile
        endpoints = CollectorProbe.endpoints(environment)
        exportDeadline = Self.exportDeadline(environment)
        var metricsFactories: [any MetricsFactory] = traceFile.map { [TraceEventMetrics($0.tracer)] } ?? []
        guard Self.exportRequested(environment) else {
            tracer = traceFile?.tracer
            if let tracer { InstrumentationSystem.bootstrap(tracer) }  // for PageRenderer's picture spans
            logHandlerFactory = nil
            exporters = nil
            running = nil
            Self.bootstrap(metricsFactories)
            return
        }
        var configuration = OTel.Configuration.default
        configuration.serviceName = "container-demo"
        configuration.diagnosticLogLevel = .error
        let traces = try OTel.makeTracingBackend(configuration: configuration)
        let metrics = try OTel.makeMetricsBackend(configuration: configuration)
        let logs = try OTel.makeLoggingBackend(configuration: configuration)
        metricsFactories.append(metrics.factory)
        Self.bootstrap(metricsFactories)
        let tracer: any Tracer = traceFile.map { TeeTracer(first: $0.tracer, second: traces.factory) } ?? traces.factory
        self.tracer = tracer
        InstrumentationSystem.bootstrap(tracer)  // for PageRenderer's picture spans
        logHandlerFactory = logs.factory
        let exporters = ServiceGroup(
            configuration: .init(
                services: [traces.service, metrics.service, logs.service], gracefulShutdownSignals: [],
                logger: Logger(label: "container-demo.otel", factory: { _ in SwiftLogNoOpLogHandler() })))
        self.exporters = exporters
        running = Task { try? await exporters.run() }
    }

    private static func bootstrap(_ factories: [any MetricsFactory]) {
        switch factories.count {
        case 0: return
        case 1: MetricsSystem.bootstrap(factories[0])
        default: MetricsSystem.bootstrap(MultiplexMetricsHandler(factories: factories))
        }
    }

    /// Writes the trace file and lets the exporters send what is left, within ``exportDeadline``.
    func finish() async {
        traceFile?.write()
        guard let exporters, let running else { return }
        guard await CollectorProbe.allReachable(endpoints) else {
            running.cancel()
            Terminal.diagnostic(
                "  • telemetry: the collector refuses connections (\(endpoints.map(\.absoluteString).joined(separator: ", "))); what was left is dropped"
            )
            return
        }
        await exporters.triggerGracefulShutdown()
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await running.value
                return true
            }
            group.addTask {
                try? await Task.sleep(for: self.exportDeadline)
                return false
            }
            let first = await group.next() ?? false
            // Awaiting the exporters' task ends only with it: cancel it, or the group waits.
            if !first { running.cancel() }
            group.cancelAll()
            return first
        }
        if !finished {
            Terminal.diagnostic("  • telemetry: the collector did not take the last export within \(self.exportDeadline); dropped")
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

/// `run --trace FILE.json`: the run's spans (the container's tracer) and swift-metrics samples
/// (``Telemetry`` bootstraps `TraceEventMetrics`) written as trace-event JSON when the run ends.
struct TraceFileOutput {
    let path: String
    let tracer: TraceEventTracer

    init(path: String) {
        self.path = path
        self.tracer = TraceEventTracer()
    }

    /// Writes the file (a failure is reported, not thrown: the run's own outcome stands).
    func write() {
        do {
            try tracer.write(to: URL(fileURLWithPath: path))
            let dropped = tracer.droppedEvents
            Terminal.diagnostic("  • trace: \(path)\(dropped > 0 ? " (\(dropped) events dropped: the trace was full)" : "")")
        } catch {
            Terminal.diagnostic("error: could not write the trace to \(path): \(error)")
        }
    }
}

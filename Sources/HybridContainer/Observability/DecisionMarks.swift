// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Tracing

extension ContainerTracing {
    /// The container's decisions as marks in the trace, each with its reason: online
    /// fallbacks, rollbacks, fuses opening, vetoed and failed launches, quarantined threads and
    /// script problems. Other events are spans already (launches, hooks) or not worth one.
    func mark(_ event: ContainerEvent) {
        guard isOn else { return }
        switch event {
        case .servedOnline(let appId, let reason):
            mark(TraceSpan.fallback, attributes: [TraceAttribute.appId: .string(appId), TraceAttribute.reason: .string(reason)])
        case .rolledBack(let appId, let from, let to, let reason):
            mark(
                TraceSpan.rollback,
                attributes: [
                    TraceAttribute.appId: .string(appId), TraceAttribute.fromVersion: .string(from), TraceAttribute.toVersion: .string(to),
                    TraceAttribute.reason: .string(reason),
                ])
        case .fuseOpened(let appId, let failures, let reason):
            mark(
                TraceSpan.fuseOpened,
                attributes: [
                    TraceAttribute.appId: .string(appId), TraceAttribute.failures: .int(Int64(failures)),
                    TraceAttribute.reason: .string(reason),
                ],
                error: reason)
        case .launchVetoed(let appId, let plugin, let reason):
            mark(TraceSpan.launchVetoed, attributes: [TraceAttribute.appId: .string(appId), TraceAttribute.reason: "\(plugin): \(reason)"])
        case .launchFailed(let appId, let error):
            mark(
                TraceSpan.launchFailed, attributes: [TraceAttribute.appId: .string(appId), TraceAttribute.reason: .string(error)],
                error: error)
        case .runtimeStalled(let thread, let apps, let seconds):
            mark(
                TraceSpan.runtimeStalled,
                attributes: [
                    TraceAttribute.thread: .string(thread), TraceAttribute.reason: "busy \(seconds) s with \(apps.joined(separator: ", "))",
                ], error: "stalled")
        case .scriptProblem(let app, let diagnostic):
            var attributes = Self.attributes(of: app)
            attributes[TraceAttribute.reason] = "\(diagnostic)"
            mark(TraceSpan.scriptProblem, attributes: attributes, error: "\(diagnostic)")
        case .launched, .lifecycle, .hookFailed, .console, .destroyed, .confirmed, .updateInstalled:
            return
        }
    }
}

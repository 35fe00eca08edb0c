// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// What plugins reach through `AppHandle.container`.
extension MicroAppContainer {
    public func broadcast(event: String, payload: JSONValue, excluding: UInt64?) async {
        for (id, app) in apps where id != excluding { app.context.events.emit(event, payload) }
    }

    public func openApp(appId: String, query: [String: String]) async throws -> AppDescriptor {
        try await launch(.installed(appId), options: LaunchOptions(query: query))
    }

    public func exitApp(instanceID: UInt64) async throws {
        try await destroy(instanceID)
    }
}

/// What one JavaScript thread of a container holds.
public struct RuntimeStatistics: Sendable, Hashable {
    public let thread: String
    /// Contexts created and not yet released.
    public let liveContexts: Int
    /// Native function objects not yet garbage-collected (grows if released contexts are kept alive).
    public let liveNativeFunctions: Int
    /// The thread is quarantined (see `ContainerError.runtimeStalled`).
    public let stalled: Bool
}

extension MicroAppContainer {
    /// Per JavaScript thread: live contexts and native objects (monitoring, leak hunting).
    public func runtimeStatistics() async -> [RuntimeStatistics] {
        var statistics: [RuntimeStatistics] = []
        for (index, runtime) in runtimes.enumerated() {
            let stalled = supervisor.isStalled(index)
            let contexts = stalled ? 0 : await runtime.liveContextCount
            let natives = stalled ? 0 : await runtime.nativeFunctionCounts.live
            statistics.append(
                RuntimeStatistics(
                    thread: runtime.configuration.name, liveContexts: contexts, liveNativeFunctions: natives, stalled: stalled))
        }
        return statistics
    }

    /// Runs a full garbage collection on every healthy JavaScript thread (under memory pressure,
    /// or after many apps were destroyed). Blocks each thread while it runs.
    public func collectGarbage() async {
        for (index, runtime) in runtimes.enumerated() where !supervisor.isStalled(index) {
            await runtime.collectGarbage()
        }
    }

    /// JavaScriptCore's census of every healthy JavaScript thread's heap, added up: what the
    /// container's apps keep alive (collect garbage first to count only what is reachable).
    public func heapStatistics() async -> HeapStatistics {
        var total = HeapStatistics(
            heapSize: 0, heapCapacity: 0, extraMemorySize: 0, objectCount: 0, globalObjectCount: 0, objectTypeCounts: [:])
        for (index, runtime) in runtimes.enumerated() where !supervisor.isStalled(index) {
            guard let statistics = await runtime.heapStatistics() else { continue }
            total = total.adding(statistics)
        }
        return total
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// A JavaScriptCore context group on its own thread, hosting any number of `ScriptContext`s.
///
/// All JavaScript of the runtime's contexts runs on that one thread, one job at a time.
/// Use several runtimes to use several cores. The runtime lives as long as any of its
/// contexts does; `shutdown()` releases every context at once.
public final class JSRuntime: Sendable {
    /// How the runtime's thread is set up.
    public struct Configuration: Sendable {
        /// The thread's name (visible in debuggers and `top -H`).
        public var name: String
        /// The thread's stack size; deep recursion raises a `RangeError` before reaching it.
        public var stackSize: Int
        /// How many warm contexts (created in the group, globals and preludes installed, nothing
        /// of any app) the runtime keeps ready; `makeContext` takes one, so a launch skips that
        /// work, and the pool refills when the thread is idle. 0 disables the pool. A context is
        /// never reused: one that ran an app is released, not returned.
        public var warmContexts: Int
        /// The prelude lists (``ScriptContext/Configuration/preludes``) warmed from the start,
        /// `warmContexts` contexts each. A list `makeContext` asks for that is not here gets its
        /// own pool from then on (its first context is made on demand).
        public var warmPreludes: [[ScriptResource]]
        /// How many bytes of script text the runtime keeps once for all its contexts (preludes,
        /// framework modules, apps' module files, from their second use; README, "Memory"): a
        /// file every instance of an app runs is held once, not once per instance. The least
        /// recently used go first; a file larger than this is held by each context that runs it.
        public var sharedScriptBytes: Int

        /// Creates a configuration.
        public init(
            name: String = "hybrid-js", stackSize: Int = 8 << 20, warmContexts: Int = 0, warmPreludes: [[ScriptResource]] = [[]],
            sharedScriptBytes: Int = 64 << 20
        ) {
            self.name = name
            self.stackSize = stackSize
            self.warmContexts = max(0, warmContexts)
            self.warmPreludes = warmPreludes
            self.sharedScriptBytes = max(0, sharedScriptBytes)
        }
    }

    let executor: RuntimeExecutor
    private let core: LoopBound<RuntimeCore>
    /// The configuration the runtime was created with.
    public let configuration: Configuration

    /// Starts the runtime thread and creates its context group.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        let executor = RuntimeExecutor(name: configuration.name)
        executor.start(stackSize: configuration.stackSize, onExit: {})
        self.executor = executor
        let created = CoreHandoff()
        let ready = DispatchSemaphore(value: 0)
        let (warmContexts, warmPreludes) = (configuration.warmContexts, configuration.warmPreludes)
        let sharedScriptBytes = configuration.sharedScriptBytes
        executor.submit {
            let core = RuntimeCore(executor: executor, sharedScriptBytes: sharedScriptBytes)
            for preludes in warmPreludes { core.addFlavor(preludes) }
            core.warmTarget = warmContexts
            created.set(LoopBound(core, executor: executor))
            ready.signal()
        }
        ready.wait()
        self.core = created.take()
    }

    deinit {
        let core = self.core
        executor.submit { core.value.shutdown() }
        executor.requestStop()
    }

    /// Creates an isolated context in this runtime.
    /// - Throws: `ScriptError.runtimeShutDown` after `shutdown()`.
    public func makeContext(_ configuration: ScriptContext.Configuration = .init()) async throws -> ScriptContext {
        let core = self.core
        let made: (LoopBound<ContextCore>, UInt64, ScriptEventSink) = try await onThread {
            let context = try core.value.takeContext(configuration)
            return (LoopBound(context, executor: core.executor), context.id, context.caller.events)
        }
        return ScriptContext(runtime: self, core: made.0, id: made.1, name: configuration.name, events: made.2)
    }

    /// `makeContext` for code already running on the runtime thread (a task started on
    /// ``taskExecutor``): no hop there and back. Traps off the thread.
    package func makeContextOnThread(_ configuration: ScriptContext.Configuration) throws -> ScriptContext {
        executor.preconditionOnThread()
        let context = try core.value.takeContext(configuration)
        return ScriptContext(
            runtime: self, core: LoopBound(context, executor: core.executor), id: context.id, name: configuration.name,
            events: context.caller.events)
    }

    /// Fills the warm pool up to ``Configuration/warmContexts`` now, instead of in idle turns
    /// (before a burst of launches; benchmarks measuring launch latency).
    public func prewarm() async {
        let core = self.core
        _ = try? await onThread { core.value.fillPool() }
    }

    /// The runtime thread as a task executor: a task that prefers it
    /// (`Task(executorPreference:)`) starts on the runtime thread, so work whose first step is a
    /// call into one of this runtime's contexts saves a thread switch. Jobs enqueued after
    /// ``shutdown()`` never run.
    public var taskExecutor: any TaskExecutor { executor }

    /// A job for this runtime's thread is about to be submitted: a sleeping thread is woken now
    /// and watches for it up to `within` (yielding the CPU meanwhile) instead of being woken by
    /// the job. Launches call this as they begin.
    package func expectWork(within: Duration) {
        let (seconds, attoseconds) = within.components
        guard seconds >= 0, attoseconds >= 0 else { return }
        executor.expectWork(within: UInt64(min(seconds, 1)) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000))
    }

    /// Releases every context and the context group. Later calls on its contexts throw
    /// `ScriptError.contextReleased`; `makeContext` throws `.runtimeShutDown`.
    public func shutdown() async {
        let core = self.core
        _ = try? await onThread { core.value.shutdown() }
    }

    /// What the runtime thread is doing: the job running now (an opaque identity) and the CPU
    /// time the thread has used, or nil when it is idle. Two samples with the same job tell how
    /// much CPU that one job burned: far more than any watchdog limit means the thread is stuck.
    /// (An endless chain of promise jobs is the one runaway JavaScriptCore's watchdog cannot
    /// stop, since every microtask is a separate VM entry with its own time budget.)
    public nonisolated func busySample() -> (job: UInt64, threadCPUNanoseconds: UInt64)? {
        executor.busySample.map { ($0.job, $0.threadCPU) }
    }

    /// The number of contexts not yet released.
    public var liveContextCount: Int {
        get async {
            let core = self.core
            return (try? await onThread { core.value.liveContextCount }) ?? 0
        }
    }

    /// Runs a full garbage collection of the runtime's heap now (e.g. under memory pressure
    /// or after releasing many contexts). Blocks the runtime thread while it runs.
    public func collectGarbage() async {
        let core = self.core
        _ = try? await onThread { core.value.collectGarbage() }
    }

    /// JavaScriptCore's census of the runtime's heap (every context of it): live bytes and cells
    /// per class. Collect garbage first to count only what is reachable. Nil once shut down.
    public func heapStatistics() async -> HeapStatistics? {
        let core = self.core
        return (try? await onThread { core.value.heapStatistics() }) ?? nil
    }

    /// Scripts the runtime keeps compiled-once for its contexts now (``Configuration/sharedScriptBytes``).
    var sharedScriptCount: Int {
        get async {
            let core = self.core
            return (try? await onThread { core.value.scripts.count }) ?? 0
        }
    }

    /// Native function objects (bridge entry points, timers' callbacks, …) not yet finalized by
    /// the garbage collector, and ever created: a released context's go away when it is
    /// collected, so `live` growing with churn means contexts are kept alive.
    public var nativeFunctionCounts: (live: Int, created: Int) {
        get async {
            let core = self.core
            return
                (try? await onThread {
                    (core.value.liveNativeFunctions.count, core.value.liveNativeFunctions.created)
                }) ?? (0, 0)
        }
    }

    /// Runs `body` on the runtime thread and returns its result.
    func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            executor.submit { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// Hands the freshly created runtime core from the runtime thread to `JSRuntime.init`.
///
/// `@unchecked Sendable`: written once on the runtime thread before a semaphore signal and
/// read once after the matching wait, so the accesses are ordered.
private final class CoreHandoff: @unchecked Sendable {
    private var core: LoopBound<RuntimeCore>?
    func set(_ core: LoopBound<RuntimeCore>) { self.core = core }
    func take() -> LoopBound<RuntimeCore> { core! }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// The runtime-thread half of a `JSRuntime`: the context group, shared classes and names,
/// the live contexts and the watchdog. Confined to the runtime thread.
final class RuntimeCore {
    let executor: RuntimeExecutor
    let group: JSContextGroupRef
    let names = PropertyNames()
    /// Scripts every context of the runtime evaluates from one copy (preludes, framework, module files).
    let scripts: SharedScripts
    let nativeFunctionClass: JSClassRef
    /// Native function boxes alive in this runtime's heap.
    let liveNativeFunctions = LiveCounter()
    /// A context of the runtime's own that owns objects shared by all contexts (see
    /// `rejectionCallback`) and serves garbage collection requests.
    private let anchorContext: JSGlobalContextRef
    /// The unhandled-rejection callback installed in every context. It routes the rejection to
    /// the context that owns the promise.
    private(set) var rejectionCallback: JSObjectRef!
    private(set) var isShutDown = false
    /// `undefined`, made once: an immediate (no heap cell, nothing to protect), valid in every
    /// context of the group. `JSValueMakeUndefined` takes the VM's lock on every call, a
    /// measurable share of a no-op `callSync`.
    let undefinedValue: JSValueRef
    private var contexts: [UnsafeRawPointer: Unmanaged<ContextCore>] = [:]
    private var watchdogTick: Duration?
    private var nextContextID: UInt64 = 1
    /// Warm contexts (globals and preludes installed, nothing of any app), newest last, per
    /// list of preludes they ran (``ScriptContext/Configuration/preludes``).
    private var warm: [[ScriptResource]: [ContextCore]] = [:]
    /// The prelude lists the pool keeps contexts for, in the order they became known: those
    /// configured, then each list a `takeContext` asked for.
    private var flavors: [[ScriptResource]] = []
    /// How many warm contexts the pool keeps per prelude list; refilled when the thread is idle.
    var warmTarget = 0 {
        didSet { scheduleRefill() }
    }
    private var refillScheduled = false

    init(executor: RuntimeExecutor, sharedScriptBytes: Int = 64 << 20) {
        executor.preconditionOnThread()
        self.executor = executor
        self.group = JSContextGroupCreate()
        self.scripts = SharedScripts(group: group, byteBudget: sharedScriptBytes)
        self.nativeFunctionClass = NativeFunction.makeClass()
        self.anchorContext = JSGlobalContextCreateInGroup(group, nil)
        RemoteInspection.hide(anchorContext)
        self.undefinedValue = JSValueMakeUndefined(anchorContext)
        let callback = NativeFunction(counter: liveNativeFunctions) { [unowned self] _, args in
            self.routeUnhandledRejection(promise: args[0], reason: args[1])
            return nil
        }
        rejectionCallback = JSObjectMake(anchorContext, nativeFunctionClass, Unmanaged.passRetained(callback).toOpaque())
        JSValueProtect(anchorContext, rejectionCallback)
        CurrentRuntime.set(self)
    }

    private func routeUnhandledRejection(promise: JSValueRef, reason: JSValueRef) {
        guard let promiseObject = JSValueToObject(anchorContext, promise, nil),
            let owner = JSObjectGetGlobalContext(promiseObject),
            let context = contexts[UnsafeRawPointer(owner)]?.takeUnretainedValue()
        else { return }
        context.reportUnhandledRejection(reason)
    }

    func makeContextID() -> UInt64 {
        defer { nextContextID += 1 }
        return nextContextID
    }

    // MARK: Context registry (unowned: a context unregisters itself when torn down)

    func register(_ context: ContextCore) {
        contexts[UnsafeRawPointer(context.globalContext)] = Unmanaged.passUnretained(context)
        if let limit = context.executionTimeLimit { armWatchdog(for: limit) }
    }

    /// Contexts released since the last full collection.
    private var releasedSinceCollection = 0
    /// A full collection follows this many released contexts: JavaScriptCore's own heuristics
    /// rarely run one while live apps only allocate short-lived objects, so released contexts
    /// (globals, natives, their whole heaps) piled up under app churn (`hybrid-bench soak`:
    /// ≈350 KB of RSS per relaunch, flat with this).
    static let releasesPerCollection = 16

    func unregister(_ context: ContextCore) {
        contexts.removeValue(forKey: UnsafeRawPointer(context.globalContext))
        lastCallSync = nil
        releasedSinceCollection += 1
        if releasedSinceCollection >= Self.releasesPerCollection {
            releasedSinceCollection = 0
            // After the context's own release has finished, as a job of its own.
            let core = WeakLoopBound(self, executor: executor)
            executor.submit { core.value?.collectGarbage() }
        }
    }

    /// The context `JSBridge.callSync` was last called in (``CallSyncFunction``): calls come in
    /// runs from one context, and a hit costs no hashing. Emptied when any context goes.
    private var lastCallSync: (ctx: JSContextRef, context: Unmanaged<ContextCore>)?

    /// The context whose code runs with `ctx` (the reference a callback receives), unretained:
    /// a context has weak references, so each retain and release would take the slow path
    /// through its side table (a fifth of a no-op call in `perf`).
    func callSyncContext(_ ctx: JSContextRef) -> Unmanaged<ContextCore>? {
        if let last = lastCallSync, last.ctx == ctx { return last.context }
        guard let global = JSContextGetGlobalContext(ctx), let context = contexts[UnsafeRawPointer(global)] else { return nil }
        lastCallSync = (ctx, context)
        return context
    }

    func context(for ctx: JSContextRef) -> ContextCore? {
        guard let global = JSContextGetGlobalContext(ctx) else { return nil }
        return contexts[UnsafeRawPointer(global)]?.takeUnretainedValue()
    }

    /// Contexts in use (warm ones waiting in the pool are not counted).
    var liveContextCount: Int { contexts.count - warm.values.reduce(0) { $0 + $1.count } }

    // MARK: Warm pool

    /// A context for `configuration`: a warm one from the pool when there is one (its creation
    /// and globals already paid for), else a new one. The pool refills when the thread is idle.
    /// A pool of `configuration.preludes` that is not yet known is started (and refilled from then on).
    func takeContext(_ configuration: ScriptContext.Configuration) throws -> ContextCore {
        executor.preconditionOnThread()
        guard !isShutDown else { throw ScriptError.runtimeShutDown }
        defer { scheduleRefill() }
        let flavor = configuration.preludes
        if warmTarget > 0, !flavors.contains(flavor) { flavors.append(flavor) }
        if let core = warm[flavor]?.popLast() {
            core.adopt(configuration)
            return core
        }
        return try ContextCore(runtime: self, configuration: configuration)
    }

    /// Keeps warm contexts that ran `preludes` from now on (before any `takeContext` asks).
    func addFlavor(_ preludes: [ScriptResource]) {
        executor.preconditionOnThread()
        if !flavors.contains(preludes) { flavors.append(preludes) }
        scheduleRefill()
    }

    /// Fills the pool up to its target now (a host about to launch apps; benchmarks).
    func fillPool() {
        executor.preconditionOnThread()
        while let flavor = shortFlavor { addWarmContext(flavor) }
    }

    /// One more warm context for `preludes`; a list whose preludes fail is dropped (its launches
    /// then make their contexts, and fail there with the prelude's error).
    private func addWarmContext(_ preludes: [ScriptResource]) {
        guard let core = makeWarmContext(preludes) else {
            flavors.removeAll { $0 == preludes }
            return
        }
        warm[preludes, default: []].append(core)
    }

    /// The first prelude list with fewer warm contexts than the target.
    private var shortFlavor: [ScriptResource]? {
        guard !isShutDown else { return nil }
        return flavors.first { (warm[$0]?.count ?? 0) < warmTarget }
    }

    /// A warm context: created with ``poolConfiguration`` and `preludes` (nil if one failed).
    private func makeWarmContext(_ preludes: [ScriptResource]) -> ContextCore? {
        var configuration = Self.poolConfiguration
        configuration.preludes = preludes
        return try? ContextCore(runtime: self, configuration: configuration, pooled: true)
    }

    /// What a warm context is created with until it is adopted: no watchdog (so creating one never
    /// arms it), no bridge, no modules.
    static let poolConfiguration = ScriptContext.Configuration(name: "warm", executionTimeLimit: nil)

    /// One warm context per idle turn of the thread, until every prelude list has its target.
    private func scheduleRefill() {
        guard shortFlavor != nil, !refillScheduled else { return }
        refillScheduled = true
        let core = WeakLoopBound(self, executor: executor)
        executor.whenIdle {
            guard let runtime = core.value else { return }
            runtime.refillScheduled = false
            guard let flavor = runtime.shortFlavor else { return }
            runtime.addWarmContext(flavor)
            runtime.scheduleRefill()
        }
    }

    // MARK: Watchdog

    /// JSC checks in after `tick` of uninterrupted script; each context decides with its own
    /// limit (see `ContextCore.watchdogShouldTerminate`). The tick is the smallest limit seen.
    func armWatchdog(for limit: Duration) {
        if let watchdogTick, watchdogTick <= limit { return }
        watchdogTick = limit
        let runtime = Unmanaged.passUnretained(self).toOpaque()
        JSContextGroupSetExecutionTimeLimit(
            group, limit.secondsDouble,
            { ctx, data in
                guard let ctx, let data else { return true }
                let runtime = Unmanaged<RuntimeCore>.fromOpaque(data).takeUnretainedValue()
                guard let context = runtime.context(for: ctx) else { return true }
                return context.watchdogShouldTerminate()
            }, runtime)
    }

    /// A full, synchronous collection of the group's heap (through the anchor context, so it
    /// works when no other context is alive).
    func collectGarbage() {
        executor.preconditionOnThread()
        guard !isShutDown else { return }
        JSSynchronousGarbageCollectForDebugging(anchorContext)
    }

    /// JavaScriptCore's census of the group's heap (through the anchor context).
    func heapStatistics() -> HeapStatistics? {
        executor.preconditionOnThread()
        guard !isShutDown else { return nil }
        return HeapStatistics.read(in: anchorContext)
    }

    // MARK: Shutdown

    func shutdown() {
        executor.preconditionOnThread()
        guard !isShutDown else { return }
        isShutDown = true
        let pooled = warm.values.joined()
        warm.removeAll()
        for context in pooled { context.tearDown() }
        for context in contexts.values.map({ $0.takeUnretainedValue() }) {
            context.tearDown()
        }
        contexts.removeAll()
        lastCallSync = nil
        CurrentRuntime.set(nil)
        if watchdogTick != nil { JSContextGroupClearExecutionTimeLimit(group) }
        scripts.removeAll()
        JSValueUnprotect(anchorContext, rejectionCallback)
        JSGlobalContextRelease(anchorContext)
        JSContextGroupRelease(group)
        JSClassRelease(nativeFunctionClass)
    }
}

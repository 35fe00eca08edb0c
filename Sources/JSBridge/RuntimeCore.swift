import CJavaScriptCore

/// The runtime-thread half of a `JSRuntime`: the context group, shared classes and names,
/// the live contexts and the watchdog. Confined to the runtime thread.
final class RuntimeCore {
    let executor: RuntimeExecutor
    let group: JSContextGroupRef
    let names = PropertyNames()
    let nativeFunctionClass: JSClassRef
    private(set) var isShutDown = false
    private var contexts: [UnsafeRawPointer: Unmanaged<ContextCore>] = [:]
    private var watchdogTick: Duration?
    private var nextContextID: UInt64 = 1

    init(executor: RuntimeExecutor) {
        executor.preconditionOnThread()
        self.executor = executor
        self.group = JSContextGroupCreate()
        self.nativeFunctionClass = NativeFunction.makeClass()
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

    func unregister(_ context: ContextCore) {
        contexts.removeValue(forKey: UnsafeRawPointer(context.globalContext))
    }

    func context(for ctx: JSContextRef) -> ContextCore? {
        guard let global = JSContextGetGlobalContext(ctx) else { return nil }
        return contexts[UnsafeRawPointer(global)]?.takeUnretainedValue()
    }

    var liveContextCount: Int { contexts.count }

    // MARK: Watchdog

    /// JSC checks in after `tick` of uninterrupted script; each context decides with its own
    /// limit (see `ContextCore.watchdogShouldTerminate`). The tick is the smallest limit seen.
    private func armWatchdog(for limit: Duration) {
        if let watchdogTick, watchdogTick <= limit { return }
        watchdogTick = limit
        let runtime = Unmanaged.passUnretained(self).toOpaque()
        JSContextGroupSetExecutionTimeLimit(group, limit.secondsDouble, { ctx, data in
            guard let ctx, let data else { return true }
            let runtime = Unmanaged<RuntimeCore>.fromOpaque(data).takeUnretainedValue()
            guard let context = runtime.context(for: ctx) else { return true }
            return context.watchdogShouldTerminate()
        }, runtime)
    }

    // MARK: Shutdown

    func shutdown() {
        executor.preconditionOnThread()
        guard !isShutDown else { return }
        isShutDown = true
        for context in contexts.values.map({ $0.takeUnretainedValue() }) {
            context.tearDown()
        }
        contexts.removeAll()
        if watchdogTick != nil { JSContextGroupClearExecutionTimeLimit(group) }
        JSContextGroupRelease(group)
        JSClassRelease(nativeFunctionClass)
    }
}

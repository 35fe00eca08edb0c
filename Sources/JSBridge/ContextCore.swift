// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Logging

/// The runtime-thread half of a `ScriptContext`: one JavaScriptCore global context with its
/// globals, timers, pending bridge calls and awaited promises.
///
/// Confined to the runtime thread; every entry point checks it with a precondition.
final class ContextCore {
    let runtime: RuntimeCore
    let executor: RuntimeExecutor
    let globalContext: JSGlobalContextRef
    private(set) var configuration: ScriptContext.Configuration
    let id: UInt64
    private(set) var logger: Logger
    /// Waiting in the runtime's warm pool: globals installed, no app's code or configuration yet.
    private(set) var isPooled = false
    var converter: ValueConverter { ValueConverter(ctx: globalContext, names: runtime.names) }
    /// Who handlers see as the caller (set from the configuration, again on adoption).
    var caller: BridgeCaller! { callerCell.value }
    private let callerCell = RuntimeThreadCell<BridgeCaller?>(nil)
    /// Resolves bridge calls; starts as `configuration.bridge`, replaceable with `setBridge`.
    var bridge: any BridgeDispatching {
        didSet {
            methodCache.removeAll()
            nameCache.removeAll(ctx: globalContext)
        }
    }
    /// Resolutions of `bridge` by name, for the hot path.
    var methodCache = MethodCache()
    /// The same, by the identity of the name's string (literal names in a loop).
    let nameCache = NameIdentityCache()

    private(set) var isReleased = false
    var functionPrototype: JSObjectRef?
    var eventDispatcher: JSObjectRef?
    var thenFunction: JSObjectRef?
    /// `runMain(path)` of the module prelude.
    var mainModuleRunner: JSObjectRef?

    // Entry tracking for the watchdog, kept by `enter` (ContextCore+Entry.swift).
    var entryDepth = 0
    var entryStart: UInt64 = 0
    var terminatedByWatchdog = false

    // Work in flight.
    var timers: [Int: ScriptTimer] = [:]
    var nextTimerID = 1
    var pendingCalls: [UInt64: PendingBridgeCall] = [:]
    var nextCallID: UInt64 = 1
    var promiseWaiters: [UInt64: PromiseWaiter] = [:]
    var nextWaiterID: UInt64 = 1
    private var idleWaiters: [IdleSignal] = []
    /// `console.*` lines this context may still write (nil: unlimited).
    var consoleBucket: ConsoleBucket?

    var executionTimeLimit: Duration? { configuration.executionTimeLimit }

    /// Creates a context for `configuration`, or (`pooled`) a warm one for the runtime's pool
    /// that ``adopt(_:)`` later gives its configuration.
    init(runtime: RuntimeCore, configuration: ScriptContext.Configuration, pooled: Bool = false) throws {
        runtime.executor.preconditionOnThread()
        guard !runtime.isShutDown else { throw ScriptError.runtimeShutDown }
        self.runtime = runtime
        self.executor = runtime.executor
        self.configuration = configuration
        self.isPooled = pooled
        self.bridge = configuration.bridge
        self.consoleBucket = configuration.consoleLimit.map(ConsoleBucket.init(limit:))
        self.id = runtime.makeContextID()
        var logger = configuration.logger
        logger[metadataKey: "context"] = "\(configuration.name)"
        self.logger = logger
        self.globalContext = JSGlobalContextCreateInGroup(runtime.group, nil)
        applyConfiguration()
        runtime.register(self)
        do {
            try installGlobals()
            for prelude in configuration.preludes {
                _ = try evaluate(prelude.source, sourceURL: prelude.sourceURL, line: 1)
            }
            if pooled { try warmUp() }
        } catch {
            tearDown()
            throw error
        }
    }

    /// Prepares a pooled context for the launch that will adopt it. Many of JavaScriptCore's
    /// built-in functions are written in JavaScript and compiled for each global object on their
    /// first call; `warm-up.js` calls a few that apps commonly use (A/B on `hybrid-bench launch`:
    /// ≈15 µs off a launch whose `onLaunch` uses `Array.from`). Then a settled
    /// promise is awaited once, the way the host awaits every lifecycle hook: the promise
    /// machinery a fresh global object sets up lazily (`then`, reaction jobs, the host's handler
    /// functions) is ready before the app is adopted (≈30 µs off every launch).
    private func warmUp() throws {
        _ = try evaluate(JSBridgeScripts.warmUp.source, sourceURL: JSBridgeScripts.warmUp.sourceURL, line: 1)
        guard let promise = try evaluate("Promise.resolve()", sourceURL: nil, line: 1) else { return }
        // Settles inside the call (its microtasks run as the call returns); should it not, the
        // waiter is dropped so the context stays idle.
        if let waiter = awaitValue(promise, what: "warm-up", timeout: nil, convert: false, completion: { _ in }) {
            cancelWaiter(waiter, what: "warm-up")
        }
    }

    /// What the configuration decides once the global context exists: its name, `eval`, and the
    /// caller handlers see.
    private func applyConfiguration() {
        JSStringConversion.with(configuration.name) { JSGlobalContextSetName(globalContext, $0) }
        // A warm context waiting in the pool is no target; an app's context is `appId #instance`.
        if isPooled {
            RemoteInspection.hide(globalContext)
        } else {
            RemoteInspection.expose(
                globalContext, name: configuration.name + (configuration.metadata["instanceID"].map { " #\($0)" } ?? ""))
        }
        if !configuration.allowsEval {
            JSStringConversion.with("eval() and new Function() are disabled in this context") {
                JSGlobalContextSetEvalEnabled(globalContext, false, $0)
            }
        }
        // Cached resolutions hold requests naming the caller: they go with it.
        methodCache.removeAll()
        nameCache.removeAll(ctx: globalContext)
        callerCell.value = BridgeCaller(
            contextID: id, name: configuration.name, metadata: configuration.metadata,
            events: ScriptEventSink(target: WeakLoopBound(self, executor: executor)))
    }

    /// Takes a warm context out of the pool for `configuration`: everything the configuration
    /// decides is applied as if the context had been created with it. No script has run in it
    /// but the runtime's own preludes.
    func adopt(_ configuration: ScriptContext.Configuration) {
        executor.preconditionOnThread()
        precondition(isPooled, "only a pooled context is adopted, once")
        isPooled = false
        self.configuration = configuration
        bridge = configuration.bridge
        consoleBucket = configuration.consoleLimit.map(ConsoleBucket.init(limit:))
        var logger = configuration.logger
        logger[metadataKey: "context"] = "\(configuration.name)"
        self.logger = logger
        applyConfiguration()
        if let limit = configuration.executionTimeLimit { runtime.armWatchdog(for: limit) }
    }

    // MARK: Evaluating and calling

    func evaluate(_ source: String, sourceURL: String?, line: Int) throws -> JSValueRef? {
        try enter(origin: sourceURL ?? "evaluate") { exception in
            JSStringConversion.with(source) { script in
                if let sourceURL {
                    return JSStringConversion.with(sourceURL) { url in
                        JSEvaluateScript(globalContext, script, nil, url, Int32(clamping: line), &exception)
                    }
                }
                return JSEvaluateScript(globalContext, script, nil, nil, Int32(clamping: line), &exception)
            }
        }
    }

    /// Evaluates the script `key` names through the runtime's shared scripts (one copy of its text
    /// for every context; `text` makes it on first use), or on its own when it is no valid
    /// program, so the engine's own error comes out in `exception`.
    func evaluateShared(
        _ key: SharedScripts.Key, exception: inout JSValueRef?, text: () throws -> String
    ) rethrows -> JSValueRef? {
        var made: String?
        let script = try runtime.scripts.script(for: key) {
            made = try text()
            return made ?? ""
        }
        // `this` is the global object, as JSEvaluateScript makes it (JSScriptEvaluate's default is undefined).
        if let script { return JSScriptEvaluate(globalContext, script, JSContextGetGlobalObject(globalContext), &exception) }
        let source = try made ?? text()
        return JSStringConversion.with(source) { script in
            JSStringConversion.with(key.sourceURL) { url in
                JSEvaluateScript(globalContext, script, nil, url, Int32(clamping: key.line), &exception)
            }
        }
    }

    /// Trusted code every context runs the same (the framework's modules), as a shared script.
    func evaluateShared(_ source: String, sourceURL: String) throws {
        _ = try enter(origin: sourceURL) { exception in
            evaluateShared(.init(sourceURL: sourceURL, line: 1, content: .text(source)), exception: &exception) { source }
        }
    }

    func evaluateJSON(_ source: String, sourceURL: String?, line: Int) throws -> JSONValue {
        guard let value = try evaluate(source, sourceURL: sourceURL, line: line) else { return .undefined }
        return try toJSON(value)
    }

    func checkSyntax(_ source: String, sourceURL: String?, line: Int) throws {
        executor.preconditionOnThread()
        guard !isReleased else { throw ScriptError.contextReleased }
        var exception: JSValueRef?
        let valid = JSStringConversion.with(source) { script in
            JSStringConversion.with(sourceURL ?? "") { url in
                JSCheckScriptSyntax(globalContext, script, sourceURL == nil ? nil : url, Int32(clamping: line), &exception)
            }
        }
        if !valid, let exception {
            throw ScriptError.syntax(ExceptionReader(ctx: globalContext, names: runtime.names).read(exception))
        }
    }

    /// Converts a JavaScript value (conversion may run `toJSON`, so it counts as an entry).
    func toJSON(_ value: JSValueRef) throws -> JSONValue {
        try enter(origin: "value conversion") { _ in try converter.jsonValue(value) }
    }

    /// Calls the function at a dotted path from the global object (`this` is its parent).
    func callFunction(_ path: String, _ arguments: [JSONValue]) throws -> JSValueRef? {
        let (function, parent) = try lookupFunction(path)
        return try withProtectedArguments(arguments) { values in
            try enter(origin: path) { exception in
                values.withUnsafeBufferPointer { buffer in
                    JSObjectCallAsFunction(globalContext, function, parent, buffer.count, buffer.baseAddress, &exception)
                }
            }
        }
    }

    func lookupFunction(_ path: String) throws -> (function: JSObjectRef, parent: JSObjectRef) {
        try enter(origin: path) { exception in
            var parent = JSContextGetGlobalObject(globalContext)!
            var current: JSValueRef = parent
            for component in path.split(separator: ".", omittingEmptySubsequences: false) {
                guard let object = JSValueIsObject(globalContext, current) ? JSValueToObject(globalContext, current, nil) : nil
                else { throw ScriptError.notAFunction(path) }
                parent = object
                current =
                    JSStringConversion.with(String(component)) {
                        JSObjectGetProperty(globalContext, object, $0, &exception)
                    } ?? JSValueMakeUndefined(globalContext)
                if exception != nil { return (parent, parent) }
            }
            guard JSValueIsObject(globalContext, current), let function = JSValueToObject(globalContext, current, nil),
                JSObjectIsFunction(globalContext, function)
            else { throw ScriptError.notAFunction(path) }
            return (function, parent)
        }
    }

    /// Converts arguments and keeps them protected from collection until `body` returns
    /// (they sit in a heap array the garbage collector does not scan).
    func withProtectedArguments<R>(_ arguments: [JSONValue], _ body: ([JSValueRef?]) throws -> R) throws -> R {
        var values: [JSValueRef?] = []
        values.reserveCapacity(arguments.count)
        defer { for value in values { JSValueUnprotect(globalContext, value) } }
        for argument in arguments {
            let value = converter.jsValue(argument)
            JSValueProtect(globalContext, value)
            values.append(value)
        }
        return try body(values)
    }

    /// Calls `promise.then(onFulfilled, onRejected)` with the original `then`, so scripts
    /// that replace `Promise.prototype.then` cannot intercept native bookkeeping.
    func attach(to promise: JSObjectRef, onFulfilled: JSValueRef?, onRejected: JSValueRef?) throws {
        guard let thenFunction else { return }
        try enter(origin: "promise handler") { exception in
            var arguments: [JSValueRef?] = [onFulfilled, onRejected]
            _ = arguments.withUnsafeMutableBufferPointer { buffer in
                JSObjectCallAsFunction(globalContext, thenFunction, promise, 2, buffer.baseAddress, &exception)
            }
        }
    }

    func isThenable(_ value: JSValueRef) -> JSObjectRef? {
        guard JSValueIsObject(globalContext, value), let object = JSValueToObject(globalContext, value, nil),
            let then = try? converter.property(object, runtime.names.then),
            JSValueIsObject(globalContext, then), let thenObject = JSValueToObject(globalContext, then, nil),
            JSObjectIsFunction(globalContext, thenObject)
        else { return nil }
        return object
    }

    // MARK: Events and diagnostics

    /// Delivers an event to `JSBridge.on` listeners; returns how many listeners ran.
    @discardableResult
    func emit(event: String, payload: JSONValue) throws -> Int {
        guard let eventDispatcher else { return 0 }
        let result = try withProtectedArguments([.string(event), payload]) { values in
            try enter(origin: "event \(event)") { exception in
                values.withUnsafeBufferPointer { buffer in
                    JSObjectCallAsFunction(globalContext, eventDispatcher, nil, 2, buffer.baseAddress, &exception)
                }
            }
        }
        guard let result else { return 0 }
        return AppNumbers.clampedInteger(JSValueToNumber(globalContext, result, nil))
    }

    func report(_ diagnostic: ScriptDiagnostic) {
        logger.warning("\(diagnostic)")
        configuration.onDiagnostic?(diagnostic)
    }

    func reportUncaught(_ value: JSValueRef, origin: String) {
        let exception = ExceptionReader(ctx: globalContext, names: runtime.names).read(value)
        report(.uncaughtException(exception, origin: origin))
    }

    /// Reports an error from a script run by the runtime itself (timers, listeners).
    func reportFailure(_ error: any Error, origin: String) {
        switch error {
        case ScriptError.exception(let exception): report(.uncaughtException(exception, origin: origin))
        case ScriptError.executionTimeLimitExceeded(let limit): report(.executionTimeLimitExceeded(origin: origin, limit: limit))
        case ScriptError.contextReleased: break
        default: logger.error("\(origin) failed: \(error)")
        }
    }

    func reportUnhandledRejection(_ reason: JSValueRef) {
        let exception = ExceptionReader(ctx: globalContext, names: runtime.names).read(reason)
        report(.unhandledRejection(exception))
    }

    // MARK: Idle tracking

    var pendingWork: PendingWork {
        PendingWork(timers: timers.count, bridgeCalls: pendingCalls.count, awaitedPromises: promiseWaiters.count)
    }

    /// Settles `signal` with true now if nothing is pending, else when that becomes so.
    /// Signals already settled elsewhere (deadline, cancellation) are dropped as new ones come.
    func whenIdle(_ signal: IdleSignal) {
        if isReleased || pendingWork.isIdle {
            signal.settle(true)
            return
        }
        idleWaiters.removeAll { $0.isSettled }
        idleWaiters.append(signal)
    }

    func checkIdle() {
        // Never while a script runs: `clearInterval(t); await JSBridge.call(…)` has nothing
        // pending between its two statements, yet it is not idle.
        guard !idleWaiters.isEmpty, entryDepth == 0 || isReleased, isReleased || pendingWork.isIdle else { return }
        let waiters = idleWaiters
        idleWaiters.removeAll()
        for waiter in waiters { waiter.settle(true) }
    }

    // MARK: Release

    /// Stops everything in flight and releases the JavaScript context. Idempotent.
    func tearDown() {
        executor.preconditionOnThread()
        guard !isReleased else { return }
        isReleased = true
        for timer in timers.values { timer.release(in: self) }
        timers.removeAll()
        for call in pendingCalls.values { call.release(in: self) }
        pendingCalls.removeAll()
        let waiters = promiseWaiters.values
        promiseWaiters.removeAll()
        for waiter in waiters { waiter.finish(.failure(.contextReleased), in: self) }
        if let eventDispatcher { JSValueUnprotect(globalContext, eventDispatcher) }
        if let thenFunction { JSValueUnprotect(globalContext, thenFunction) }
        if let mainModuleRunner { JSValueUnprotect(globalContext, mainModuleRunner) }
        mainModuleRunner = nil
        eventDispatcher = nil
        thenFunction = nil
        functionPrototype = nil
        nameCache.removeAll(ctx: globalContext)
        runtime.unregister(self)
        JSGlobalContextRelease(globalContext)
        checkIdle()
    }
}

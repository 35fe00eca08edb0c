// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// One isolated JavaScript global context, living on its runtime's thread.
///
/// An actor whose executor is the runtime thread: every method runs there, so JavaScript
/// values never cross threads; what comes back is a Sendable `JSONValue` or a `Decodable`.
/// Contexts of one runtime share a thread and a heap but see none of each other's globals.
///
/// ```swift
/// let runtime = JSRuntime()
/// let context = try await runtime.makeContext(.init(name: "demo"))
/// let sum = try await context.evaluate("1 + 2")          // .number(3)
/// try await context.release()
/// ```
public actor ScriptContext {
    private let core: LoopBound<ContextCore>
    /// Keeps the runtime (and its thread) alive as long as the context is.
    public nonisolated let runtime: JSRuntime
    /// Unique for the life of the process.
    public nonisolated let id: UInt64
    /// The configured name.
    public nonisolated let name: String
    /// Pushes events to this context's `JSBridge.on` listeners from any thread.
    public nonisolated let events: ScriptEventSink

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        runtime.executor.asUnownedSerialExecutor()
    }

    init(runtime: JSRuntime, core: LoopBound<ContextCore>, id: UInt64, name: String, events: ScriptEventSink) {
        self.runtime = runtime
        self.core = core
        self.id = id
        self.name = name
        self.events = events
    }

    deinit {
        let core = self.core
        runtime.executor.submit { core.value.tearDown() }
    }

    // MARK: Running scripts

    /// Runs a script and returns its completion value.
    ///
    /// - Parameters:
    ///   - sourceURL: the name shown in stack traces and `JSException.sourceURL`.
    ///   - line: the line number of the script's first line.
    /// - Throws: `ScriptError.exception` with message, stack and line when the script throws;
    ///   `.executionTimeLimitExceeded` when the watchdog stops it.
    @discardableResult
    public func evaluate(_ source: String, sourceURL: String? = nil, line: Int = 1) throws -> JSONValue {
        try core.value.evaluateJSON(source, sourceURL: sourceURL, line: line)
    }

    /// Runs a script whose completion value nobody reads (an app's entry script): no
    /// conversion, so a value JSON cannot hold (a cycle, a BigInt) is no error either.
    package func evaluateDiscardingValue(_ source: String, sourceURL: String? = nil) throws {
        _ = try core.value.evaluate(source, sourceURL: sourceURL, line: 1)
    }

    /// Runs code every context of the runtime runs the same (a framework's module definitions):
    /// its text is kept once per runtime, not once per context.
    func evaluateShared(_ source: String, sourceURL: String) throws {
        try core.value.evaluateShared(source, sourceURL: sourceURL)
    }

    /// Runs trusted framework code (e.g. the mini-program framework) before any app code.
    ///
    /// While it runs, the global `__hcFrameworkBridge` holds `{ call, callSync }`, which reach
    /// framework-only APIs (names starting with ``BridgeMethod/frameworkPrefix``) as well as the
    /// app's own; it is deleted when the evaluation ends, so the script must capture it then.
    /// `JSBridge.call` from app code answers "no such API" for framework-only names.
    public func evaluateFramework(_ source: String, sourceURL: String) throws {
        _ = try core.value.evaluateFramework(source, sourceURL: sourceURL)
    }

    /// Runs a script and decodes its completion value.
    public func evaluate<T: Decodable>(
        _ source: String, as type: T.Type, sourceURL: String? = nil, line: Int = 1
    ) throws -> T {
        try JSONValueDecoder().decode(type, from: evaluate(source, sourceURL: sourceURL, line: line))
    }

    /// Runs a file of the configured `ModuleSourceProvider` as the main module: it gets its
    /// own `require`, `module`, `exports`, `__filename`; ES `import`/`export` are rewritten.
    /// - Throws: `ScriptError.exception` (a syntax error or a missing module names the file and
    ///   line in `JSException.sourceURL`/`line`).
    public func runModule(_ path: String) throws {
        try core.value.runMainModule(path)
    }

    /// Runs a script; if its value is a promise, waits for it and returns what it settles to.
    @discardableResult
    public func evaluateAwaiting(
        _ source: String, sourceURL: String? = nil, line: Int = 1, timeout: Duration? = nil
    ) async throws -> JSONValue {
        let core = self.core.value
        guard let value = try core.evaluate(source, sourceURL: sourceURL, line: line) else { return .undefined }
        return try await awaitSettlement(of: value, what: sourceURL ?? "script", timeout: timeout)
    }

    /// Checks that a script parses, without running it. Throws `ScriptError.syntax`.
    public func checkSyntax(_ source: String, sourceURL: String? = nil, line: Int = 1) throws {
        try core.value.checkSyntax(source, sourceURL: sourceURL, line: line)
    }

    /// Calls the function at a dotted path (e.g. `"app.onLaunch"`) with `this` bound to its parent.
    @discardableResult
    public func call(_ functionPath: String, _ arguments: [JSONValue] = []) throws -> JSONValue {
        let core = self.core.value
        guard let value = try core.callFunction(functionPath, arguments) else { return .undefined }
        return try core.toJSON(value)
    }

    /// Calls a function and, if it returns a promise, waits for it (up to `timeout`).
    @discardableResult
    public func callAwaiting(
        _ functionPath: String, _ arguments: [JSONValue] = [], timeout: Duration? = nil
    ) async throws -> JSONValue {
        let core = self.core.value
        guard let value = try core.callFunction(functionPath, arguments) else { return .undefined }
        return try await awaitSettlement(of: value, what: functionPath, timeout: timeout)
    }

    /// `callAwaiting` for a caller that does not use the value (a lifecycle hook): the same
    /// wait, failures and timeout, without converting what the function returned or its promise
    /// fulfilled with.
    package func callAwaitingSettlement(
        _ functionPath: String, _ arguments: [JSONValue] = [], timeout: Duration? = nil
    ) async throws {
        let core = self.core.value
        guard let value = try core.callFunction(functionPath, arguments) else { return }
        _ = try await awaitSettlement(of: value, what: functionPath, timeout: timeout, convert: false)
    }

    /// Waits for `value` to settle (if it is a promise). Cancelling the calling task ends the
    /// wait with ``ScriptError/cancelled(what:)`` at once; the promise itself runs on.
    private func awaitSettlement(
        of value: JSValueRef, what: String, timeout: Duration?, convert: Bool = true
    ) async throws -> JSONValue {
        let core = self.core.value
        let handoff = SettlementHandoff()
        guard let id = core.awaitValue(value, what: what, timeout: timeout, convert: convert, completion: handoff.settle) else {
            return try await handoff.wait()
        }
        let weakCore = WeakLoopBound(core, executor: core.executor)
        return try await withTaskCancellationHandler {
            try await handoff.wait()
        } onCancel: {
            weakCore.submit { $0.cancelWaiter(id, what: what) }
        }
    }

    /// True if the dotted path names a function.
    public func hasFunction(_ functionPath: String) -> Bool {
        (try? core.value.lookupFunction(functionPath)) != nil
    }

    // MARK: Events and state

    /// Delivers an event to `JSBridge.on` listeners now; returns how many listeners ran.
    @discardableResult
    public func emit(_ event: String, _ payload: JSONValue = .null) throws -> Int {
        try core.value.emit(event: event, payload: payload)
    }

    /// Replaces the bridge dispatcher for the calls that follow (e.g. a dispatcher that needs
    /// this context's `events` sink, which exists only once the context does).
    public func setBridge(_ bridge: any BridgeDispatching) {
        core.value.bridge = bridge
    }

    /// Timers, bridge calls and awaited promises still in flight.
    public var pendingWork: PendingWork { core.value.pendingWork }

    /// Returns when nothing is pending (no timers, bridge calls or awaited promises), the
    /// context is released, or the calling task is cancelled. A repeating interval keeps a
    /// context busy until it is cleared: use ``waitUntilIdle(timeout:)`` where the app is not
    /// trusted to go idle.
    public func waitUntilIdle() async {
        let signal = IdleSignal()
        core.value.whenIdle(signal)
        _ = await signal.value
    }

    /// Like `waitUntilIdle()`, giving up after `timeout`; returns whether the context went idle.
    ///
    /// The deadline holds whatever the context does: an interval that never stops, a JavaScript
    /// thread stuck in one job (the registration then never runs, and the answer is false at the
    /// deadline), or cancellation of the caller (false at once).
    public nonisolated func waitUntilIdle(timeout: Duration) async -> Bool {
        let signal = IdleSignal()
        // Unstructured on purpose: the registration needs the context's thread, which may be
        // stuck; the caller must not wait for it. It only holds the signal.
        Task { await self.registerIdleSignal(signal) }
        let deadline = Task {
            try? await Task.sleep(for: timeout)
            signal.settle(false)
        }
        let idle = await signal.value
        deadline.cancel()
        return idle
    }

    private func registerIdleSignal(_ signal: IdleSignal) {
        core.value.whenIdle(signal)
    }

    /// True once `release()` ran or the runtime shut down.
    public var isReleased: Bool { core.value.isReleased }

    /// Cancels timers and pending calls and frees the JavaScript context. Idempotent.
    public func release() {
        core.value.tearDown()
    }
}

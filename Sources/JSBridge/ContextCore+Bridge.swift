// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// An asynchronous bridge call waiting for its handler. Its promise functions stay
/// protected until it settles; it settles exactly once (removal from `pendingCalls`).
struct PendingBridgeCall {
    let api: String
    /// The promise `JSBridge.call` returned (for `JSBridge.abort`).
    let promise: JSObjectRef
    let resolve: JSObjectRef
    let reject: JSObjectRef
    var timeout: TimerQueue.Handle = 0
    var task: Task<Void, Never>?
    /// The handler runs off the runtime thread, which expects its result.
    var offThread = false

    func release(in core: ContextCore) {
        task?.cancel()
        if offThread { core.executor.resultArrived() }
        core.executor.cancel(timeout)
        JSValueUnprotect(core.globalContext, promise)
        JSValueUnprotect(core.globalContext, resolve)
        JSValueUnprotect(core.globalContext, reject)
    }
}

extension ContextCore {
    /// `JSBridge.call(name, params?, callback?)` → Promise. `framework` is true only for the
    /// framework channel (``ScriptContext/evaluateFramework(_:sourceURL:)``), the one way to reach
    /// framework-only APIs (``BridgeMethod/frameworkPrefix``).
    func bridgeCall(_ args: NativeFunction.Arguments, framework: Bool = false) throws -> JSValueRef? {
        let ctx = globalContext
        var resolve: JSObjectRef?
        var reject: JSObjectRef?
        guard let promise = JSObjectMakeDeferredPromise(ctx, &resolve, &reject, nil), let resolve, let reject else {
            throw NativeFunctionError.type("JSBridge.call: could not create a promise")
        }
        if let callback = args.function(2) {
            // The callback gets the result or the {error, errorMessage} object, asynchronously;
            // attaching it also marks the promise's rejection as handled.
            try attach(to: promise, onFulfilled: callback, onRejected: callback)
        }
        let entry: MethodCache.Entry
        let params: JSONValue
        do {
            entry = try resolveAPI(args[0], function: "JSBridge.call", framework: framework)
        } catch let error as BridgeError {
            let name = JSValueIsString(ctx, args[0]) ? ((try? converter.string(args[0])) ?? "") : ""
            settle(resolve: resolve, reject: reject, api: name, outcome: .failure(error))
            return promise
        }
        do {
            params = try parameters(args, api: entry.api)
        } catch let error as BridgeError {
            settle(resolve: resolve, reject: reject, api: entry.api, outcome: .failure(error))
            return promise
        }
        let api = entry.api
        let method = entry.method
        let request = BridgeRequest(api: api, params: params, caller: caller)
        switch method.kind {
        case .sync(let handler):
            let outcome: Result<JSONValue, BridgeError>
            do { outcome = .success(try handler(request)) } catch { outcome = .failure(BridgeError(wrapping: error)) }
            settle(resolve: resolve, reject: reject, api: api, outcome: outcome)
        case .async(let handler, let placement):
            startAsyncCall(
                request, handler: handler, placement: placement,
                timeout: method.timeout ?? configuration.callTimeout, promise: promise, resolve: resolve, reject: reject)
        }
        return promise
    }

    /// `JSBridge.callSync(name, params?)` → the result, or throws the `{error, errorMessage}` error.
    func bridgeCallSync(_ args: NativeFunction.Arguments, framework: Bool = false) throws -> JSValueRef? {
        do {
            let entry = try resolveAPI(args[0], function: "JSBridge.callSync", framework: framework)
            guard let handler = entry.syncHandler else {
                throw BridgeError(.noSuchAPI, "\(entry.api) is asynchronous: use JSBridge.call")
            }
            // No second argument: the entry's request, passed borrowed from the entry (two call
            // sites, so it is not copied into a local first).
            let result: JSONValue
            do {
                if args.count < 2 {
                    result = try handler(entry.bareRequest)
                } else {
                    result = try handler(BridgeRequest(api: entry.api, params: try parameters(args, api: entry.api), caller: caller))
                }
            } catch {
                // (A parameters error is already a BridgeError, which wrapping keeps as it is.)
                throw BridgeError(wrapping: error)
            }
            if case .undefined = result { return runtime.undefinedValue }
            return converter.jsValue(result)
        } catch let error as BridgeError {
            let api = (try? converter.string(args[0])) ?? ""
            throw NativeFunctionError.Thrown(value: makeErrorValue(error, api: api))
        }
    }

    /// The API name's cache entry: from the identity cache or the method cache when this name
    /// resolved before, else through the dispatcher (and then cached).
    private func resolveAPI(_ name: JSValueRef, function: String, framework: Bool) throws -> MethodCache.Entry {
        let ctx = globalContext
        if let entry = nameCache.lookup(name) {
            if entry.frameworkOnly && !framework { throw BridgeError(.noSuchAPI, "no such API: \(entry.api)") }
            return entry
        }
        guard JSValueIsString(ctx, name), let jsString = JSValueToStringCopy(ctx, name, nil) else {
            throw BridgeError(.invalidParameters, "\(function): the API name must be a non-empty string")
        }
        defer { JSStringRelease(jsString) }
        let length = JSStringGetLength(jsString)
        guard length > 0, let pointer = JSStringGetCharactersPtr(jsString) else {
            throw BridgeError(.invalidParameters, "\(function): the API name must be a non-empty string")
        }
        let characters = UnsafeBufferPointer(start: pointer, count: length)
        let hash = MethodCache.hash(characters)
        if let entry = methodCache.lookup(characters, hash: hash) {
            nameCache.insert(name, entry, ctx: ctx)
            // App code is told framework-only APIs do not exist, exactly as for unknown names.
            if entry.frameworkOnly && !framework { throw BridgeError(.noSuchAPI, "no such API: \(entry.api)") }
            return entry
        }
        let api = String(decoding: characters, as: UTF16.self)
        let frameworkOnly = api.hasPrefix(BridgeMethod.frameworkPrefix)
        if frameworkOnly && !framework { throw BridgeError(.noSuchAPI, "no such API: \(api)") }
        let method = try resolveMethod(api)
        let entry = methodCache.insert(
            characters, hash: hash, api: api, method: method, frameworkOnly: frameworkOnly, caller: caller)
        nameCache.insert(name, entry, ctx: ctx)
        return entry
    }

    private func resolveMethod(_ api: String) throws -> BridgeMethod {
        switch bridge.resolve(api: api, caller: caller) {
        case .method(let method): return method
        case .notFound: throw BridgeError(.noSuchAPI, "no such API: \(api)")
        case .denied(let reason):
            logger.notice("refused call to \(api): \(reason)")
            throw BridgeError(.noPermission, "no permission to call \(api): \(reason)")
        }
    }

    private func parameters(_ args: NativeFunction.Arguments, api: String) throws -> JSONValue {
        // (No second argument: no JavaScriptCore call to ask whether it is undefined.)
        guard args.count >= 2, args.isPresent(1) else { return .emptyObject }
        do {
            return try converter.jsonValue(args[1])
        } catch {
            throw BridgeError(.invalidParameters, "\(api): parameters cannot cross the bridge: \(error)")
        }
    }

    private func startAsyncCall(
        _ request: BridgeRequest, handler: @escaping BridgeMethod.AsyncHandler, placement: BridgeMethod.Placement,
        timeout: Duration,
        promise: JSObjectRef, resolve: JSObjectRef, reject: JSObjectRef
    ) {
        let id = nextCallID
        nextCallID += 1
        JSValueProtect(globalContext, promise)
        JSValueProtect(globalContext, resolve)
        JSValueProtect(globalContext, reject)
        var pending = PendingBridgeCall(api: request.api, promise: promise, resolve: resolve, reject: reject)
        pending.timeout = executor.schedule(after: timeout) { [weak self] in
            self?.finishCall(id, .failure(BridgeError(.timeout, "\(request.api) did not answer within \(timeout)")))
        }
        let target = WeakLoopBound(self, executor: executor)
        let work: @Sendable () async -> Void = {
            let outcome: Result<JSONValue, BridgeError>
            do { outcome = .success(try await handler(request)) } catch { outcome = .failure(BridgeError(wrapping: error)) }
            if target.executor.isOnThread {
                target.value?.finishCall(id, outcome)
            } else {
                target.submit { core in core.finishCall(id, outcome) }
            }
        }
        pending.offThread = placement == .concurrent
        switch placement {
        case .concurrent:
            executor.expectResult()
            pending.task = Task(executorPreference: HandlerExecutor.shared, operation: work)
        case .runtimeThread: pending.task = Task(executorPreference: executor, operation: work)
        }
        pendingCalls[id] = pending
    }

    /// `JSBridge.abort(promise)`: settles the pending call that returned `promise` with code 9
    /// (aborted) and cancels its handler's task (an HTTP request stops). Returns whether a
    /// pending call was found (false for a settled call or any other value).
    func abortCall(_ args: NativeFunction.Arguments) -> JSValueRef? {
        let target = args[0]
        guard JSValueIsObject(globalContext, target),
            let id = pendingCalls.first(where: { JSValueIsStrictEqual(globalContext, $0.value.promise, target) })?.key
        else { return JSValueMakeBoolean(globalContext, false) }
        let api = pendingCalls[id]?.api ?? "call"
        finishCall(id, .failure(BridgeError(.aborted, "\(api): aborted")))
        return JSValueMakeBoolean(globalContext, true)
    }

    /// Settles a pending call if it is still pending (the first of result, timeout or release wins).
    func finishCall(_ id: UInt64, _ outcome: Result<JSONValue, BridgeError>) {
        guard let pending = pendingCalls.removeValue(forKey: id) else { return }
        if pending.offThread { executor.resultArrived() }
        if case .failure(let error) = outcome, error.code == .timeout || error.code == .aborted { pending.task?.cancel() }
        executor.cancel(pending.timeout)
        settle(resolve: pending.resolve, reject: pending.reject, api: pending.api, outcome: outcome)
        JSValueUnprotect(globalContext, pending.promise)
        JSValueUnprotect(globalContext, pending.resolve)
        JSValueUnprotect(globalContext, pending.reject)
        checkIdle()
    }

    private func settle(resolve: JSObjectRef, reject: JSObjectRef, api: String, outcome: Result<JSONValue, BridgeError>) {
        do {
            try enter(origin: "JSBridge.call(\(api)) settlement") { exception in
                var value: JSValueRef?
                let function: JSObjectRef
                switch outcome {
                case .success(let result):
                    value = converter.jsValue(result)
                    function = resolve
                case .failure(let error):
                    value = makeErrorValue(error, api: api)
                    function = reject
                }
                _ = JSObjectCallAsFunction(globalContext, function, nil, 1, &value, &exception)
            }
        } catch {
            reportFailure(error, origin: "JSBridge.call(\(api)) settlement")
        }
    }

    /// An `Error` whose `error`/`errorMessage` follow DESIGN §3 (and `api` names the call).
    func makeErrorValue(_ error: BridgeError, api: String) -> JSValueRef {
        let ctx = globalContext
        var message: JSValueRef? = JSStringConversion.with(error.message) { JSValueMakeString(ctx, $0) }
        // nil while the watchdog's termination is pending: the plain message has to do.
        guard let object = JSObjectMakeError(ctx, 1, &message, nil) else { return message ?? JSValueMakeUndefined(ctx) }
        let names = runtime.names
        let attributes = JSPropertyAttributes(kJSPropertyAttributeNone)
        JSStringConversion.with("JSBridgeError") {
            JSObjectSetProperty(ctx, object, names.name, JSValueMakeString(ctx, $0), attributes, nil)
        }
        JSObjectSetProperty(ctx, object, names.error, JSValueMakeNumber(ctx, Double(error.code.rawValue)), attributes, nil)
        JSObjectSetProperty(ctx, object, names.errorMessage, message, attributes, nil)
        JSStringConversion.with(api) { JSObjectSetProperty(ctx, object, names.api, JSValueMakeString(ctx, $0), attributes, nil) }
        return object
    }
}

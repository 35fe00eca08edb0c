// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// The host awaiting a promise: finished once, by settlement, timeout or release.
struct PromiseWaiter {
    let completion: (Result<JSONValue, ScriptError>) -> Void
    var timeout: TimerQueue.Handle?

    func finish(_ result: Result<JSONValue, ScriptError>, in core: ContextCore) {
        if let timeout { core.executor.cancel(timeout) }
        completion(result)
    }
}

extension ContextCore {
    /// Completes with the value, or — if it is a thenable — with what it settles to. Returns the
    /// waiter's ID while it waits (for ``cancelWaiter(_:what:)``), nil if it completed at once.
    /// With `convert` false, a success completes with `.undefined` (the caller ignores the value).
    @discardableResult
    func awaitValue(
        _ value: JSValueRef, what: String, timeout: Duration?, convert: Bool = true,
        completion: @escaping (Result<JSONValue, ScriptError>) -> Void
    ) -> UInt64? {
        guard let promise = isThenable(value) else {
            guard convert else {
                completion(.success(.undefined))
                return nil
            }
            completion(Result { try toJSON(value) }.mapError { $0 as? ScriptError ?? .valueConversion("\($0)") })
            return nil
        }
        let id = nextWaiterID
        nextWaiterID += 1
        var waiter = PromiseWaiter(completion: completion)
        if let timeout {
            waiter.timeout = executor.schedule(after: timeout) { [weak self] in
                self?.finishWaiter(id, .failure(.timedOut(what: what, after: timeout)))
            }
        }
        promiseWaiters[id] = waiter
        let onFulfilled = makeNativeFunction { [unowned self] _, args in
            let result =
                convert
                ? Result { try self.converter.jsonValue(args[0]) }.mapError { $0 as? ScriptError ?? .valueConversion("\($0)") }
                : .success(.undefined)
            self.finishWaiter(id, result)
            return nil
        }
        let onRejected = makeNativeFunction { [unowned self] _, args in
            let exception = ExceptionReader(ctx: self.globalContext, names: self.runtime.names).read(args[0])
            self.finishWaiter(id, .failure(.exception(exception)))
            return nil
        }
        do {
            try attach(to: promise, onFulfilled: onFulfilled, onRejected: onRejected)
        } catch {
            finishWaiter(id, .failure(error as? ScriptError ?? .valueConversion("\(error)")))
        }
        return promiseWaiters[id] == nil ? nil : id
    }

    /// Ends a waiter with `.cancelled` (its task was cancelled); nothing if it already ended.
    func cancelWaiter(_ id: UInt64, what: String) {
        finishWaiter(id, .failure(.cancelled(what: what)))
    }

    private func finishWaiter(_ id: UInt64, _ result: Result<JSONValue, ScriptError>) {
        guard let waiter = promiseWaiters.removeValue(forKey: id) else { return }
        waiter.finish(result, in: self)
        checkIdle()
    }
}

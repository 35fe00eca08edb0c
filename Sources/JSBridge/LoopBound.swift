// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Carries a value that belongs to the runtime thread across a Sendable boundary.
///
/// Like swift-nio's `NIOLoopBound`: anyone may hold it, only the runtime thread may open it,
/// which is checked by a precondition.
///
/// `@unchecked Sendable`: the value is only reachable through `value`, whose precondition
/// proves we are on the one thread that owns it.
struct LoopBound<Value>: @unchecked Sendable {
    private let storage: Value
    let executor: RuntimeExecutor

    init(_ value: Value, executor: RuntimeExecutor) {
        executor.preconditionOnThread()
        self.storage = value
        self.executor = executor
    }

    var value: Value {
        executor.preconditionOnThread()
        return storage
    }
}

/// A weak reference to thread-bound state, for work that may arrive after the state is gone.
///
/// `@unchecked Sendable`: as `LoopBound`, the reference is only read on the runtime thread.
struct WeakLoopBound<Value: AnyObject>: @unchecked Sendable {
    private weak var storage: Value?
    let executor: RuntimeExecutor

    init(_ value: Value, executor: RuntimeExecutor) {
        executor.preconditionOnThread()
        self.storage = value
        self.executor = executor
    }

    var value: Value? {
        executor.preconditionOnThread()
        return storage
    }

    /// Runs `body` with the value on the runtime thread, if the value still exists then.
    func submit(_ body: @escaping @Sendable (Value) -> Void) {
        executor.submit {
            if let value = self.value { body(value) }
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A value that one thread (a runtime thread) reads on a hot path and rarely replaces.
///
/// Held by a `let`, its storage is memory this object allocated: reading it costs a load, not
/// the dynamic exclusivity check (a thread-local lookup) that reading a class's `var` costs.
/// Only the owning thread may read or write it; that confinement is what makes it safe.
final class RuntimeThreadCell<Value> {
    private let storage = UnsafeMutablePointer<Value>.allocate(capacity: 1)

    init(_ value: Value) { storage.initialize(to: value) }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    var value: Value {
        get { storage.pointee }
        set { storage.pointee = newValue }
    }
}

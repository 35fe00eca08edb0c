// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// The last few API names seen, by the identity of their JavaScript string: a name written as a
/// literal (`JSBridge.callSync('noop')`) is the same string cell on every call, so a hit costs a
/// pointer comparison instead of copying and hashing the characters (``MethodCache``).
///
/// Each cached name is protected from garbage collection while cached, so its address cannot be
/// reused by another string; evicted names are unprotected. Confined to the runtime thread.
///
/// The slots live in memory this object allocates once, not in Swift arrays held by a `var`:
/// a lookup runs on every bridge call, and reading a class's `var` costs a dynamic exclusivity
/// check (a thread-local lookup) each time. Confinement to one thread is what makes that safe.
final class NameIdentityCache {
    static let slots = 8
    private let names = UnsafeMutablePointer<JSValueRef?>.allocate(capacity: NameIdentityCache.slots)
    private let entries = UnsafeMutablePointer<MethodCache.Entry?>.allocate(capacity: NameIdentityCache.slots)
    private let next = UnsafeMutablePointer<Int>.allocate(capacity: 1)

    init() {
        names.initialize(repeating: nil, count: Self.slots)
        entries.initialize(repeating: nil, count: Self.slots)
        next.initialize(to: 0)
    }

    deinit {
        names.deallocate()
        entries.deinitialize(count: Self.slots)
        entries.deallocate()
        next.deallocate()
    }

    func lookup(_ name: JSValueRef) -> MethodCache.Entry? {
        for index in 0..<Self.slots where names[index] == name { return entries[index] }
        return nil
    }

    func insert(_ name: JSValueRef, _ entry: MethodCache.Entry, ctx: JSContextRef) {
        let slot = next.pointee
        if let evicted = names[slot] { JSValueUnprotect(ctx, evicted) }
        JSValueProtect(ctx, name)
        names[slot] = name
        entries[slot] = entry
        next.pointee = (slot + 1) % Self.slots
    }

    /// Unprotects every cached name (the context must still be alive) and empties the cache.
    func removeAll(ctx: JSContextRef) {
        for index in 0..<Self.slots {
            if let name = names[index] { JSValueUnprotect(ctx, name) }
            names[index] = nil
            entries[index] = nil
        }
        next.pointee = 0
    }
}

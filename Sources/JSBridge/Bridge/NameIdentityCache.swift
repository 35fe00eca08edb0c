// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// The last few API names seen, by the identity of their JavaScript string: a name written as a
/// literal (`JSBridge.callSync('noop')`) is the same string cell on every call, so a hit costs a
/// pointer comparison instead of copying and hashing the characters (``MethodCache``).
///
/// Each cached name is protected from garbage collection while cached, so its address cannot be
/// reused by another string; evicted names are unprotected. Confined to the runtime thread.
struct NameIdentityCache {
    private var names: [JSValueRef?] = Array(repeating: nil, count: Self.slots)
    private var entries: [MethodCache.Entry?] = Array(repeating: nil, count: Self.slots)
    private var next = 0
    static let slots = 8

    func lookup(_ name: JSValueRef) -> MethodCache.Entry? {
        for index in 0..<Self.slots where names[index] == name { return entries[index] }
        return nil
    }

    mutating func insert(_ name: JSValueRef, _ entry: MethodCache.Entry, ctx: JSContextRef) {
        if let evicted = names[next] { JSValueUnprotect(ctx, evicted) }
        JSValueProtect(ctx, name)
        names[next] = name
        entries[next] = entry
        next = (next + 1) % Self.slots
    }

    mutating func removeAll(ctx: JSContextRef) {
        for case let name? in names { JSValueUnprotect(ctx, name) }
        names = Array(repeating: nil, count: Self.slots)
        entries = Array(repeating: nil, count: Self.slots)
        next = 0
    }
}

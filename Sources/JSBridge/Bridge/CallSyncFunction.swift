// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

#if canImport(Glibc)
import Glibc
#endif

/// `JSBridge.callSync` as a plain JavaScriptCore callback function
/// (`JSObjectMakeFunctionWithCallback`), not an object of a callable class: JavaScriptCore calls
/// such functions on a shorter path (measured on this machine: ≈58 ns against ≈83 ns for a
/// callable-class object doing nothing, from the same JavaScript loop), the hottest path of the bridge.
///
/// A callback function has no private data, so the call finds its context from the context
/// reference JavaScriptCore passes: the runtime whose thread this is (a thread-local set when
/// the runtime starts) looks it up, behind a one-entry cache.
enum CallSyncFunction {
    /// Makes the function in `ctx`.
    static func make(in ctx: JSGlobalContextRef) -> JSObjectRef {
        JSStringConversion.with("callSync") { name in
            JSObjectMakeFunctionWithCallback(ctx, name) { ctx, _, _, count, arguments, exception in
                guard let ctx else { return nil }
                guard let context = CurrentRuntime.core?._withUnsafeGuaranteedRef({ $0.callSyncContext(ctx) }) else {
                    exception?.pointee = NativeFunctionError.makeJSError(ctx, from: ScriptError.contextReleased)
                    return nil
                }
                do {
                    let args = NativeFunction.Arguments(ctx: ctx, buffer: UnsafeBufferPointer(start: arguments, count: count))
                    // Borrowed: the context is registered (alive) while its code runs.
                    return try context._withUnsafeGuaranteedRef { try $0.bridgeCallSync(args) } ?? JSValueMakeUndefined(ctx)
                } catch {
                    exception?.pointee = NativeFunctionError.makeJSError(ctx, from: error)
                    return nil
                }
            }!
        }
    }
}

/// The `RuntimeCore` of the runtime thread the caller is on (nil on any other thread), for
/// callbacks JavaScriptCore gives no private data. Unretained: set by the runtime on its thread
/// when it starts and cleared when it shuts down; JavaScript runs only in between.
enum CurrentRuntime {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "pthread_key_create failed")
        return key
    }()

    /// Unretained (the runtime outlives its thread's JavaScript; no retain on the hot path).
    static var core: Unmanaged<RuntimeCore>? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<RuntimeCore>.fromOpaque(raw)
    }

    /// Sets (or with nil clears) the calling thread's runtime.
    static func set(_ core: RuntimeCore?) {
        pthread_setspecific(key, core.map { Unmanaged.passUnretained($0).toOpaque() })
    }
}

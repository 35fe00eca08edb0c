// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// `JSBridge.callSync` as its own callable class: its private data is the context itself, so
/// a call goes from JavaScriptCore straight to ``ContextCore/bridgeCallSync(_:framework:)``,
/// without the closure box every other native function has (one indirect call and one closure
/// context fewer on the hottest path of the bridge).
///
/// The pointer is not retained. Safe for the same reason the boxed `JSBridge.call` closure holds
/// its context `unowned(unsafe)`: the object lives only in this context's global, and no
/// JavaScript of the context runs after `tearDown`, which happens before the context goes away.
enum CallSyncFunction {
    static func makeClass() -> JSClassRef {
        NativeFunction.makeCallableClass { ctx, function, _, count, arguments, exception in
            guard let ctx, let function, let raw = JSObjectGetPrivate(function) else { return nil }
            do {
                let args = NativeFunction.Arguments(ctx: ctx, buffer: UnsafeBufferPointer(start: arguments, count: count))
                return try Unmanaged<ContextCore>.fromOpaque(raw)._withUnsafeGuaranteedRef { try $0.bridgeCallSync(args) }
                    ?? JSValueMakeUndefined(ctx)
            } catch {
                exception?.pointee = NativeFunctionError.makeJSError(ctx, from: error)
                return nil
            }
        }
    }
}

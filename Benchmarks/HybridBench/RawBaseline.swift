// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

/// Baselines measured with the raw JavaScriptCore C API, in the same process as our figures.
/// This target is the one place outside JSBridge that touches JSC, and only to measure it.
enum RawBaseline {
    /// Nanoseconds per call of a `JSObjectMakeFunctionWithCallback` no-op from a JS loop.
    static func rawCallbackNanos(iterations: Int) -> Double {
        let ctx = JSGlobalContextCreate(nil)!
        defer { JSGlobalContextRelease(ctx) }
        let name = JSStringCreateWithUTF8CString("rawNoop")
        let function = JSObjectMakeFunctionWithCallback(ctx, name, { ctx, _, _, _, _, _ in JSValueMakeUndefined(ctx) })
        JSObjectSetProperty(ctx, JSContextGetGlobalObject(ctx), name, function, 0, nil)
        JSStringRelease(name)
        return timeLoop(ctx, body: "rawNoop()", iterations: iterations)
    }

    /// Nanoseconds per iteration of a loop whose body is `body`, in a raw context.
    static func timeLoop(_ ctx: JSGlobalContextRef, body: String, iterations: Int) -> Double {
        let source = "for (let i = 0; i < \(iterations); i++) { \(body); }"
        let script = JSStringCreateWithUTF8CString(source)
        defer { JSStringRelease(script) }
        _ = JSEvaluateScript(ctx, script, nil, nil, 1, nil)  // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        _ = JSEvaluateScript(ctx, script, nil, nil, 1, nil)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations)
    }
}

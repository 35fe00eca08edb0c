// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Pushes events from native code to one context's `JSBridge.on(event, handler)` listeners.
///
/// Safe to use from any thread; the event is delivered on the runtime thread after the work
/// already queued. Events sent after the context is released are dropped.
public final class ScriptEventSink: AppEventSink {
    private let target: WeakLoopBound<ContextCore>

    init(target: WeakLoopBound<ContextCore>) {
        self.target = target
    }

    /// Delivers `event` with `payload` to the context's listeners (fire and forget).
    public func emit(_ event: String, _ payload: JSONValue = .null) {
        target.submit { core in
            _ = try? core.emit(event: event, payload: payload)
        }
    }

    /// Delivers `event`, then calls `delivered` on the runtime thread once the listeners ran.
    public func emit(_ event: String, _ payload: JSONValue, delivered: @escaping @Sendable () -> Void) {
        target.submit { core in
            _ = try? core.emit(event: event, payload: payload)
            delivered()
        }
    }
}

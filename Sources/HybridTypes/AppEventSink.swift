// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Pushes events from native code to one app's `JSBridge.on(event, handler)` listeners.
///
/// The runtime's sink delivers on the app's JavaScript thread, after the work already queued;
/// a test sink records them. Sending is fire-and-forget and never blocks.
public protocol AppEventSink: Sendable {
    /// Delivers `event` with `payload` to the app's listeners.
    func emit(_ event: String, _ payload: JSONValue)
}

extension AppEventSink {
    /// Delivers `event` with a `null` payload.
    public func emit(_ event: String) { emit(event, .null) }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Pushes events from native code to one app's `JSBridge.on(event, handler)` listeners.
///
/// The runtime's sink delivers on the app's JavaScript thread, after the work already queued;
/// a test sink records them. Sending is fire-and-forget and never blocks.
public protocol AppEventSink: Sendable {
    /// Delivers `event` with `payload` to the app's listeners.
    func emit(_ event: String, _ payload: JSONValue)

    /// Delivers `event` and calls `delivered` (on any thread) once the app's listeners have run
    /// or the event was dropped; a producer that must not outrun the app (a socket's messages)
    /// sends its next event then. Never called if the app ends first.
    func emit(_ event: String, _ payload: JSONValue, delivered: @escaping @Sendable () -> Void)
}

extension AppEventSink {
    /// Delivers `event` with a `null` payload.
    public func emit(_ event: String) { emit(event, .null) }

    /// For sinks that cannot tell when listeners ran: the event counts as delivered once sent.
    public func emit(_ event: String, _ payload: JSONValue, delivered: @escaping @Sendable () -> Void) {
        emit(event, payload)
        delivered()
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// An app's event sink from before its context exists.
///
/// Plugins get the app's `AppHandle` (and run `setUp`) before the launch job adopts a context;
/// events they send by then are held, up to ``heldLimit``, and passed on in order when the
/// context is attached. Afterwards every event goes straight to the context's sink.
final class LateEventSink: AppEventSink {
    private struct State {
        var target: ScriptEventSink?
        var held: [(event: String, payload: JSONValue, delivered: (@Sendable () -> Void)?)] = []
    }

    /// Events held before the context exists; later ones are dropped.
    static let heldLimit = 1024

    private let state = Mutex(State())

    func emit(_ event: String, _ payload: JSONValue) {
        send(event, payload, delivered: nil)
    }

    func emit(_ event: String, _ payload: JSONValue, delivered: @escaping @Sendable () -> Void) {
        send(event, payload, delivered: delivered)
    }

    private func send(_ event: String, _ payload: JSONValue, delivered: (@Sendable () -> Void)?) {
        // Under the lock, so an event sent while the held ones are passed on cannot overtake them
        // (the context's sink only enqueues; it never calls back).
        let dropped = state.withLock { state -> Bool in
            if let target = state.target {
                Self.pass(event, payload, delivered, to: target)
            } else if state.held.count < Self.heldLimit {
                state.held.append((event, payload, delivered))
            } else {
                return true
            }
            return false
        }
        if dropped { delivered?() }
    }

    private static func pass(
        _ event: String, _ payload: JSONValue, _ delivered: (@Sendable () -> Void)?, to target: ScriptEventSink
    ) {
        if let delivered { target.emit(event, payload, delivered: delivered) } else { target.emit(event, payload) }
    }

    /// From now on events go to `target`; the held ones first.
    func attach(_ target: ScriptEventSink) {
        state.withLock { state in
            state.target = target
            for (event, payload, delivered) in state.held { Self.pass(event, payload, delivered, to: target) }
            state.held = []
        }
    }
}

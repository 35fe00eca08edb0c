// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// Messages (and their bytes) one app's sockets have handed to the app and it has not handled
/// yet. A socket takes a share before it emits a message and gives it back when the app's
/// listeners have run; a socket refused a share waits (and stops reading) until one is given back.
final class DeliveryBudget: Sendable {
    private struct State {
        var messages = 0
        var bytes = 0
        /// Sockets waiting for a share, woken (once each) when one is given back.
        var waiting: [ObjectIdentifier: @Sendable () -> Void] = [:]
    }

    private let maximumMessages: Int
    private let maximumBytes: Int
    private let state = Mutex(State())

    init(maximumMessages: Int, maximumBytes: Int) {
        self.maximumMessages = max(1, maximumMessages)
        self.maximumBytes = max(1, maximumBytes)
    }

    /// Takes a share for a message of `bytes`; when refused, `waiter` is called once a share is
    /// given back (under `key`, replacing an earlier waiter of the same socket). A message
    /// alone always fits, however large: the message limit bounds it.
    func take(_ bytes: Int, key: ObjectIdentifier, waiter: @escaping @Sendable () -> Void) -> Bool {
        state.withLock { state in
            let fits = state.messages == 0 || (state.messages < maximumMessages && state.bytes + bytes <= maximumBytes)
            guard fits else {
                state.waiting[key] = waiter
                return false
            }
            state.messages += 1
            state.bytes += bytes
            return true
        }
    }

    /// Gives back the share of a handled message and wakes the waiting sockets.
    func giveBack(_ bytes: Int) {
        let waiting = state.withLock { state in
            state.messages -= 1
            state.bytes -= bytes
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for wake in waiting { wake() }
    }

    /// A closed socket stops waiting.
    func forget(_ key: ObjectIdentifier) {
        state.withLock { state in _ = state.waiting.removeValue(forKey: key) }
    }
}

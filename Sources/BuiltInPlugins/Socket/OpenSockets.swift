// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// The sockets of every app, by instance and `socketId`, with each app's delivery budget. A
/// slot is taken at connect and freed when the connection has ended, however it ended.
final class OpenSockets: Sendable {
    private struct App {
        var sockets: [Int: SocketConnection?] = [:]
        var budget: DeliveryBudget
    }

    private let limits: SocketLimits
    private let state = Mutex<[UInt64: App]>([:])

    init(limits: SocketLimits) {
        self.limits = limits
    }

    /// Takes the slot `id` of `app`; nil when the app holds its limit or `id` is in use.
    func reserve(_ id: Int, for app: UInt64) -> DeliveryBudget? {
        state.withLock { state in
            var entry =
                state[app]
                ?? App(
                    budget: DeliveryBudget(
                        maximumMessages: limits.maximumUndeliveredPerApp, maximumBytes: limits.maximumUndeliveredBytesPerApp))
            guard entry.sockets[id] == nil, entry.sockets.count < limits.maximumSocketsPerApp else { return nil }
            entry.sockets[id] = .some(nil)
            state[app] = entry
            return entry.budget
        }
    }

    /// Puts the connection in its slot; false when the slot is gone (ended already, or the app).
    func attach(_ connection: SocketConnection, _ id: Int, for app: UInt64) -> Bool {
        state.withLock { state in
            guard state[app]?.sockets[id] != nil else { return false }
            state[app]?.sockets[id] = .some(connection)
            return true
        }
    }

    func socket(_ id: Int, for app: UInt64) -> SocketConnection? {
        state.withLock { $0[app]?.sockets[id] ?? nil }
    }

    /// Frees the slot.
    func remove(_ id: Int, for app: UInt64) {
        state.withLock { state in _ = state[app]?.sockets.removeValue(forKey: id) }
    }

    /// The app ended: its sockets, to drop.
    func removeAll(of app: UInt64) -> [SocketConnection] {
        state.withLock { state in (state.removeValue(forKey: app)?.sockets ?? [:]).values.compactMap { $0 } }
    }
}

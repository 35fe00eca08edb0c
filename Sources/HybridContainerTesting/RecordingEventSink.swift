// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// An event sink that records what a plugin pushes to its app (`app.events.emit`).
public final class RecordingEventSink: AppEventSink {
    /// One pushed event.
    public struct Event: Sendable, Hashable {
        public let name: String
        public let payload: JSONValue
    }

    private let recorded = Mutex<[Event]>([])

    /// An empty recorder.
    public init() {}

    public func emit(_ event: String, _ payload: JSONValue) {
        recorded.withLock { $0.append(Event(name: event, payload: payload)) }
    }

    /// Everything emitted so far, in order.
    public var events: [Event] { recorded.withLock { $0 } }

    /// The payloads emitted under `name`, in order.
    public func payloads(of name: String) -> [JSONValue] { events.filter { $0.name == name }.map(\.payload) }
}

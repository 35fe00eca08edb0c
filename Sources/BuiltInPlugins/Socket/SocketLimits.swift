// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// What one app's WebSockets may cost the host, whatever the server does.
///
/// A message is bounded as a whole (its fragments together), not only frame by frame; what
/// arrives faster than the app handles it waits in a small queue, and past that the socket stops
/// reading (TCP pushes back on the server); a server that never answers the upgrade or the
/// closing handshake loses the connection after a deadline, which frees the app's slot.
public struct SocketLimits: Sendable, Hashable {
    /// Open (or connecting) sockets an app may hold at once.
    public var maximumSocketsPerApp = 5
    /// The largest message accepted from a server, all its fragments together, in bytes; a
    /// larger one fails the connection with 1009 (message too big).
    public var maximumMessageBytes = 1 << 20
    /// The most fragments one message may arrive in (more fails the connection with 1009).
    public var maximumFragmentsPerMessage = 4096
    /// From connecting to the server's `101 Switching Protocols`.
    public var upgradeTimeout: Duration = .seconds(10)
    /// From sending a close frame to the server's answer; then the connection is dropped.
    public var closeTimeout: Duration = .seconds(3)
    /// Messages of one socket handed to the app and not yet handled by it; more wait unread.
    public var maximumUndeliveredPerSocket = 16
    /// Messages of all of an app's sockets handed to it and not yet handled.
    public var maximumUndeliveredPerApp = 64
    /// Bytes of those messages, all sockets of the app together (one message always fits).
    public var maximumUndeliveredBytesPerApp = 4 << 20

    /// The defaults: 5 sockets, 1 MiB messages in at most 4,096 fragments, 10 s to upgrade,
    /// 3 s to close, 16 messages per socket and 64 (4 MiB) per app waiting for the app.
    public init() {}
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Hummingbird
import NIOCore

/// The request context of ``LoopbackServer``: Hummingbird's basic context plus the connection,
/// which ``FaultInjectionMiddleware`` needs to drop or cut it.
public struct LoopbackRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's connection.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}

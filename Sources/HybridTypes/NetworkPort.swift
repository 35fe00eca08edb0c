// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// The port check every URL passes before it reaches the network stack.
///
/// Foundation parses `http://127.0.0.1:412348/` and returns port 412348; SwiftNIO converts the
/// port to `UInt16` and traps, which would kill every app in the process. URLs from apps,
/// manifests, release channels and redirects are checked here first.
public enum NetworkPort {
    /// The ports a connection can be made to.
    public static let usable: ClosedRange<Int> = 1...65_535

    /// `true` if `url` has no explicit port or a port in ``usable``.
    public static func isUsable(_ url: URL) -> Bool {
        url.port.map(usable.contains) ?? true
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import NIOCore
import NIOPosix

/// Whether an OTLP collector takes connections: a TCP connect to each endpoint's host and
/// port with a short deadline. A collector that refuses (a closed port) is not waited for at the
/// end of a run: an HTTP client would retry the connection until its request timeout.
enum CollectorProbe {
    static let connectDeadline: TimeAmount = .milliseconds(300)

    /// The endpoints the environment names (general and per-signal).
    static func endpoints(_ environment: [String: String]) -> [URL] {
        ["", "TRACES_", "METRICS_", "LOGS_"].compactMap { environment["OTEL_EXPORTER_OTLP_\($0)ENDPOINT"] }
            .compactMap { URL(string: $0) }
    }

    /// True when every endpoint accepted a connection within ``connectDeadline``.
    static func allReachable(_ endpoints: [URL]) async -> Bool {
        for endpoint in endpoints {
            guard let host = endpoint.host else { return false }
            let port = endpoint.port ?? (endpoint.scheme == "https" ? 443 : 80)
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(connectDeadline)
                    .connect(host: host, port: port).get()
                try? await channel.close()
            } catch {
                return false
            }
        }
        return true
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Where an asynchronous JSAPI handler runs.
public enum CallPlacement: Sendable, Hashable {
    /// On Swift's global concurrent executor, off the JavaScript thread (the default):
    /// a handler that blocks (file I/O, heavy computation) cannot stall the app's scripts.
    case concurrent
    /// On the runtime thread itself, between JavaScript jobs. No thread hop, so a round
    /// trip costs a few microseconds; only for handlers that never block (they may await).
    case runtimeThread
}

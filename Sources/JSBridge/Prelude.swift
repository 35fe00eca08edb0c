// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The JavaScript that installs the globals every context gets: `Resources/prelude.js`. It
/// receives an object of native functions, keeps them in its closure (scripts never see it) and
/// returns the event dispatcher native code calls to deliver `JSBridge.on` events.
enum Prelude {
    static var sourceURL: String { JSBridgeScripts.prelude.sourceURL }
    static var source: String { JSBridgeScripts.prelude.source }
}

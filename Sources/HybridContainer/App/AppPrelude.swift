// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// The JavaScript installed in every plain app's context before its code
/// (`Resources/app-prelude.js`): the `App()` registration of DESIGN §3 and the hidden,
/// tamper-proof hook invoker the container calls.
enum AppPrelude {
    static let script = ScriptResource("app-prelude.js", in: .module)
    static var sourceURL: String { script.sourceURL }
    static var source: String { script.source }
}

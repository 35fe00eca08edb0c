// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The container's own JavaScript resources (`Sources/HybridContainer/Resources`), for tools and
/// tests that check or exercise them.
public enum HybridContainerScripts {
    /// The `App()` prelude of plain apps (a plain script).
    public static var appPrelude: ScriptResource { AppPrelude.script }
    /// The mini-program framework's ES modules (`mini-program/*.js`, entry `main.js`).
    public static let miniProgramModules: [ScriptResource] = ScriptResource.files(in: "mini-program", bundle: .module)
}

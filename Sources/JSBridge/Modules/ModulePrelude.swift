// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The JavaScript half of the module system (`Resources/modules.js`): `require()` with CommonJS resolution inside the
/// app's files, a module cache (cycles see the partial `exports`, as in Node), JSON modules,
/// and the helpers the ES module transform calls (`import()`, `import.meta`).
///
/// Resolution of `require(request)` from the file `from`:
/// - `/x` is from the package root; `./x` and `../x` from `from`'s folder (never above the root);
/// - a bare `x` is tried relative to `from`'s folder (as mini-program runtimes do), then under
///   `miniprogram_npm/` and `node_modules/`, then from the root;
/// - each base is tried as is, then with `.js`, `.json`, then as a folder with `index.js`/`index.json`.
enum ModulePrelude {
    static var sourceURL: String { JSBridgeScripts.modules.sourceURL }
    static var source: String { JSBridgeScripts.modules.source }
}

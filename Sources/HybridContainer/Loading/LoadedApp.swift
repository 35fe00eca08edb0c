// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// An app's code and facts, ready to run.
struct LoadedApp: Sendable {
    let manifest: PackageManifest
    let source: AppSource
    /// The entry script.
    let entrySource: String
    /// Shown in stack traces.
    let entryURL: String
    /// The app's files for `require()`.
    let modules: any ModuleSourceProvider
    /// A plain script app or a mini-program (`entry` is `app.json`).
    let kind: AppKind
    /// Keeps the installed version's files on disk while the app runs (offline copies only),
    /// taken with the same read of the store that chose the version.
    var lease: PackageLease? = nil

    var miniProgramConfig: MiniProgramConfig? {
        if case .miniProgram(let config) = kind { return config }
        return nil
    }
}

/// How an app's code is organised.
enum AppKind: Sendable {
    /// `entry` is a script (run as an ES module if it uses `import`/`export`).
    case script
    /// `entry` is `app.json`: `app.js` and the pages it lists run in the mini-program framework.
    case miniProgram(MiniProgramConfig)
}

/// Where to launch an app from.
public enum LaunchSource: Sendable, Hashable {
    /// The active version of an installed app.
    case installed(String)
    /// A package file: installed (or already installed) first, then launched.
    case packageFile(URL)
    /// A plain folder (developer mode): `manifest.json` template and files read as they are.
    case directory(URL)
    /// An app not installed, from its online copy: `fallbackBaseURL/manifest.json` and files.
    case online(appId: String, fallbackBaseURL: URL)
}

import Foundation

/// An app's code and facts, ready to run.
struct LoadedApp: Sendable {
    let manifest: PackageManifest
    let source: AppSource
    /// The entry script.
    let entrySource: String
    /// Shown in stack traces.
    let entryURL: String
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

/// Offline packages: package format, signatures, the package store, integrity checks at
/// load, resource resolution and online fallback (DESIGN §4). This module never imports
/// JavaScriptCore.
public enum OfflineCache {
    /// The package format version this module reads and writes.
    public static let formatVersion = 1
}

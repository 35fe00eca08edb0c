// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Installed offline packages on disk: versions side by side, one active version per app
/// switched atomically, rollback, eviction, presets, crash recovery.
///
/// Layout under `root`:
/// ```
/// apps/<appId>/state.json                 active version, history, installed versions
/// apps/<appId>/versions/<v>/manifest.json  the signed manifest (exact bytes) and manifest.sig
/// apps/<appId>/versions/<v>/files/...      the app's files
/// staging/<appId>-<uuid>/                  installs in progress (removed on recovery)
/// locks/<appId>.lock                       flock: one writer per app, across processes
/// ```
/// An install extracts into staging, flushes it, renames it into `versions/`, then replaces
/// `state.json`. A process killed at any point leaves the previous active version intact;
/// leftovers are removed the next time a store is opened on the folder.
///
/// Thread-safe; methods block on file I/O (call them from a background task).
public final class PackageStore: Sendable {
    /// How a store behaves.
    public struct Configuration: Sendable {
        /// The store folder (created if missing).
        public var root: URL
        /// Keys whose signatures are accepted.
        public var trustedKeys: TrustedKeys
        /// Accept unsigned packages (developer mode only).
        public var allowsUnsigned: Bool
        /// Bounds on package content.
        public var limits: PackageLimits
        /// How many versions of an app to keep on disk (the active one included; at least 2
        /// so a rollback target survives).
        public var retainedVersions: Int
        /// Logs installs, rollbacks, recovery.
        public var logger: Logger

        /// Creates a configuration.
        public init(
            root: URL, trustedKeys: TrustedKeys, allowsUnsigned: Bool = false, limits: PackageLimits = PackageLimits(),
            retainedVersions: Int = 3, logger: Logger = Logger(label: "hybrid.store")
        ) {
            self.root = root
            self.trustedKeys = trustedKeys
            self.allowsUnsigned = allowsUnsigned
            self.limits = limits
            self.retainedVersions = max(2, retainedVersions)
            self.logger = logger
        }
    }

    /// Options of one install.
    public struct InstallOptions: Sendable {
        /// Refuse the package unless it belongs to this app.
        public var expectedAppID: AppID?
        /// Refuse the package unless it has this version.
        public var expectedVersion: PackageVersion?
        /// Accept a version lower than the active one.
        public var allowDowngrade: Bool
        /// Make the new version active (false: install it beside the active one, e.g. for a
        /// pending update activated later with `activate` or `activatePending`).
        public var activate: Bool
        /// With `activate` false: record it as the app's pending version, activated at next launch.
        public var markPending: Bool

        /// Creates options.
        public init(
            expectedAppID: AppID? = nil, expectedVersion: PackageVersion? = nil, allowDowngrade: Bool = false,
            activate: Bool = true, markPending: Bool = false
        ) {
            self.expectedAppID = expectedAppID
            self.expectedVersion = expectedVersion
            self.allowDowngrade = allowDowngrade
            self.activate = activate
            self.markPending = markPending
        }
    }

    /// The configuration.
    public let configuration: Configuration
    /// `root.path`, for building hot-path paths without URL work.
    private let rootPath: String
    private let activeCache = Mutex<[AppID: CachedActive]>([:])
    /// Parsed `state.json` files by the identity of the file they were read from: every launch
    /// reads an app's state several times (pending, launch guard, lease, confirmation), and a
    /// stat is far cheaper than reading and decoding. Any write replaces the file (new inode,
    /// ctime), so another process's change is always seen.
    private let stateCache = Mutex<[AppID: (identity: FileIdentity, state: StoredAppState)]>([:])
    /// Live leases by "appId/version", and evicted versions waiting for their last lease.
    let leaseCounts = Mutex<[String: Int]>([:])
    let evictedWhileLeased = Mutex<Set<String>>([])

    private struct CachedActive: Sendable {
        let stateIdentity: FileIdentity
        let package: ActivePackage?
    }

    var root: URL { configuration.root }
    var appsDirectory: URL { root.appendingPathComponent("apps") }
    var stagingDirectory: URL { root.appendingPathComponent("staging") }
    var locksDirectory: URL { root.appendingPathComponent("locks") }

    /// Opens (or creates) a store and recovers from interrupted installs.
    public init(configuration: Configuration) throws {
        self.configuration = configuration
        self.rootPath = configuration.root.standardizedFileURL.path
        for directory in [appsDirectory, stagingDirectory, locksDirectory] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                // Other users of the machine may not read or change installed apps: owner only.
                try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
            } catch {
                throw PackageError.storeIO(
                    operation: "create folder", path: directory.path, reason: error.localizedDescription, cause: error)
            }
        }
        try recover()
    }

    // MARK: Paths

    func appDirectory(_ appId: AppID) -> URL { appsDirectory.appendingPathComponent(appId.rawValue) }
    func stateURL(_ appId: AppID) -> URL { appDirectory(appId).appendingPathComponent("state.json") }
    /// `stateURL(appId).path`, without building URLs.
    func statePath(_ appId: AppID) -> String { "\(rootPath)/apps/\(appId.rawValue)/state.json" }
    func versionsDirectory(_ appId: AppID) -> URL { appDirectory(appId).appendingPathComponent("versions") }
    func versionDirectory(_ appId: AppID, _ version: PackageVersion) -> URL {
        versionsDirectory(appId).appendingPathComponent(version.description)
    }

    // MARK: Reading

    /// The active version of an app, or `nil` if it has none. Cheap when nothing changed
    /// (one `stat` of `state.json`); safe while another thread or process installs.
    public func activePackage(_ appId: AppID) throws -> ActivePackage? {
        guard let identity = FileIdentity(path: statePath(appId)) else { return nil }
        if let cached = activeCache.withLock({ $0[appId] }), cached.stateIdentity == identity {
            return cached.package
        }
        let state = try loadState(appId)
        var package: ActivePackage?
        if let active = state.active {
            let directory = versionDirectory(appId, active)
            let manifestURL = directory.appendingPathComponent(PackageArchive.manifestName)
            guard let bytes = FileManager.default.contents(atPath: manifestURL.path) else {
                throw PackageError.storeIO(operation: "read", path: manifestURL.path, reason: "missing")
            }
            let manifest = try PackageManifest.parse(bytes, limit: configuration.limits.maximumManifestBytes)
            package = ActivePackage(
                appId: appId, version: active, manifest: manifest,
                filesDirectory: directory.appendingPathComponent("files"))
        }
        activeCache.withLock { $0[appId] = CachedActive(stateIdentity: identity, package: package) }
        return package
    }

    /// Every installed app with its versions.
    public func installedApps() throws -> [InstalledApp] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: appsDirectory.path)) ?? []
        return try names.compactMap(AppID.init(rawValue:)).sorted().compactMap { appId in
            guard FileManager.default.fileExists(atPath: stateURL(appId).path) else { return nil }
            return try installedApp(appId)
        }
    }

    /// One installed app, or `nil`.
    public func installedApp(_ appId: AppID) throws -> InstalledApp? {
        guard FileManager.default.fileExists(atPath: stateURL(appId).path) else { return nil }
        let state = try loadState(appId)
        let versions = state.installedVersions.compactMap { version -> InstalledVersion? in
            guard let record = state.record(version) else { return nil }
            return InstalledVersion(
                version: version, installedAt: record.installedAt, bytes: record.bytes, signerKeyID: record.signer,
                rolledBackReason: record.rolledBack, confirmed: record.confirmed ?? false)
        }
        return InstalledApp(
            appId: appId, activeVersion: state.active, versions: versions, lastRollback: state.lastRollback,
            pendingVersion: state.pending)
    }

    func loadState(_ appId: AppID) throws -> StoredAppState {
        // A string path, not `stateURL`: URL building is slow, and every launch reads the state.
        let path = statePath(appId)
        // Stat before reading: if the file is replaced in between, the cache keeps the old
        // identity with the new content and simply misses next time.
        guard let identity = FileIdentity(path: path) else { return StoredAppState() }
        if let cached = stateCache.withLock({ $0[appId] }), cached.identity == identity { return cached.state }
        guard let data = FileManager.default.contents(atPath: path) else { return StoredAppState() }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let state = try decoder.decode(StoredAppState.self, from: data)
            stateCache.withLock { $0[appId] = (identity, state) }
            return state
        } catch {
            throw PackageError.storeIO(operation: "parse", path: path, reason: "\(error)", cause: error)
        }
    }

    /// The app's state and active package as cached, if the state file is still the one they
    /// were read from (one `stat`, no read): nil when either was never read or is stale.
    func cachedStateAndActive(_ appId: AppID) -> (state: StoredAppState, active: ActivePackage?)? {
        guard let identity = FileIdentity(path: statePath(appId)),
            let state = stateCache.withLock({ $0[appId] }), state.identity == identity,
            let active = activeCache.withLock({ $0[appId] }), active.stateIdentity == identity
        else { return nil }
        return (state.state, active.package)
    }

    func saveState(_ state: StoredAppState, for appId: AppID) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        try StoreIO.atomicWrite(try encoder.encode(state), to: stateURL(appId))
        activeCache.withLock { $0[appId] = nil }
    }

    // MARK: Locking

    /// Runs `body` holding the app's exclusive lock (across threads and processes).
    func withAppLock<R>(_ appId: AppID, _ body: () throws -> R) throws -> R {
        let url = locksDirectory.appendingPathComponent("\(appId.rawValue).lock")
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreIO.error("open lock", url, errno) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreIO.error("lock", url, errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

/// Identifies one version of a file: replaced or rewritten files get a new identity
/// (`ctime` changes on every write and cannot be set back by a user).
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64
    let isRegularFile: Bool

    init?(path: String, followSymlinks: Bool = true) {
        var info = stat()
        let result = followSymlinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Synchronization

/// An update offered to this device.
public struct AvailableUpdate: Sendable, Hashable {
    public let release: Release
    /// The installed version (if any); a delta from it is used when the channel has one.
    public let installed: PackageVersion?
    /// The delta that applies to the installed version, if published.
    public let delta: ReleaseDelta?
}

/// What an update did.
public struct UpdateReceipt: Sendable, Hashable {
    public let appId: AppID
    public let version: PackageVersion
    /// `delta`, `full`, or `full after delta failed: <reason>`.
    public let method: String
    public let downloadedBytes: Int64
    /// True if activated now; false if pending until the next launch.
    public let activated: Bool
}

/// When a downloaded update becomes the active version.
public enum ActivationPolicy: Sendable, Hashable {
    /// Immediately.
    case now
    /// At the app's next launch (the container activates pending versions before launching).
    case nextLaunch
}

/// Checks a release channel and installs updates: ETag-aware GETs of `releases.json`,
/// rollout rules, deltas when they apply (full package otherwise, or when a delta fails),
/// every download verified by size and SHA-256, then by signature and hashes on install.
public final class UpdateClient: Sendable {
    public let store: PackageStore
    public let device: DeviceProfile
    let fetcher: HTTPFetcher
    let downloader: PackageDownloader
    let downloads: URL
    private let cachedChannels = Mutex<[URL: (etag: String, channel: ReleaseChannel)]>([:])
    private let logger: Logger

    /// Creates a client; downloads go to `downloadDirectory` (partial files resume there).
    public init(
        store: PackageStore, device: DeviceProfile, downloadDirectory: URL, fetcher: HTTPFetcher = HTTPFetcher(),
        logger: Logger = Logger(label: "hybrid.updates")
    ) throws {
        self.store = store
        self.device = device
        self.fetcher = fetcher
        self.downloader = PackageDownloader(fetcher: fetcher)
        self.downloads = downloadDirectory
        self.logger = logger
        try FileManager.default.createDirectory(at: downloadDirectory, withIntermediateDirectories: true)
    }

    /// The channel, with `If-None-Match` when seen before (a 304 reuses the cached copy).
    public func fetchChannel(_ url: URL) async throws -> (channel: ReleaseChannel, notModified: Bool) {
        let cached = cachedChannels.withLock { $0[url] }
        let response = try await fetcher.get(url, headers: cached.map { [("If-None-Match", $0.etag)] } ?? [])
        if response.status == 304, let cached { return (cached.channel, true) }
        let channel: ReleaseChannel
        do {
            channel = try JSONDecoder.iso8601.decode(ReleaseChannel.self, from: response.body)
        } catch {
            throw FetchError.io(url: url.absoluteString, reason: "releases.json is not a release channel: \(error)", cause: error)
        }
        if let etag = response.headers["etag"] { cachedChannels.withLock { $0[url] = (etag, channel) } }
        return (channel, false)
    }

    /// Updates offered to this device: newer than installed, admitted by the rollout rules,
    /// not a version this device rolled back from. Only installed apps unless `apps` names others.
    public func check(_ channelURL: URL, apps: Set<AppID>? = nil) async throws -> [AvailableUpdate] {
        let (channel, _) = try await fetchChannel(channelURL)
        var updates: [AvailableUpdate] = []
        for (appId, _) in channel.latest.sorted(by: { $0.key < $1.key }) {
            let (installed, bad) = try await store.perform { store in
                (try store.installedApp(appId), try store.rolledBackVersions(appId))
            }
            guard installed != nil || apps?.contains(appId) == true else { continue }
            let candidates = channel.releases
                .filter { $0.appId == appId && !bad.contains($0.version) }
                .filter { $0.rollout.admits(device, appId: appId, version: $0.version) }
                .sorted { $0.version > $1.version }
            guard let best = candidates.first else { continue }
            let newest = installed?.versions.map(\.version).max()
            if let newest, best.version <= newest { continue }
            let active = installed?.activeVersion
            updates.append(AvailableUpdate(release: best, installed: active, delta: best.deltas.first { $0.from == active }))
        }
        return updates
    }

    /// Downloads and installs one update: the delta when there is one (falling back to the
    /// full package if it fails to download, verify or apply), else the full package.
    public func apply(
        _ update: AvailableUpdate, channelURL: URL, activation: ActivationPolicy = .nextLaunch,
        progress: (@Sendable (Int64, Int64?) -> Void)? = nil
    ) async throws -> UpdateReceipt {
        let release = update.release
        let options = PackageStore.InstallOptions(
            expectedAppID: release.appId, expectedVersion: release.version, activate: activation == .now,
            markPending: activation == .nextLaunch)
        var method = "full"
        if let delta = update.delta {
            do {
                let file = try await download(delta.file, channelURL: channelURL, progress: progress)
                defer { try? FileManager.default.removeItem(at: file) }
                try await store.perform { try $0.installDelta(at: file, options: options) }
                logger.info("updated \(release.appId) to \(release.version) with a delta from \(delta.from)")
                return UpdateReceipt(
                    appId: release.appId, version: release.version, method: "delta", downloadedBytes: delta.file.size,
                    activated: activation == .now)
            } catch {
                method = "full after delta failed: \(error)"
                logger.warning("delta update of \(release.appId) to \(release.version) failed (\(error)); downloading the full package")
            }
        }
        let file = try await download(release.package, channelURL: channelURL, progress: progress)
        defer { try? FileManager.default.removeItem(at: file) }
        try await store.perform { try $0.install(packageAt: file, options: options) }
        return UpdateReceipt(
            appId: release.appId, version: release.version, method: method, downloadedBytes: release.package.size,
            activated: activation == .now)
    }

    /// Checks and applies every available update.
    public func updateAll(_ channelURL: URL, activation: ActivationPolicy = .nextLaunch) async throws -> [UpdateReceipt] {
        var receipts: [UpdateReceipt] = []
        for update in try await check(channelURL) {
            receipts.append(try await apply(update, channelURL: channelURL, activation: activation))
        }
        return receipts
    }

    private func download(_ file: ReleaseFile, channelURL: URL, progress: (@Sendable (Int64, Int64?) -> Void)?) async throws -> URL {
        guard let url = URL(string: file.url, relativeTo: channelURL)?.absoluteURL else {
            throw FetchError.invalidURL(file.url)
        }
        let destination = downloads.appendingPathComponent(file.sha256 + "-" + url.lastPathComponent)
        _ = try await downloader.download(
            url, to: destination, expectedSize: file.size, expectedSHA256: file.sha256, progress: progress)
        return destination
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Synchronization

/// Maps app resources to bytes: the verified local file of the active version when it can,
/// `fallbackBaseURL + path` over HTTP otherwise, and says which and why.
public final class ResourceResolver: Sendable {
    /// An app the host knows from its app list, for apps that may not be installed.
    public struct OnlineApp: Sendable, Hashable {
        public var appId: AppID
        public var fallbackBaseURL: URL
        public var vhost: URL?

        /// Creates an entry.
        public init(appId: AppID, fallbackBaseURL: URL, vhost: URL? = nil) {
            self.appId = appId
            self.fallbackBaseURL = fallbackBaseURL
            self.vhost = vhost
        }
    }

    public let store: PackageStore
    public let fetcher: CachingFetcher?
    private let reader = VerifiedFileReader()
    private let onlineApps: [AppID: OnlineApp]
    private let disabled = Mutex<[AppID: String]>([:])
    private let logger: Logger

    /// Creates a resolver. Without a `fetcher` there is no online fallback.
    public init(
        store: PackageStore, fetcher: CachingFetcher?, onlineApps: [OnlineApp] = [],
        logger: Logger = Logger(label: "hybrid.resolver")
    ) {
        self.store = store
        self.fetcher = fetcher
        self.onlineApps = Dictionary(onlineApps.map { ($0.appId, $0) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
    }

    /// Turns an app's offline package off (every resource falls back online) or back on.
    public func setOfflineDisabled(_ appId: AppID, reason: String?) {
        disabled.withLock { $0[appId] = reason }
    }

    /// Resolves a path of an app (`index.js`, `/pages/a.js?x=1`; empty means the entry).
    public func resolve(appId: AppID, path rawPath: String) async throws(ResolutionError) -> ResolvedResource {
        let normalized = try ResourcePath.normalize(rawPath)
        let active: ActivePackage?
        do {
            active = try await store.perform { try $0.activePackage(appId) }
        } catch let error as PackageError {
            throw .store(error)
        } catch {
            throw .store(.storeIO(operation: "read", path: appId.rawValue, reason: "\(error)", cause: error))
        }
        guard let active else {
            let fallbackBase = onlineApps[appId]?.fallbackBaseURL
            guard let normalized else { throw .noFallback(appId: appId, path: rawPath, reason: .notInstalled) }
            return try await online(appId, normalized, base: fallbackBase, reason: .notInstalled)
        }
        return try await resolve(appId: appId, normalized: normalized, installed: active)
    }

    /// Resolves a path of an app whose active version the caller has just read from the store
    /// (e.g. with a lease): the same rules, without reading the store again.
    public func resolve(
        appId: AppID, path rawPath: String, installed active: ActivePackage
    ) async throws(ResolutionError)
        -> ResolvedResource
    {
        try await resolve(appId: appId, normalized: try ResourcePath.normalize(rawPath), installed: active)
    }

    /// What the offline half of a resolution found: the verified local file, or why the path
    /// must be served online.
    public enum OfflineOutcome: Sendable {
        /// The local file, read and checked against its manifest hash.
        case served(ResolvedResource)
        /// Why the path cannot be served offline (it must go online).
        case fallback(FallbackReason)
    }

    /// The offline half of resolving a path of an installed app, for a caller already on the
    /// store's blocking pool (inside `PackageStore.perform`, e.g. with the lease it just took):
    /// the verified local file, or the reason it cannot be served offline, after which
    /// ``resolve(appId:path:installed:)`` serves it online.
    ///
    /// `keepInMemory`: a file read on every launch (the entry script) keeps its verified bytes
    /// for ``resolveOfflineInMemory(appId:path:installed:)``.
    public func resolveOffline(
        appId: AppID, path rawPath: String, installed active: ActivePackage, keepInMemory: Bool = false
    ) throws(ResolutionError) -> OfflineOutcome {
        offline(appId, try ResourcePath.normalize(rawPath) ?? active.manifest.entry, installed: active, keepInMemory: keepInMemory)
    }

    /// The verified local file from memory, without blocking: served only when it was read
    /// with `keepInMemory` before and the file on disk is still that file (one `lstat`). Nil
    /// means "ask ``resolveOffline(appId:path:installed:keepInMemory:)``", never "missing".
    public func resolveOfflineInMemory(
        appId: AppID, path rawPath: String, installed active: ActivePackage
    ) -> ResolvedResource? {
        let normalized: String?
        do { normalized = try ResourcePath.normalize(rawPath) } catch { return nil }
        let path = normalized ?? active.manifest.entry
        guard disabled.withLock({ $0[appId] }) == nil,
            let expected = active.manifest.files[path],
            let data = reader.verifiedBytesInMemory(path, inPath: active.filesPath, expectedSHA256: expected)
        else { return nil }
        return ResolvedResource(
            appId: appId, path: path, data: data, source: .offline(version: active.version), contentType: ContentType.guess(path))
    }

    /// Blocks on the disk (reads and hashes the file): call on the store's blocking pool.
    private func offline(
        _ appId: AppID, _ path: String, installed active: ActivePackage, keepInMemory: Bool = false
    ) -> OfflineOutcome {
        if let why = disabled.withLock({ $0[appId] }) { return .fallback(.disabled(why)) }
        guard let expected = active.manifest.files[path] else { return .fallback(.fileMissing) }
        do throws(IntegrityFailure) {
            let data = try reader.read(path, inPath: active.filesPath, expectedSHA256: expected, keepInMemory: keepInMemory)
            return .served(
                ResolvedResource(
                    appId: appId, path: path, data: data, source: .offline(version: active.version),
                    contentType: ContentType.guess(path)))
        } catch {
            logger.error("integrity check failed for \(appId) \(active.version): \(error)")
            return .fallback(.integrityFailed(error))
        }
    }

    private func resolve(
        appId: AppID, normalized: String?, installed active: ActivePackage
    ) async throws(ResolutionError)
        -> ResolvedResource
    {
        let path = normalized ?? active.manifest.entry
        let outcome: OfflineOutcome
        do {
            outcome = try await store.perform { _ in self.offline(appId, path, installed: active) }
        } catch {
            throw .store(.storeIO(operation: "read", path: path, reason: "\(error)", cause: error))
        }
        switch outcome {
        case .served(let resource): return resource
        case .fallback(let reason):
            let fallbackBase = active.manifest.fallbackBase ?? onlineApps[appId]?.fallbackBaseURL
            return try await online(appId, path, base: fallbackBase, reason: reason)
        }
    }

    /// Resolves a URL on an app's virtual host (`https://demo.app.local/pages/a.js`).
    public func resolve(url: URL) async throws(ResolutionError) -> ResolvedResource {
        guard let host = url.host?.lowercased() else { throw .unknownHost(url.absoluteString) }
        guard let appId = await appID(forHost: host) else { throw .unknownHost(host) }
        return try await resolve(appId: appId, path: url.path)
    }

    private func appID(forHost host: String) async -> AppID? {
        if let known = onlineApps.values.first(where: { $0.vhost?.host?.lowercased() == host }) { return known.appId }
        return
            (try? await store.perform { store -> AppID? in
                for app in (try? store.installedApps()) ?? [] {
                    if let manifest = try? store.activePackage(app.appId)?.manifest, manifest.vhostURL?.host?.lowercased() == host {
                        return app.appId
                    }
                }
                return nil
            }) ?? nil
    }

    private func online(
        _ appId: AppID, _ path: String, base: URL?, reason: FallbackReason
    ) async throws(ResolutionError)
        -> ResolvedResource
    {
        guard let base, let fetcher else { throw .noFallback(appId: appId, path: path, reason: reason) }
        let url = ResourcePath.join(base, path)
        do {
            let (data, contentType, status) = try await fetcher.fetch(url)
            logger.notice("served \(appId)/\(path) online (\(reason))")
            return ResolvedResource(
                appId: appId, path: path, data: data, source: .online(url: url, reason: reason, cache: status),
                contentType: contentType ?? ContentType.guess(path))
        } catch let error as FetchError {
            throw .fetchFailed(appId: appId, path: path, reason: reason, error: error)
        } catch {
            throw .fetchFailed(
                appId: appId, path: path, reason: reason, error: .io(url: url.absoluteString, reason: "\(error)", cause: error))
        }
    }
}

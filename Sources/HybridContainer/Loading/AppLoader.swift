// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Loads an app's manifest and entry script from wherever it lives, verifying as it goes.
struct AppLoader: Sendable {
    let store: PackageStore
    let resolver: ResourceResolver
    let fetcher: CachingFetcher
    let trustedKeys: TrustedKeys
    let developerMode: Bool
    let reader = VerifiedFileReader()

    /// The name of a mini-program's entry in its manifest.
    static let miniProgramEntry = "app.json"

    func load(_ source: LaunchSource) async throws -> LoadedApp {
        switch source {
        case .installed(let name):
            let appId = try appID(name)
            return try await loadInstalled(appId)
        case .packageFile(let url):
            let (trustedKeys, developerMode) = (self.trustedKeys, self.developerMode)
            // Verifying and installing read and write files: on the store's blocking pool.
            let appId = try await store.perform { store -> AppID in
                let verified: VerifiedPackage
                do {
                    verified = try PackageVerifier.verify(
                        packageAt: url, trusting: trustedKeys, allowUnsigned: developerMode, checkFileHashes: false)
                } catch {
                    throw ContainerError.loadFailed(appId: url.lastPathComponent, cause: error)
                }
                let appId = verified.manifest.appId
                if try store.installedApp(appId)?.versions.contains(where: { $0.version == verified.manifest.version }) != true {
                    do {
                        try store.install(packageAt: url, options: .init(allowDowngrade: true))
                    } catch {
                        throw ContainerError.loadFailed(appId: appId.rawValue, cause: error)
                    }
                } else if try store.activePackage(appId)?.version != verified.manifest.version {
                    try store.activate(appId, version: verified.manifest.version)
                }
                return appId
            }
            return try await loadInstalled(appId)
        case .directory(let url):
            guard developerMode else { throw ContainerError.developerModeRequired(path: url.path) }
            return try loadDirectory(url)
        case .online(let name, let base):
            return try await loadOnline(try appID(name), base: base)
        }
    }

    private func appID(_ name: String) throws -> AppID {
        guard let appId = AppID(rawValue: name) else {
            throw ContainerError.loadFailed(appId: name, cause: PackageError.invalidAppID(name))
        }
        return appId
    }

    /// The active version of an installed app with its lease, and its entry file as the
    /// offline half of resolution found it (read and verified, or why it must go online).
    struct LeasedEntry: Sendable {
        let active: ActivePackage
        let lease: PackageLease
        let entry: ResourceResolver.OfflineOutcome
    }

    /// An installed app's launch begun in one trip to the store: its launch ticket (a pending
    /// version is activated first) and, from the same trip, the leased version and entry file.
    struct InstalledLaunch: Sendable {
        let ticket: LaunchTicket?
        /// `nil` when the trip could not read them (not installed, the store failing): the launch
        /// then loads the usual way, which says why.
        let leased: LeasedEntry?
    }

    /// One trip to the store for the usual launch of an installed app, instead of one for the
    /// ticket, one for the lease and one for the entry file.
    ///
    /// The usual case needs no trip at all: a confirmed version with nothing pending whose entry
    /// was read before and is unchanged on disk begins from the store's and the reader's caches
    /// (a few `stat` calls, on the caller's thread).
    func beginInstalledLaunch(_ appId: AppID) async -> InstalledLaunch {
        if let begun = beginCachedLaunch(appId) { return begun }
        let resolver = self.resolver
        let begun = try? await store.perform { store in
            InstalledLaunch(
                ticket: try? store.activatePendingAndBeginLaunch(appId),
                leased: (try? Self.leaseAndReadEntry(appId, store: store, resolver: resolver)) ?? nil)
        }
        return begun ?? InstalledLaunch(ticket: nil, leased: nil)
    }

    /// `beginInstalledLaunch` from caches only (no read, no lock), or nil.
    private func beginCachedLaunch(_ appId: AppID) -> InstalledLaunch? {
        guard let (ticket, active, lease) = store.beginCachedLaunch(appId),
            let entry = resolver.resolveOfflineInMemory(appId: appId, path: active.manifest.entry, installed: active)
        else { return nil }
        return InstalledLaunch(ticket: ticket, leased: LeasedEntry(active: active, lease: lease, entry: .served(entry)))
    }

    /// The version and its lease in one read of the store (eviction cannot take the files
    /// between choosing the version and running it), then the entry file. On the store's pool.
    private static func leaseAndReadEntry(
        _ appId: AppID, store: PackageStore, resolver: ResourceResolver
    ) throws -> LeasedEntry? {
        guard let (active, lease) = try store.leaseActive(appId) else { return nil }
        let entry = try resolver.resolveOffline(appId: appId, path: active.manifest.entry, installed: active, keepInMemory: true)
        return LeasedEntry(active: active, lease: lease, entry: entry)
    }

    private func loadInstalled(_ appId: AppID) async throws -> LoadedApp {
        let leased: LeasedEntry?
        do {
            let resolver = self.resolver
            leased = try await store.perform { try Self.leaseAndReadEntry(appId, store: $0, resolver: resolver) }
        } catch {
            throw ContainerError.loadFailed(appId: appId.rawValue, cause: error)
        }
        guard let leased else {
            throw ContainerError.loadFailed(appId: appId.rawValue, cause: PackageError.notInstalled(appId))
        }
        return try await load(leased)
    }

    /// Loads an installed app from its leased version: the entry as read (or online when it could
    /// not be served offline), the code files for `require()`, the app's kind.
    func load(_ leased: LeasedEntry) async throws -> LoadedApp {
        let (active, lease) = (leased.active, leased.lease)
        let appId = active.appId
        let entry: ResolvedResource
        switch leased.entry {
        case .served(let resource):
            entry = resource
        case .fallback:
            do {
                entry = try await resolver.resolve(appId: appId, path: active.manifest.entry, installed: active)
            } catch {
                throw ContainerError.loadFailed(appId: appId.rawValue, cause: error)
            }
        }
        let source: AppSource = if case .offline = entry.source { .offline } else { .online }
        let modules: any ModuleSourceProvider
        if source == .offline {
            modules = TypeScriptModules(InstalledAppModules(active: active, reader: reader))
        } else {
            // Served online (offline copy disabled or broken): fetch the code files now, checked by the resolver.
            modules = TypeScriptModules(try await prefetchModules(active.manifest) { path in try await resolve(appId, path).data })
        }
        return try LoadedApp(
            manifest: active.manifest, source: source, entrySource: String(decoding: entry.data, as: UTF8.self),
            entryURL: vhostURL(active.manifest, active.manifest.entry), modules: modules,
            kind: kind(active.manifest, entry.data), lease: source == .offline ? lease : nil)
    }

    private func kind(_ manifest: PackageManifest, _ entry: Data) throws -> AppKind {
        guard manifest.entry == Self.miniProgramEntry else { return .script }
        do {
            return .miniProgram(try MiniProgramConfig.parse(entry))
        } catch {
            throw ContainerError.loadFailed(appId: manifest.appId.rawValue, cause: error)
        }
    }

    /// The app's `.js`/`.json`/`.ts` files, fetched at once (require() cannot wait for the network).
    private func prefetchModules(
        _ manifest: PackageManifest, fetch: @escaping @Sendable (String) async throws -> Data
    )
        async throws -> InMemoryModules
    {
        let paths = manifest.files.keys.filter { $0.hasSuffix(".js") || $0.hasSuffix(".json") || $0.hasSuffix(".ts") }
        let files = try await withThrowingTaskGroup(of: (String, Data).self) { group in
            for path in paths { group.addTask { (path, try await fetch(path)) } }
            var files: [String: Data] = [:]
            for try await (path, data) in group { files[path] = data }
            return files
        }
        return InMemoryModules(files)
    }

    private func resolve(_ appId: AppID, _ path: String) async throws -> ResolvedResource {
        do {
            return try await resolver.resolve(appId: appId, path: path)
        } catch {
            throw ContainerError.loadFailed(appId: appId.rawValue, cause: error)
        }
    }

    private func loadDirectory(_ url: URL) throws -> LoadedApp {
        let template: PackageTemplate
        do {
            template = try Self.template(for: url)
        } catch {
            throw ContainerError.loadFailed(appId: url.lastPathComponent, cause: error)
        }
        let entryURL = url.appendingPathComponent(template.entry)
        guard let data = FileManager.default.contents(atPath: entryURL.path) else {
            throw ContainerError.loadFailed(appId: template.appId.rawValue, reason: "\(template.entry) is missing in \(url.path)")
        }
        let manifest = PackageManifest(
            appId: template.appId, name: template.name, version: template.version, entry: template.entry,
            vhost: template.vhost, fallbackBaseURL: template.fallbackBaseURL, permissions: template.permissions ?? [],
            allowedDomains: template.allowedDomains ?? [], files: [template.entry: ""])
        return try LoadedApp(
            manifest: manifest, source: .developer, entrySource: String(decoding: data, as: UTF8.self),
            entryURL: template.entry, modules: TypeScriptModules(DirectoryAppModules(root: url)), kind: kind(manifest, data))
    }

    /// The online copy: `manifest.json` (and `manifest.sig`, required unless in developer
    /// mode) from `base`, then the entry, checked against the manifest's hash.
    private func loadOnline(_ appId: AppID, base: URL) async throws -> LoadedApp {
        func fetch(_ path: String) async throws -> Data {
            do {
                return try await fetcher.fetch(ResourcePath.join(base, path)).data
            } catch {
                throw ContainerError.loadFailed(appId: appId.rawValue, doing: "online copy", cause: error)
            }
        }
        let manifestBytes = try await fetch("manifest.json")
        let manifest: PackageManifest
        do {
            // Only a missing file (404) means "unsigned"; a network failure is a load failure.
            let signature: Data?
            do {
                signature = try await fetcher.fetch(ResourcePath.join(base, "manifest.sig")).data
            } catch let error as FetchError where error.httpStatus == 404 {
                signature = nil
            }
            if let signature {
                _ = try ManifestSignature.parse(signature, limit: 4096).verify(manifestBytes, trusting: trustedKeys)
            } else if !developerMode {
                throw PackageError.unsignedPackageRefused
            }
            manifest = try PackageManifest.parse(manifestBytes)
            guard manifest.appId == appId else { throw PackageError.appIDMismatch(expected: appId, found: manifest.appId) }
        } catch {
            throw ContainerError.loadFailed(appId: appId.rawValue, doing: "online manifest", cause: error)
        }
        let client = self.fetcher
        let checked: @Sendable (String) async throws -> Data = { path in
            let data: Data
            do {
                data = try await client.fetch(ResourcePath.join(base, path)).data
            } catch {
                throw ContainerError.loadFailed(appId: appId.rawValue, doing: "online copy", cause: error)
            }
            guard PackageBuilder.sha256(data) == manifest.files[path] else {
                throw ContainerError.loadFailed(appId: appId.rawValue, reason: "online \(path) does not match its manifest hash")
            }
            return data
        }
        let entry = try await checked(manifest.entry)
        return try LoadedApp(
            manifest: manifest, source: .online, entrySource: String(decoding: entry, as: UTF8.self),
            entryURL: ResourcePath.join(base, manifest.entry).absoluteString,
            modules: try await prefetchModules(manifest, fetch: checked), kind: kind(manifest, entry))
    }

    /// A folder's `manifest.json` template; a bare mini-program folder (only `app.json`) gets one
    /// made up in developer mode: appId from the folder name, the built-in permission groups.
    static func template(for url: URL) throws -> PackageTemplate {
        let hasManifest = FileManager.default.fileExists(atPath: url.appendingPathComponent("manifest.json").path)
        let hasAppJSON = FileManager.default.fileExists(atPath: url.appendingPathComponent(miniProgramEntry).path)
        guard !hasManifest, hasAppJSON else { return try PackageTemplate.load(from: url) }
        let name = url.standardizedFileURL.lastPathComponent
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "-" }.prefix(64))
        guard let appId = AppID(rawValue: cleaned.isEmpty ? "miniprogram" : cleaned), let version = PackageVersion("0.0.0") else {
            throw PackageError.invalidAppID(cleaned)
        }
        return PackageTemplate(
            appId: appId, name: name, version: version, entry: miniProgramEntry,
            permissions: ["storage", "file", "request", "websocket", "notification", "navigation"])
    }

    private func vhostURL(_ manifest: PackageManifest, _ path: String) -> String {
        (manifest.vhost ?? "https://\(manifest.appId.rawValue).app.local") + "/" + path
    }
}

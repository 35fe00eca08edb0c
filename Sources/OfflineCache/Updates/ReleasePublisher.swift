// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Writes release channels as static files: `DIR/<channel>/releases.json`, with
/// `packages/` and `deltas/` beside it.
public enum ReleasePublisher {
    /// Adds packages to a channel, computing deltas from the last `deltaDepth` published
    /// versions of the same app. Packages are verified against `trustedKeys` first.
    @discardableResult
    public static func publish(
        packages: [URL], to directory: URL, channel: String, trustedKeys: TrustedKeys,
        rollout: RolloutRules = .everyone, deltaDepth: Int = 2
    ) throws -> ReleaseChannel {
        let channelDirectory = directory.appendingPathComponent(channel)
        let packagesDirectory = channelDirectory.appendingPathComponent("packages")
        let deltasDirectory = channelDirectory.appendingPathComponent("deltas")
        for folder in [packagesDirectory, deltasDirectory] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let index = channelDirectory.appendingPathComponent("releases.json")
        var published =
            (FileManager.default.contents(atPath: index.path)).flatMap {
                try? JSONDecoder.iso8601.decode(ReleaseChannel.self, from: $0)
            } ?? ReleaseChannel(channel: channel, releases: [])

        for package in packages {
            let verified = try PackageVerifier.verify(packageAt: package, trusting: trustedKeys)
            let manifest = verified.manifest
            guard !published.releases.contains(where: { $0.appId == manifest.appId && $0.version == manifest.version }) else {
                throw PackageError.versionAlreadyInstalled(appID: manifest.appId, version: manifest.version)
            }
            let name = "\(manifest.appId)-\(manifest.version).zip"
            let stored = packagesDirectory.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: stored)
            try FileManager.default.copyItem(at: package, to: stored)
            let earlier = published.releases.filter { $0.appId == manifest.appId && $0.version < manifest.version }
                .sorted { $0.version > $1.version }.prefix(deltaDepth)
            var deltas: [ReleaseDelta] = []
            for base in earlier {
                let deltaName = "\(manifest.appId)-\(base.version)-\(manifest.version).delta"
                let deltaURL = deltasDirectory.appendingPathComponent(deltaName)
                let summary = try DeltaBuilder.build(
                    from: channelDirectory.appendingPathComponent(base.package.url), to: stored, output: deltaURL)
                deltas.append(
                    ReleaseDelta(
                        from: base.version,
                        file: ReleaseFile(url: "deltas/\(deltaName)", size: summary.bytes, sha256: try PackageBuilder.sha256(of: deltaURL)))
                )
            }
            published.releases.append(
                Release(
                    appId: manifest.appId, version: manifest.version,
                    package: ReleaseFile(
                        url: "packages/\(name)", size: Int64(try Data(contentsOf: stored).count),
                        sha256: try PackageBuilder.sha256(of: stored)),
                    deltas: deltas, rollout: rollout, publishedAt: Date()))
        }
        published.releases.sort { ($0.appId.rawValue, $0.version) < ($1.appId.rawValue, $1.version) }
        let encoder = JSONEncoder.iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try StoreIO.atomicWrite(try encoder.encode(published), to: index)
        return published
    }
}

private func < (lhs: (String, PackageVersion), rhs: (String, PackageVersion)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : lhs.1 < rhs.1
}

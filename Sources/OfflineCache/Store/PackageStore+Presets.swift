// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// What happened to one preset package.
public enum PresetOutcome: Sendable {
    /// Installed (the app had no version, or an older one).
    case installed(InstallReceipt)
    /// Left alone: the store already has this version or a newer one.
    case skipped(file: URL, appId: AppID, version: PackageVersion)
    /// Refused, with the reason; other presets still install.
    case failed(file: URL, error: PackageError)
}

extension PackageStore {
    /// Installs the packages a host ships in its own resources (every `*.zip` in `directory`)
    /// for apps that have no version yet or an older one. Needs no network; run it at start.
    @discardableResult
    public func installPresets(from directory: URL) -> [PresetOutcome] {
        let files = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "zip" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return files.map { file in
            do {
                let archive = try PackageArchive(url: file, limits: configuration.limits)
                let manifest = try PackageVerifier.verifyHeader(
                    archive, trusting: configuration.trustedKeys, allowUnsigned: configuration.allowsUnsigned
                ).manifest
                if let installed = try installedApp(manifest.appId),
                    installed.versions.contains(where: { $0.version >= manifest.version })
                {
                    return .skipped(file: file, appId: manifest.appId, version: manifest.version)
                }
                return .installed(try install(packageAt: file))
            } catch let error as PackageError {
                configuration.logger.error("preset \(file.lastPathComponent) refused: \(error)")
                return .failed(file: file, error: error)
            } catch {
                return .failed(file: file, error: .storeIO(operation: "install preset", path: file.path, reason: "\(error)", cause: error))
            }
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Why a resource was served from the network instead of the offline package.
public enum FallbackReason: Sendable, Hashable, CustomStringConvertible {
    /// The app has no installed package.
    case notInstalled
    /// The active package does not list the file.
    case fileMissing
    /// The installed file failed its integrity check.
    case integrityFailed(IntegrityFailure)
    /// The host turned the app's offline package off (a kill switch, as Nebula's "fused").
    case disabled(String)

    public var description: String {
        switch self {
        case .notInstalled: return "notInstalled"
        case .fileMissing: return "fileMissing"
        case .integrityFailed(let failure): return "integrityFailed(\(failure))"
        case .disabled(let why): return "disabled(\(why))"
        }
    }
}

/// A resource ready to serve, with where it came from and why.
public struct ResolvedResource: Sendable {
    /// Where the bytes came from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// The verified local file of this installed version.
        case offline(version: PackageVersion)
        /// `fallbackBaseURL + path`, fetched (or cached) for this reason.
        case online(url: URL, reason: FallbackReason, cache: CacheStatus)

        public var description: String {
            switch self {
            case .offline(let version): return "offline(\(version))"
            case .online(let url, let reason, _): return "online(\(reason)) \(url.absoluteString)"
            }
        }
    }

    public let appId: AppID
    /// The package path (`index.js`, `pages/a.js`).
    public let path: String
    public let data: Data
    public let source: Source
    /// A MIME type from the server, or guessed from the extension.
    public let contentType: String
}

/// Why a resource could not be served at all.
public enum ResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path tries to leave the package or is malformed.
    case invalidPath(String, PackagePath.Problem)
    /// No installed or known app answers to this virtual host.
    case unknownHost(String)
    /// The offline copy could not be used and the app has no fallback URL.
    case noFallback(appId: AppID, path: String, reason: FallbackReason)
    /// The online copy could not be fetched either.
    case fetchFailed(appId: AppID, path: String, reason: FallbackReason, error: FetchError)
    /// The store could not be read.
    case store(PackageError)

    public var description: String {
        switch self {
        case .invalidPath(let path, let problem): return "refused path \"\(path)\": it \(problem.rawValue)"
        case .unknownHost(let host): return "no app is served at \(host)"
        case .noFallback(let appId, let path, let reason):
            return "\(appId)/\(path): offline copy unusable (\(reason)) and no fallbackBaseURL"
        case .fetchFailed(let appId, let path, let reason, let error):
            return "\(appId)/\(path): offline copy unusable (\(reason)); online copy failed: \(error)"
        case .store(let error): return "package store: \(error)"
        }
    }
}

enum ContentType {
    static func guess(_ path: String) -> String {
        switch fileExtension(path).lowercased() {
        case "js", "mjs", "cjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }

    /// What follows the last `.` of the last component (NSString's `pathExtension` is slow).
    static func fileExtension(_ path: String) -> Substring {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }
}

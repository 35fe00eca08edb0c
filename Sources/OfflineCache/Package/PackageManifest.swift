// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// `manifest.json` of an offline package (DESIGN §4).
public struct PackageManifest: Sendable, Hashable, Codable {
    /// The app this package belongs to.
    public var appId: AppID
    /// A human-readable name.
    public var name: String
    /// The package version.
    public var version: PackageVersion
    /// The file the container loads first (e.g. `index.js`, or `app.json` for a mini-program).
    public var entry: String
    /// The virtual host the app's resources are addressed by (e.g. `https://demo.app.local`).
    public var vhost: String?
    /// Where the app's files live online, for fallback (`fallbackBaseURL + path`).
    public var fallbackBaseURL: String?
    /// JSAPI names or groups the app may call.
    public var permissions: [String]
    /// Hosts the app may reach with `request`.
    public var allowedDomains: [String]
    /// Every file of the package: path → lowercase hex SHA-256.
    public var files: [String: String]

    /// Creates a manifest (validate it with `validate()` before use).
    public init(
        appId: AppID, name: String, version: PackageVersion, entry: String, vhost: String? = nil,
        fallbackBaseURL: String? = nil, permissions: [String] = [], allowedDomains: [String] = [],
        files: [String: String] = [:]
    ) {
        self.appId = appId
        self.name = name
        self.version = version
        self.entry = entry
        self.vhost = vhost
        self.fallbackBaseURL = fallbackBaseURL
        self.permissions = permissions
        self.allowedDomains = allowedDomains
        self.files = files
    }

    enum CodingKeys: String, CodingKey {
        case appId, name, version, entry, vhost, fallbackBaseURL, permissions, allowedDomains, files
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appId = try container.decode(AppID.self, forKey: .appId)
        name = try container.decode(String.self, forKey: .name)
        version = try container.decode(PackageVersion.self, forKey: .version)
        entry = try container.decode(String.self, forKey: .entry)
        vhost = try container.decodeIfPresent(String.self, forKey: .vhost)
        fallbackBaseURL = try container.decodeIfPresent(String.self, forKey: .fallbackBaseURL)
        permissions = try container.decodeIfPresent([String].self, forKey: .permissions) ?? []
        allowedDomains = try container.decodeIfPresent([String].self, forKey: .allowedDomains) ?? []
        files = try container.decode([String: String].self, forKey: .files)
    }

    /// The vhost as a URL, when set.
    public var vhostURL: URL? { vhost.flatMap(URL.init(string:)) }

    /// The fallback base as a URL, when set.
    public var fallbackBase: URL? { fallbackBaseURL.flatMap(URL.init(string:)) }

    /// The canonical JSON written into packages (sorted keys, no escaping of slashes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Parses and validates `manifest.json` bytes, refusing anything over `limit` bytes.
    public static func parse(_ data: Data, limit: Int = PackageLimits().maximumManifestBytes) throws -> PackageManifest {
        guard data.count <= limit else { throw PackageError.manifestTooLarge(bytes: data.count, limit: limit) }
        let manifest: PackageManifest
        do {
            manifest = try JSONDecoder().decode(PackageManifest.self, from: data)
        } catch let error as DecodingError {
            throw PackageError.invalidManifest(describe(error))
        } catch {
            throw PackageError.invalidManifest("not JSON: \(error.localizedDescription)", cause: error)
        }
        try manifest.validate()
        return manifest
    }

    /// Checks every field beyond its type: paths, hashes, URLs, lengths.
    public func validate() throws {
        func fail(_ reason: String) -> PackageError { .invalidManifest(reason) }
        guard !name.isEmpty, name.count <= 256 else { throw fail("name must be 1 to 256 characters") }
        if let problem = PackagePath.problem(with: entry) { throw fail("entry \"\(entry)\" \(problem.rawValue)") }
        guard files[entry] != nil else { throw fail("entry \"\(entry)\" is not listed in files") }
        for (path, hash) in files {
            if let problem = PackagePath.problem(with: path) { throw fail("files key \"\(path)\" \(problem.rawValue)") }
            guard Self.isSHA256Hex(hash) else { throw fail("files[\"\(path)\"] is not a lowercase hex SHA-256") }
            guard path != "manifest.json", path != "manifest.sig" else { throw fail("files must not list \(path)") }
        }
        if let vhost { try Self.checkURL(vhost, field: "vhost") }
        if let fallbackBaseURL { try Self.checkURL(fallbackBaseURL, field: "fallbackBaseURL") }
        for permission in permissions where permission.isEmpty || permission.count > 128 {
            throw fail("permissions entries must be 1 to 128 characters")
        }
        for domain in allowedDomains where domain.isEmpty || domain.count > 253 || domain.contains("/") {
            throw fail("allowedDomains entry \"\(domain)\" is not a host name")
        }
    }

    static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func checkURL(_ text: String, field: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = url.host, !host.isEmpty, NetworkPort.isUsable(url)
        else { throw PackageError.invalidManifest("\(field) \"\(text)\" is not an absolute http(s) URL with a usable port") }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) has the wrong type (expected \(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null (expected \(type))"
        case .dataCorrupted(let context):
            let where_ = path(context.codingPath)
            return where_.isEmpty ? "not JSON: \(context.debugDescription)" : "\(where_): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

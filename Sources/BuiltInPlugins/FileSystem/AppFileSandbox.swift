// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins

/// One app's files: `<root>/<appId>/usr` (what `wx.env.USER_DATA_PATH` names), `store` (saved
/// files) and `tmp`, reached through the platforms' virtual paths (`wxfile://usr/a.txt`,
/// `https://usr/a.txt`, `wxfile://store/…`, `wxfile://tmp/…`). Nothing outside can be named:
/// `..`, `.`, backslashes, NUL and symbolic links are refused, and every resolved path is checked
/// to stay under the app's folder.
struct AppFileSandbox {
    /// The areas of an app's folder.
    enum Area: String, CaseIterable {
        case usr, store, tmp
    }

    /// `<root>/<appId>`.
    let folder: URL
    /// What the app's files cost against its quotas.
    let usage: AreaUsage

    static let schemes = ["wxfile://", "https://", "ttfile://"]

    init(folder: URL, usage: AreaUsage) {
        self.folder = folder
        self.usage = usage
    }

    /// `<root>/<appId>`.
    static func folder(root: URL, appId: AppID) -> URL {
        root.appendingPathComponent(appId.rawValue, isDirectory: true)
    }

    /// The virtual path of a file under `area` (`wxfile://store/x`).
    func virtualPath(_ area: Area, _ relative: String, scheme: String = "wxfile://") -> String {
        scheme + area.rawValue + (relative.isEmpty ? "" : "/" + relative)
    }

    /// The real URL of a virtual path, and its area.
    func resolve(_ path: String, api: String) throws -> (url: URL, area: Area, relative: String) {
        guard path.utf8.count <= 1024 else { throw BridgeError(.invalidParameters, "\(api): the path is too long") }
        guard let scheme = Self.schemes.first(where: { path.hasPrefix($0) }) else {
            throw BridgeError(
                .invalidParameters, "\(api): \(path) is not one of the app's files (paths start with wx.env.USER_DATA_PATH)")
        }
        var components = path.dropFirst(scheme.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if components.last == "" { components.removeLast() }
        guard let first = components.first, let area = Area(rawValue: first) else {
            throw BridgeError(.invalidParameters, "\(api): \(path) is not one of the app's files")
        }
        let rest = Array(components.dropFirst())
        for component in rest
        where component.isEmpty || component == "." || component == ".." || component.contains("\\") || component.contains("\0") {
            throw BridgeError(.invalidParameters, "\(api): \(path) names a file outside the app's folder")
        }
        // A name longer than the file system takes (255 bytes) fails the same way on every call.
        if rest.contains(where: { $0.utf8.count > 255 }) { throw FileSystemPlugin.failure(.nameTooLong, api, path) }
        var url = folder.appendingPathComponent(area.rawValue, isDirectory: true)
        for component in rest { url.appendPathComponent(component) }
        try refuseLinks(url, api: api)
        return (url, area, rest.joined(separator: "/"))
    }

    /// Refuses a path whose existing part goes through a symbolic link.
    private func refuseLinks(_ url: URL, api: String) throws {
        var current = url
        let base = folder.standardizedFileURL.path
        while current.standardizedFileURL.path.count > base.count {
            if let kind = try? FileManager.default.attributesOfItem(atPath: current.path)[.type] as? FileAttributeType,
                kind == .typeSymbolicLink
            {
                throw BridgeError(.noPermission, "\(api): symbolic links are not followed")
            }
            current.deleteLastPathComponent()
        }
    }

    /// Creates the area folders (owner-only) if missing.
    func prepare() throws {
        for area in Area.allCases {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(area.rawValue), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
    }

    /// Charges `bytes` (negative: gives back) to the quota of `area`.
    func charge(_ bytes: Int, area: Area, api: String) throws {
        try usage.charge(bytes, to: AreaUsage.Group(area), api: api)
    }

    /// Gives back `bytes` to the quota of `area`.
    func refund(_ bytes: Int, area: Area) {
        usage.refund(bytes, from: AreaUsage.Group(area))
    }

    /// Empties `tmp` (the app ended).
    func removeTemporaryFiles() {
        let tmp = folder.appendingPathComponent(Area.tmp.rawValue, isDirectory: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmp.path)) ?? [] {
            try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name))
        }
        usage.reset(.temporary)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins

/// What the file operations share: quota charges, moves between areas, existence checks, stats.
extension FileOperations {
    /// Charges `change` to `area`'s quota, runs `body`, and gives it back if `body` fails.
    func charged(_ change: Int, area: AppFileSandbox.Area, _ body: () throws -> Void) throws {
        try sandbox.charge(change, area: area, api: api)
        do {
            try body()
        } catch {
            sandbox.refund(change, area: area)
            throw error
        }
    }

    /// Moves an entry (replacing a file of cost `replaced` at the destination) and moves its
    /// cost between the quotas when the areas count against different ones.
    func move(
        _ from: URL, _ fromArea: AppFileSandbox.Area, to: URL, _ toArea: AppFileSandbox.Area, replacing replaced: Int
    ) throws {
        let moved = AreaUsage.cost(ofTree: from)
        let crosses = AreaUsage.Group(fromArea) != AreaUsage.Group(toArea)
        try charged(crosses ? moved - replaced : -replaced, area: toArea) {
            if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
            try manager.moveItem(at: from, to: to)
        }
        if crosses { sandbox.refund(moved, area: fromArea) }
    }

    /// The URL of an existing regular file.
    func existingFile(_ path: String, operation: String) throws -> URL {
        try sandbox.prepare()
        let url = try sandbox.resolve(path, api: api).url
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw FileSystemPlugin.failure(.notFound, operation, path)
        }
        guard !isDirectory.boolValue else { throw FileSystemPlugin.failure(.isDirectory, operation, path) }
        return url
    }

    /// The size of a regular file, nil when nothing is there; a directory is refused.
    func fileSize(_ url: URL, path: String, operation: String) throws -> Int? {
        guard let attributes = try? manager.attributesOfItem(atPath: url.path) else { return nil }
        if attributes[.type] as? FileAttributeType == .typeDirectory { throw FileSystemPlugin.failure(.isDirectory, operation, path) }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    func parentMustExist(_ url: URL, path: String) throws {
        try sandbox.prepare()
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileSystemPlugin.failure(.notFound, "open", path)
        }
    }

    func directoryMustExist(_ url: URL, path: String, operation: String) throws {
        try sandbox.prepare()
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw FileSystemPlugin.failure(.notFound, operation, path)
        }
        guard isDirectory.boolValue else { throw FileSystemPlugin.failure(.notDirectory, operation, path) }
    }

    func stats(_ attributes: [FileAttributeKey: Any]) -> JSONValue {
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970.rounded(.down) ?? 0
        return [
            "mode": .number(Double((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0)),
            "size": .number(Double((attributes[.size] as? NSNumber)?.intValue ?? 0)),
            "lastAccessedTime": .number(modified), "lastModifiedTime": .number(modified),
            "isDirectory": .bool(attributes[.type] as? FileAttributeType == .typeDirectory),
            "isFile": .bool(attributes[.type] as? FileAttributeType == .typeRegular),
        ]
    }

    /// The bytes of `data`: binary as it is, a string in `encoding` (utf8 when absent).
    static func bytes(_ data: JSONValue, encoding: String?, api: String) throws -> Data {
        switch data {
        case .binary(let bytes): return bytes
        case .string(let text): return try (TextEncoding(encoding ?? "utf8", api: api) ?? .utf8).encode(text, api: api)
        default: throw BridgeError(.invalidParameters, "\(api): data must be a string or an ArrayBuffer")
        }
    }
}

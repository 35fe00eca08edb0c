// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins
import Synchronization

/// What one app's files cost against its two quotas (`usr` and `store` together; `tmp`), kept
/// as each operation changes them: the app's folder is scanned once per process, when first
/// needed, never per write. Every entry costs at least a block (``blockBytes``), so directories
/// and empty files count, and a quota also bounds how many entries an app can make.
///
/// The app's file operations run one at a time (``exclusive(_:)``), so a charge always matches
/// what is on disk when the next operation looks.
final class AreaUsage: Sendable {
    /// The quota an area counts against.
    enum Group: Sendable {
        case persistent, temporary

        init(_ area: AppFileSandbox.Area) { self = area == .tmp ? .temporary : .persistent }
    }

    /// What the smallest entry costs.
    static let blockBytes = 4096

    private let folder: URL
    private let persistentLimit: Int
    private let temporaryLimit: Int
    /// Bytes charged per group; absent until the group's folders were scanned.
    private let charged = Mutex<[Group: Int]>([:])
    /// Held while one of the app's operations runs.
    private let operations = Mutex(())

    init(folder: URL, persistentLimit: Int, temporaryLimit: Int) {
        self.folder = folder
        self.persistentLimit = persistentLimit
        self.temporaryLimit = temporaryLimit
    }

    /// What a file of `size` bytes costs: its blocks, at least one.
    static func cost(ofFileSize size: Int) -> Int {
        max(1, (size + blockBytes - 1) / blockBytes) * blockBytes
    }

    /// What the entry at `url` costs with everything under it (nothing if it is not there).
    static func cost(ofTree url: URL) -> Int {
        let keys: Set<URLResourceKey> = [.fileSizeKey, .isDirectoryKey]
        guard let values = try? url.resourceValues(forKeys: keys) else { return 0 }
        guard values.isDirectory == true else { return cost(ofFileSize: values.fileSize ?? 0) }
        var total = blockBytes
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: Array(keys))
        while let item = enumerator?.nextObject() as? URL {
            let itemValues = try? item.resourceValues(forKeys: keys)
            total += itemValues?.isDirectory == true ? blockBytes : cost(ofFileSize: itemValues?.fileSize ?? 0)
        }
        return total
    }

    /// Runs one of the app's file operations, alone.
    func exclusive<T: Sendable>(_ body: () throws -> T) throws -> T {
        try operations.withLock { _ throws -> T in try body() }
    }

    /// Adds `bytes` to `group`, or throws the platforms' "storage limit exceeded" when that would
    /// pass its quota (a negative `bytes` gives back, and always succeeds).
    func charge(_ bytes: Int, to group: Group, api: String) throws {
        let limit = group == .persistent ? persistentLimit : temporaryLimit
        let scanned = charged.withLock { $0[group] } ?? scan(group)
        try charged.withLock { charged throws -> Void in
            let used = charged[group] ?? scanned
            if bytes > 0, used + bytes > limit {
                charged[group] = used
                throw FileSystemPlugin.failure(
                    .storageFull, api,
                    "the maximum size of the \(group == .persistent ? "file storage" : "temporary files") limit (\(limit) bytes) is exceeded"
                )
            }
            charged[group] = max(0, used + bytes)
        }
    }

    /// Gives back `bytes` of `group`.
    func refund(_ bytes: Int, from group: Group) {
        charged.withLock { charged in
            if let used = charged[group] { charged[group] = max(0, used - bytes) }
        }
    }

    /// Forgets the figure of `group` (its folder was emptied behind the operations' back).
    func reset(_ group: Group) {
        charged.withLock { _ = $0.removeValue(forKey: group) }
    }

    private func scan(_ group: Group) -> Int {
        let areas: [AppFileSandbox.Area] = group == .persistent ? [.usr, .store] : [.tmp]
        return areas.reduce(0) { total, area in
            let cost = Self.cost(ofTree: folder.appendingPathComponent(area.rawValue, isDirectory: true))
            // The area's own folder is the container's, not the app's.
            return total + max(0, cost - Self.blockBytes)
        }
    }
}

/// The ``AreaUsage`` of every app, by app id (instances of one app share its files).
final class UsageLedger: Sendable {
    private let usages = Mutex<[AppID: AreaUsage]>([:])
    private let live = Mutex<[AppID: Int]>([:])

    func usage(of appId: AppID, folder: URL, persistentLimit: Int, temporaryLimit: Int) -> AreaUsage {
        usages.withLock { usages in
            if let usage = usages[appId] { return usage }
            let usage = AreaUsage(folder: folder, persistentLimit: persistentLimit, temporaryLimit: temporaryLimit)
            usages[appId] = usage
            return usage
        }
    }

    /// An instance of `appId` started.
    func started(_ appId: AppID) {
        live.withLock { $0[appId, default: 0] += 1 }
    }

    /// An instance of `appId` ended; true when it was the last one running.
    func ended(_ appId: AppID) -> Bool {
        live.withLock { live in
            let left = max(0, live[appId, default: 1] - 1)
            live[appId] = left == 0 ? nil : left
            return left == 0
        }
    }
}

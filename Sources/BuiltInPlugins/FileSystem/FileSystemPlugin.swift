// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import NIOPosix
import Plugins

/// A file system per app, behind `getFileSystemManager()` of both platforms, `saveFile` and
/// `getFileInfo`: `fs.readFile`, `fs.writeFile`, `fs.appendFile`, `fs.copyFile`, `fs.rename`,
/// `fs.unlink`, `fs.mkdir`, `fs.rmdir`, `fs.readdir`, `fs.stat`, `fs.access`, `fs.saveFile`,
/// `fs.getFileInfo`, `fs.getSavedFileList`, `fs.removeSavedFile`, each also as `…Sync`.
///
/// Confined to the app's folder (``AppFileSandbox``) with two quotas, each entry costing at
/// least a block (``AreaUsage``); permission `file`. `tmp` is emptied when the app's last
/// instance ends. Errors carry the platforms' codes (1300002 no such file or directory, 1301005
/// already exists, …). Async calls do their file work on NIO's blocking pool, never on the
/// cooperative threads; one app's operations run one at a time.
public struct FileSystemPlugin: Plugin {
    public let name = "fs"
    /// Where every app's folder lives.
    public let root: URL
    /// Bytes each app may keep in user files and saved files together.
    public let quotaBytes: Int
    /// Bytes each app may keep in temporary files (`tmp`: downloads, …).
    public let temporaryQuotaBytes: Int
    private let ledger = UsageLedger()

    /// A file system failure, with the code the platforms use.
    public enum Failure: Int, Sendable {
        case notFound = 1_300_002
        case notDirectory = 1_300_020
        case isDirectory = 1_301_003
        case notEmpty = 1_300_066
        case exists = 1_301_005
        case storageFull = 1_300_202
        case nameTooLong = 1_300_036
        case failed = 1_300_022

        var reason: String {
            switch self {
            case .notFound: "no such file or directory"
            case .notDirectory: "not a directory"
            case .isDirectory: "illegal operation on a directory"
            case .notEmpty: "directory not empty"
            case .exists: "file already exists"
            case .storageFull: "storage limit exceeded"
            case .nameTooLong: "file name too long"
            case .failed: "operation failed"
            }
        }
    }

    /// Creates the plugin; app folders are made under `root` on first use.
    public init(root: URL, quotaBytes: Int = 10 << 20, temporaryQuotaBytes: Int = 50 << 20) {
        self.root = root
        self.quotaBytes = quotaBytes
        self.temporaryQuotaBytes = temporaryQuotaBytes
    }

    /// The largest file an app can read: more than its quotas hold was not written by it.
    var maximumReadBytes: Int { max(quotaBytes, temporaryQuotaBytes) }

    func sandbox(for appId: AppID) -> AppFileSandbox {
        let folder = AppFileSandbox.folder(root: root, appId: appId)
        return AppFileSandbox(
            folder: folder,
            usage: ledger.usage(of: appId, folder: folder, persistentLimit: quotaBytes, temporaryLimit: temporaryQuotaBytes))
    }

    public func setUp(_ app: AppHandle) async throws {
        ledger.started(app.descriptor.appId)
    }

    /// The app's last instance ended: its temporary files go.
    public func tearDown(_ app: AppHandle) async {
        guard ledger.ended(app.descriptor.appId) else { return }
        let sandbox = sandbox(for: app.descriptor.appId)
        _ = try? await NIOThreadPool.singleton.runIfActive { try sandbox.usage.exclusive { sandbox.removeTemporaryFiles() } }
    }

    static func failure(_ kind: Failure, _ api: String, _ detail: String) -> BridgeError {
        BridgeError(.plugin(kind.rawValue), "\(kind.reason), \(api) \(detail)")
    }

    typealias Operation = @Sendable (FileOperations) throws -> JSONValue

    /// Runs `body`; a Foundation or POSIX error it throws becomes a typed failure with the
    /// platforms' code and no host path in its message (the app's own paths are in the others).
    static func typed(_ api: String, _ body: () throws -> JSONValue) throws -> JSONValue {
        do {
            return try body()
        } catch let error as BridgeError {
            throw error
        } catch {
            let code =
                (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code }
                ?? ((error as NSError).domain == NSPOSIXErrorDomain ? (error as NSError).code : nil)
            let failure = { (kind: Failure, detail: String) in BridgeError(.plugin(kind.rawValue), "\(kind.reason), \(api)\(detail)") }
            switch code {
            case Int(ENAMETOOLONG): throw failure(.nameTooLong, "")
            case Int(ENOSPC), Int(EDQUOT): throw failure(.storageFull, "")
            case Int(ENOENT): throw failure(.notFound, "")
            case let errno?: throw failure(.failed, ": " + String(cString: strerror(Int32(errno))))
            case nil: throw failure(.failed, "")
            }
        }
    }

    private func operations(for call: PluginCall, api: String) -> FileOperations {
        FileOperations(sandbox: sandbox(for: call.app.descriptor.appId), api: api, maximumReadBytes: maximumReadBytes)
    }

    public var methods: [PluginMethod] {
        let operations: [(String, @Sendable (PluginCall) throws -> Operation)] = [
            ("readFile", FileOperations.readFile), ("writeFile", FileOperations.writeFile),
            ("appendFile", FileOperations.appendFile), ("copyFile", FileOperations.copyFile),
            ("rename", FileOperations.rename), ("unlink", FileOperations.unlink), ("mkdir", FileOperations.mkdir),
            ("rmdir", FileOperations.rmdir), ("readdir", FileOperations.readdir), ("stat", FileOperations.stat),
            ("access", FileOperations.access), ("saveFile", FileOperations.saveFile),
            ("getFileInfo", FileOperations.getFileInfo), ("getSavedFileList", FileOperations.getSavedFileList),
            ("removeSavedFile", FileOperations.removeSavedFile),
        ]
        let plugin = self
        var methods: [PluginMethod] = []
        for (name, prepare) in operations {
            methods.append(
                .async("fs." + name, permission: "file") { call in
                    let operation = try prepare(call)
                    let files = plugin.operations(for: call, api: name)
                    return try await NIOThreadPool.singleton.runIfActive {
                        try Self.typed(name) { try files.sandbox.usage.exclusive { try operation(files) } }
                    }
                })
            methods.append(
                .sync("fs." + name + "Sync", permission: "file") { call in
                    let operation = try prepare(call)
                    let files = plugin.operations(for: call, api: name)
                    return try Self.typed(name) { try files.sandbox.usage.exclusive { try operation(files) } }
                })
        }
        return methods
    }
}

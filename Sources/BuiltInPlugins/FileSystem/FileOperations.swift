// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins

/// The file operations of ``FileSystemPlugin``. Each static function decodes and checks a
/// call's parameters (on the caller's thread) and returns the work to do on the files.
struct FileOperations: Sendable {
    let sandbox: AppFileSandbox
    let api: String
    /// Larger files are refused by `readFile` (no app could have written them).
    let maximumReadBytes: Int

    var manager: FileManager { .default }

    // MARK: Parameters

    struct PathParams: Decodable { var filePath: String? = nil, path: String? = nil, dirPath: String? = nil }
    struct ReadParams: Decodable { var filePath: String, encoding: String? = nil, position: Double? = nil, length: Double? = nil }
    struct WriteParams: Decodable { var filePath: String, data: JSONValue, encoding: String? = nil }
    struct TwoPaths: Decodable { var srcPath: String? = nil, destPath: String? = nil, oldPath: String? = nil, newPath: String? = nil }
    struct DirParams: Decodable { var dirPath: String, recursive: Bool? = nil }
    struct SaveParams: Decodable { var tempFilePath: String, filePath: String? = nil }

    static func twoPaths(
        _ call: PluginCall, _ first: KeyPath<TwoPaths, String?>, _ second: KeyPath<TwoPaths, String?>, named names: String
    ) throws -> (String, String) {
        let params = try call.decode(TwoPaths.self)
        guard let one = params[keyPath: first], let other = params[keyPath: second] else {
            throw call.reject(.invalidParameters, "\(call.api): \(names) are required")
        }
        return (one, other)
    }

    static func path(_ call: PluginCall) throws -> String {
        let params = try call.decode(PathParams.self)
        guard let path = params.filePath ?? params.path ?? params.dirPath else {
            throw call.reject(.invalidParameters, "\(call.api): filePath is required")
        }
        return path
    }

    // MARK: Operations

    static func readFile(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(ReadParams.self)
        let encoding = try TextEncoding(params.encoding, api: call.api)
        let position = try params.position.map { try AppNumbers.integer($0, field: "position", in: 0...Int.max) }
        let length = try params.length.map { try AppNumbers.integer($0, field: "length", in: 0...Int.max) }
        return { files in
            let url = try files.existingFile(params.filePath, operation: "open")
            if let size = try files.fileSize(url, path: params.filePath, operation: "open"), size > files.maximumReadBytes {
                throw FileSystemPlugin.failure(
                    .failed, "readFile", "\(params.filePath) is larger than the app's quota (\(files.maximumReadBytes) bytes)")
            }
            var data = try Data(contentsOf: url)
            if position != nil || length != nil {
                let start = min(position ?? 0, data.count)
                // `length` may be anything up to Int.max: clamp to what is left, never add past it.
                let end = length.map { start + min($0, data.count - start) } ?? data.count
                data = data.subdata(in: start..<end)
            }
            return ["data": encoding.map { .string($0.decode(data)) } ?? .binary(data)]
        }
    }

    static func writeFile(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(WriteParams.self)
        let data = try bytes(params.data, encoding: params.encoding, api: call.api)
        return { files in
            let (url, area, _) = try files.sandbox.resolve(params.filePath, api: files.api)
            let existing = try files.fileSize(url, path: params.filePath, operation: "open")
            try files.parentMustExist(url, path: params.filePath)
            let change = AreaUsage.cost(ofFileSize: data.count) - (existing.map(AreaUsage.cost(ofFileSize:)) ?? 0)
            try files.charged(change, area: area) { try data.write(to: url, options: .atomic) }
            return .null
        }
    }

    static func appendFile(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(WriteParams.self)
        let data = try bytes(params.data, encoding: params.encoding, api: call.api)
        return { files in
            let url = try files.existingFile(params.filePath, operation: "open")
            let area = try files.sandbox.resolve(params.filePath, api: files.api).area
            let size = try files.fileSize(url, path: params.filePath, operation: "open") ?? 0
            let change = AreaUsage.cost(ofFileSize: size + data.count) - AreaUsage.cost(ofFileSize: size)
            try files.charged(change, area: area) {
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: data)
            }
            return .null
        }
    }

    static func copyFile(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let (source, destination) = try twoPaths(call, \.srcPath, \.destPath, named: "srcPath and destPath")
        return { files in
            let from = try files.existingFile(source, operation: "copyFile")
            let (to, area, _) = try files.sandbox.resolve(destination, api: files.api)
            // Onto itself: nothing to do (removing the destination first would delete the source).
            if from.standardizedFileURL.path == to.standardizedFileURL.path { return .null }
            try files.parentMustExist(to, path: destination)
            let size = try files.fileSize(from, path: source, operation: "copyFile") ?? 0
            let replaced = try files.fileSize(to, path: destination, operation: "copyFile")
            let change = AreaUsage.cost(ofFileSize: size) - (replaced.map(AreaUsage.cost(ofFileSize:)) ?? 0)
            try files.charged(change, area: area) {
                if files.manager.fileExists(atPath: to.path) { try files.manager.removeItem(at: to) }
                try files.manager.copyItem(at: from, to: to)
            }
            return .null
        }
    }

    static func rename(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let (old, new) = try twoPaths(call, \.oldPath, \.newPath, named: "oldPath and newPath")
        return { files in
            let (from, fromArea, _) = try files.sandbox.resolve(old, api: files.api)
            guard files.manager.fileExists(atPath: from.path) else { throw FileSystemPlugin.failure(.notFound, "rename", old) }
            let (to, toArea, _) = try files.sandbox.resolve(new, api: files.api)
            // Onto itself: a no-op, as POSIX rename(2) is.
            if from.standardizedFileURL.path == to.standardizedFileURL.path { return .null }
            try files.parentMustExist(to, path: new)
            var replaced = 0
            if files.manager.fileExists(atPath: to.path) {
                var isDirectory: ObjCBool = false
                _ = files.manager.fileExists(atPath: to.path, isDirectory: &isDirectory)
                guard !isDirectory.boolValue else { throw FileSystemPlugin.failure(.exists, "rename", new) }
                replaced = AreaUsage.cost(ofTree: to)
            }
            try files.move(from, fromArea, to: to, toArea, replacing: replaced)
            return .null
        }
    }

    static func unlink(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let path = try path(call)
        return { files in
            let url = try files.existingFile(path, operation: "unlink")
            let area = try files.sandbox.resolve(path, api: files.api).area
            let cost = AreaUsage.cost(ofTree: url)
            try files.manager.removeItem(at: url)
            files.sandbox.refund(cost, area: area)
            return .null
        }
    }

    static func mkdir(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(DirParams.self)
        return { files in
            let (url, area, relative) = try files.sandbox.resolve(params.dirPath, api: files.api)
            guard !relative.isEmpty else { throw FileSystemPlugin.failure(.exists, "mkdir", params.dirPath) }
            if files.manager.fileExists(atPath: url.path) { throw FileSystemPlugin.failure(.exists, "mkdir", params.dirPath) }
            if params.recursive != true { try files.parentMustExist(url, path: params.dirPath) }
            // Each folder made costs a block (`a/b/c` with none there: three).
            var missing = 0
            var cursor = url
            while !files.manager.fileExists(atPath: cursor.path), cursor.pathComponents.count > files.sandbox.folder.pathComponents.count {
                missing += 1
                cursor.deleteLastPathComponent()
            }
            try files.charged(missing * AreaUsage.blockBytes, area: area) {
                try files.manager.createDirectory(at: url, withIntermediateDirectories: params.recursive == true)
            }
            return .null
        }
    }

    static func rmdir(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(DirParams.self)
        return { files in
            let (url, area, relative) = try files.sandbox.resolve(params.dirPath, api: files.api)
            try files.directoryMustExist(url, path: params.dirPath, operation: "rmdir")
            guard !relative.isEmpty else { throw BridgeError(.noPermission, "\(files.api): the root of an area cannot be removed") }
            if params.recursive != true, !(try files.manager.contentsOfDirectory(atPath: url.path)).isEmpty {
                throw FileSystemPlugin.failure(.notEmpty, "rmdir", params.dirPath)
            }
            let cost = AreaUsage.cost(ofTree: url)
            try files.manager.removeItem(at: url)
            files.sandbox.refund(cost, area: area)
            return .null
        }
    }

    static func readdir(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(DirParams.self)
        return { files in
            let url = try files.sandbox.resolve(params.dirPath, api: files.api).url
            try files.directoryMustExist(url, path: params.dirPath, operation: "readdir")
            return ["files": .array(try files.manager.contentsOfDirectory(atPath: url.path).sorted().map(JSONValue.string))]
        }
    }

    static func stat(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let path = try path(call)
        return { files in
            let url = try files.sandbox.resolve(path, api: files.api).url
            guard let attributes = try? files.manager.attributesOfItem(atPath: url.path) else {
                throw FileSystemPlugin.failure(.notFound, "stat", path)
            }
            return ["stats": files.stats(attributes)]
        }
    }

    static func access(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let path = try path(call)
        return { files in
            let url = try files.sandbox.resolve(path, api: files.api).url
            guard files.manager.fileExists(atPath: url.path) else { throw FileSystemPlugin.failure(.notFound, "access", path) }
            return .null
        }
    }

    static func saveFile(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let params = try call.decode(SaveParams.self)
        return { files in
            let from = try files.existingFile(params.tempFilePath, operation: "saveFile")
            let fromArea = try files.sandbox.resolve(params.tempFilePath, api: files.api).area
            let destination = params.filePath ?? files.sandbox.virtualPath(.store, UUID().uuidString + "-" + from.lastPathComponent)
            let (to, area, _) = try files.sandbox.resolve(destination, api: files.api)
            if from.standardizedFileURL.path == to.standardizedFileURL.path { return ["savedFilePath": .string(destination)] }
            try files.parentMustExist(to, path: destination)
            let replaced = try files.fileSize(to, path: destination, operation: "saveFile").map(AreaUsage.cost(ofFileSize:)) ?? 0
            try files.move(from, fromArea, to: to, area, replacing: replaced)
            return ["savedFilePath": .string(destination)]
        }
    }

    static func getFileInfo(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let path = try path(call)
        return { files in
            let url = try files.existingFile(path, operation: "getFileInfo")
            let size = try files.fileSize(url, path: path, operation: "getFileInfo") ?? 0
            return ["size": .number(Double(size))]
        }
    }

    static func getSavedFileList(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        { files in
            try files.sandbox.prepare()
            let store = files.sandbox.folder.appendingPathComponent("store")
            let list: [JSONValue] = try files.manager.contentsOfDirectory(atPath: store.path).sorted().map { name in
                let attributes = try files.manager.attributesOfItem(atPath: store.appendingPathComponent(name).path)
                return [
                    "filePath": .string(files.sandbox.virtualPath(.store, name)),
                    "size": .number(Double((attributes[.size] as? NSNumber)?.intValue ?? 0)),
                    "createTime": .number(
                        ((attributes[.creationDate] as? Date) ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970.rounded(.down)),
                ]
            }
            return ["fileList": .array(list)]
        }
    }

    static func removeSavedFile(_ call: PluginCall) throws -> FileSystemPlugin.Operation {
        let path = try path(call)
        return { files in
            let (url, area, _) = try files.sandbox.resolve(path, api: files.api)
            guard area == .store else { throw BridgeError(.invalidParameters, "\(files.api): \(path) is not a saved file") }
            guard files.manager.fileExists(atPath: url.path) else { throw FileSystemPlugin.failure(.notFound, "removeSavedFile", path) }
            let cost = AreaUsage.cost(ofTree: url)
            try files.manager.removeItem(at: url)
            files.sandbox.refund(cost, area: area)
            return .null
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Offers a ``CloudService`` to mini-programs' `wx.cloud` as the `cloud.*` JSAPIs
/// (`cloud.callFunction`, `cloud.database`, `cloud.uploadFile`, `cloud.downloadFile`,
/// `cloud.getTempFileURL`, `cloud.deleteFile`). Register it with the container's plugins. The
/// calls need no manifest permission: the cloud is the app's own backend, and a host offers it
/// by registering this plugin (a host serving several apps tells them apart by `app`).
public struct CloudPlugin: Plugin {
    public let name = "cloud"
    let service: any CloudService

    /// A plugin answering from `service`.
    public init(service: any CloudService) { self.service = service }

    private static func failure(_ error: any Error) -> any Error {
        if let cloud = error as? CloudError {
            return BridgeError(.plugin(1001), cloud.description)
        }
        return error
    }

    public var methods: [PluginMethod] {
        let service = self.service
        return [
            .async("cloud.callFunction", permission: nil) { call in
                guard let name = call.params["name"]?.stringValue, !name.isEmpty else {
                    throw call.reject(.invalidParameters, "name must be a non-empty string")
                }
                let request = CloudFunctionCall(
                    name: name, data: call.params["data"] ?? .null, environment: call.params["env"]?.stringValue, app: call.app)
                do { return ["result": try await service.callFunction(request)] } catch { throw Self.failure(error) }
            },
            .async("cloud.database", permission: nil) { call in
                guard let action = call.params["action"]?.stringValue, let collection = call.params["collection"]?.stringValue,
                    !collection.isEmpty
                else { throw call.reject(.invalidParameters, "a database call needs an action and a collection") }
                let request = CloudDatabaseRequest(
                    action: action, collection: collection, documentID: call.params["doc"]?.stringValue,
                    query: call.params["query"] ?? .null, data: call.params["data"] ?? .null, options: call.params["options"] ?? [:],
                    environment: call.params["env"]?.stringValue, app: call.app)
                do { return try await service.database(request) } catch { throw Self.failure(error) }
            },
            .async("cloud.uploadFile", permission: nil) { call in
                guard let path = call.params["cloudPath"]?.stringValue, !path.isEmpty else {
                    throw call.reject(.invalidParameters, "cloudPath must be a non-empty string")
                }
                guard let contents = Self.binary(call.params["contents"]) else {
                    throw call.reject(.invalidParameters, "contents must be an ArrayBuffer")
                }
                do {
                    return ["fileID": .string(try await service.uploadFile(cloudPath: path, contents: contents, app: call.app))]
                } catch { throw Self.failure(error) }
            },
            .async("cloud.downloadFile", permission: nil) { call in
                guard let fileID = call.params["fileID"]?.stringValue, !fileID.isEmpty else {
                    throw call.reject(.invalidParameters, "fileID must be a non-empty string")
                }
                do { return ["contents": .binary(try await service.downloadFile(fileID: fileID, app: call.app))] } catch {
                    throw Self.failure(error)
                }
            },
            .async("cloud.getTempFileURL", permission: nil) { call in
                let ids = Self.fileList(call.params)
                do {
                    let urls = try await service.temporaryURLs(for: ids, app: call.app)
                    return [
                        "fileList": .array(
                            ids.map { id in
                                urls[id].map { ["fileID": .string(id), "tempFileURL": .string($0), "status": 0, "errMsg": "ok"] }
                                    ?? ["fileID": .string(id), "tempFileURL": "", "status": -1, "errMsg": "file not found"]
                            })
                    ]
                } catch { throw Self.failure(error) }
            },
            .async("cloud.deleteFile", permission: nil) { call in
                let ids = Self.fileList(call.params)
                do {
                    let deleted = Set(try await service.deleteFiles(ids, app: call.app))
                    return [
                        "fileList": .array(
                            ids.map {
                                [
                                    "fileID": .string($0), "status": deleted.contains($0) ? 0 : -1,
                                    "errMsg": deleted.contains($0) ? "ok" : "file not found",
                                ]
                            })
                    ]
                } catch { throw Self.failure(error) }
            },
        ]
    }

    private static func binary(_ value: JSONValue?) -> Data? {
        if case .binary(let data)? = value { return data }
        return nil
    }

    private static func fileList(_ params: JSONValue) -> [String] {
        (params["fileList"]?.arrayValue ?? []).compactMap { $0.stringValue ?? $0["fileID"]?.stringValue }
    }
}

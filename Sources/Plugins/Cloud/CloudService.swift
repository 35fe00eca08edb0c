// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// The backend behind a mini-program's `wx.cloud` (WeChat's cloud development): a host that has
/// one (its own functions, a database, a file store) implements this and registers
/// ``CloudPlugin``. Without it, every `wx.cloud` call fails in the platform's shape with
/// "cloud not configured". Only ``callFunction(_:)`` is required; the rest fail, by default,
/// with ``CloudError/notOffered(_:)``.
public protocol CloudService: Sendable {
    /// `wx.cloud.callFunction({name, data})`: the function's `result`.
    func callFunction(_ call: CloudFunctionCall) async throws -> JSONValue
    /// One `wx.cloud.database()` operation (`get`, `add`, `update`, `set`, `remove`, `count`),
    /// as ``CloudDatabaseRequest`` describes it; the answer the platform gives for it
    /// (`{data: [...]}` for `get`, `{_id}` for `add`, `{stats: {updated}}` …).
    func database(_ request: CloudDatabaseRequest) async throws -> JSONValue
    /// `wx.cloud.uploadFile({cloudPath, filePath})`: stores the bytes, returns the `fileID`.
    func uploadFile(cloudPath: String, contents: Data, app: AppHandle) async throws -> String
    /// `wx.cloud.downloadFile({fileID})`: the file's bytes.
    func downloadFile(fileID: String, app: AppHandle) async throws -> Data
    /// `wx.cloud.getTempFileURL({fileList})`: an HTTP URL for each file ID it knows.
    func temporaryURLs(for fileIDs: [String], app: AppHandle) async throws -> [String: String]
    /// `wx.cloud.deleteFile({fileList})`: the IDs that were deleted.
    func deleteFiles(_ fileIDs: [String], app: AppHandle) async throws -> [String]
}

extension CloudService {
    public func database(_ request: CloudDatabaseRequest) async throws -> JSONValue { throw CloudError.notOffered("database") }
    public func uploadFile(cloudPath: String, contents: Data, app: AppHandle) async throws -> String {
        throw CloudError.notOffered("uploadFile")
    }
    public func downloadFile(fileID: String, app: AppHandle) async throws -> Data { throw CloudError.notOffered("downloadFile") }
    public func temporaryURLs(for fileIDs: [String], app: AppHandle) async throws -> [String: String] {
        throw CloudError.notOffered("getTempFileURL")
    }
    public func deleteFiles(_ fileIDs: [String], app: AppHandle) async throws -> [String] { throw CloudError.notOffered("deleteFile") }
}

/// `wx.cloud.callFunction`'s request.
public struct CloudFunctionCall: Sendable {
    /// The function's name.
    public let name: String
    /// Its `data` argument.
    public let data: JSONValue
    /// The environment `wx.cloud.init({env})` (or the call's `config.env`) chose; nil for the default.
    public let environment: String?
    /// The calling app.
    public let app: AppHandle
}

/// One database operation of `wx.cloud.database()`.
public struct CloudDatabaseRequest: Sendable {
    /// `get`, `add`, `update`, `set`, `remove`, `count` (and `watch`, answered as unsupported by the JS side).
    public let action: String
    /// The collection's name.
    public let collection: String
    /// The document's `_id` for `doc(id)…`, or nil for a query over the collection.
    public let documentID: String?
    /// The `where` conditions; commands (`db.command.gt(1)`) as `{"$cmd": "gt", "value": 1}`.
    public let query: JSONValue
    /// The `data` of `add`, `update` and `set`.
    public let data: JSONValue
    /// `orderBy` (`[{field, order}]`), `limit`, `skip`, `field` as the app chained them.
    public let options: JSONValue
    /// The environment, as for functions.
    public let environment: String?
    /// The calling app.
    public let app: AppHandle
}

/// Why a cloud call failed on the host's side; the app sees the message in `errMsg`.
public enum CloudError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service does not offer this part of the cloud.
    case notOffered(String)
    /// No such function, collection, document or file.
    case notFound(String)
    /// The service failed; the message goes to the app.
    case failed(String)

    public var description: String {
        switch self {
        case .notOffered(let what): "\(what) is not offered by this host's cloud"
        case .notFound(let what): "\(what) not found"
        case .failed(let message): message
        }
    }
}

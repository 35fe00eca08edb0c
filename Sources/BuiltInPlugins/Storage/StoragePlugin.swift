// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GRDB
import Plugins

/// `setStorage/getStorage/removeStorage/clearStorage/getStorageInfo` and their `…Sync`
/// variants: a key-value store per app (namespaced by appId) in SQLite, with a quota.
///
/// Values are any JSON value (binary data is refused: store it elsewhere). Permission group
/// `storage`. Quota errors use code 1001. Reads are answered from a per-app copy in memory while
/// no process has written the app's data since (``StorageMirror``; a generations file beside
/// the database, `<database>.generations`, tells every process at once).
public struct StoragePlugin: Plugin {
    public let name = "storage"
    /// Bytes (keys + JSON values) each app may store.
    public let quotaBytes: Int
    /// Async calls use GRDB's async access (its own serial queue: SQLite blocks, and blocking
    /// Swift's cooperative threads with it starved every other task of the container under
    /// load, found by `hybrid-bench soak`); `…Sync` calls use its blocking access.
    let database: DatabaseQueue
    /// Apps' values in memory, exact across processes (nil when its file cannot be mapped).
    let mirror: StorageMirror?

    /// Code of "quota exceeded".
    public static let quotaExceeded = BridgeErrorCode.plugin(1001)

    /// Opens (or creates) the SQLite database at `url`.
    public init(databaseURL url: URL, quotaBytes: Int = 10 << 20) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        // Other processes share this file (two hosts, a host and the CLI): every statement
        // waits up to 10 s for their locks instead of failing with "database is locked".
        configuration.busyMode = .timeout(10)
        // synchronous=NORMAL with WAL: one fsync per checkpoint instead of per write; committed
        // data survives a killed process (only a power loss may drop the last transactions).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let database = try DatabaseQueue(path: url.path, configuration: configuration)
        self.database = database
        // Apps' data is readable by the owner only (SQLite gives the -wal/-shm files the same mode).
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        // WAL is set once per file (it persists) and only when missing: switching modes needs
        // an exclusive lock, which SQLite may refuse at once (SQLITE_BUSY without waiting) while
        // another process writes, so it is retried until a deadline.
        try SQLiteRetry.untilDeadline(.seconds(15)) {
            try database.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
        }
        try SQLiteRetry.untilDeadline(.seconds(15)) {
            try database.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS storage (
                            app TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                            PRIMARY KEY (app, key)) WITHOUT ROWID
                        """)
                try db.execute(sql: StorageMirror.createTable)
            }
        }
        self.quotaBytes = quotaBytes
        self.mirror = StorageMirror(generationsFile: URL(fileURLWithPath: url.path + ".generations"))
    }

    struct KeyParams: Decodable { var key: String }
    struct SetParams: Decodable { var key: String; var data: JSONValue }

    public var methods: [PluginMethod] {
        let group = "storage"
        var list: [PluginMethod] = []
        let plugin = self
        let operations: [(String, @Sendable (PluginCall) throws -> Operation)] = [
            ("setStorage", { try plugin.set($0) }), ("getStorage", { try plugin.get($0) }),
            ("removeStorage", { try plugin.remove($0) }), ("clearStorage", { try plugin.clear($0) }),
            ("getStorageInfo", { try plugin.info($0) }),
        ]
        let database = self.database
        // The framework's own read: the value with where its generation is announced, so the
        // framework's JavaScript can keep a copy and check it without a call.
        list.append(
            .sync(Self.frameworkRead, permission: group) { call in
                let operation = try plugin.get(call, withGeneration: true)
                if let answer = operation.answer() { return answer }
                let outcome = try database.read(operation.run)
                return outcome.result
            })
        for (name, prepare) in operations {
            list.append(
                .async(name, permission: group) { call in
                    let operation = try prepare(call)
                    if let answer = operation.answer() { return answer }
                    let outcome: Outcome
                    switch operation.access {
                    case .read: outcome = try await database.unsafeRead(operation.run)
                    case .snapshot: outcome = try await database.read(operation.run)
                    case .write: outcome = try await database.write(operation.run)
                    }
                    outcome.afterCommit()
                    return outcome.result
                })
            list.append(
                .sync(name + "Sync", permission: group) { call in
                    let operation = try prepare(call)
                    if let answer = operation.answer() { return answer }
                    let outcome: Outcome
                    switch operation.access {
                    case .read: outcome = try database.unsafeRead(operation.run)
                    case .snapshot: outcome = try database.read(operation.run)
                    case .write: outcome = try database.write(operation.run)
                    }
                    outcome.afterCommit()
                    return outcome.result
                })
        }
        return list
    }

    /// One call's database work, its parameters already checked. `.read` uses `unsafeRead`: no
    /// read-only transaction around it (GRDB's `read` adds `BEGIN`/`COMMIT` and two `query_only`
    /// pragmas, two thirds of a `getStorageSync`, 34 → 12 µs in `hybrid-bench miniprogram`).
    /// Safe for one statement: a `DatabaseQueue` has one connection and serializes every access,
    /// so no write interleaves with a read's statements. `.snapshot` is a transaction (several
    /// statements that must see one state, the mirror's reload).
    struct Operation: Sendable {
        enum Access: Sendable { case read, snapshot, write }
        let access: Access
        /// The answer without SQLite (a current mirrored value), when there is one.
        var answer: @Sendable () -> JSONValue? = { nil }
        let run: @Sendable (Database) throws -> Outcome
    }
    /// A result, and what to do once the transaction committed (tell the mirror).
    struct Outcome: Sendable {
        var result: JSONValue
        var afterCommit: @Sendable () -> Void = {}
    }

    /// The `key` parameter: read directly in the common case (no `Decodable` machinery on the
    /// hot path); anything else goes through `decode` for its usual error.
    private static func key(of call: PluginCall) throws -> String {
        if case .string(let key)? = call.params["key"] { return key }
        return try call.decode(KeyParams.self).key
    }

    private func set(_ call: PluginCall) throws -> Operation {
        let params = try call.decode(SetParams.self)
        try Self.checkKey(params.key, call)
        // JSON.stringify's rules (NaN and Infinity are stored as null, as the platforms do).
        guard let json = params.data.stringified() else {
            throw call.reject(.invalidParameters, "\(call.api): data must be JSON (no binary)")
        }
        let app = call.app.descriptor.appId.rawValue
        let quota = quotaBytes
        let api = call.api
        let mirror = self.mirror
        return Operation(access: .write) { db in
            let used =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COALESCE(SUM(LENGTH(CAST(key AS BLOB)) + LENGTH(CAST(value AS BLOB))), 0) FROM storage WHERE app = ? AND key != ?",
                    arguments: [app, params.key]) ?? 0
            let needed = params.key.utf8.count + json.utf8.count
            guard used + needed <= quota else {
                throw BridgeError(Self.quotaExceeded, "\(api): storage quota of \(quota) bytes exceeded (\(used) used, \(needed) more)")
            }
            try db.execute(
                sql: "INSERT INTO storage (app, key, value) VALUES (?, ?, ?) ON CONFLICT(app, key) DO UPDATE SET value = excluded.value",
                arguments: [app, params.key, json])
            return try Self.written(.set(key: params.key, stored: json), app: app, mirror: mirror, db)
        }
    }

    /// The framework-only read (`__hc.storageRead`): `{data, slot?, generation?}` — `slot` is
    /// the index of the app's generation in ``sharedRegion`` as 32-bit words (low, high), and
    /// `generation` is `[low, high]` when the value is current at it.
    public static let frameworkRead = "__hc.storageRead"

    /// The generations every process announces its writes in (nil when they cannot be mapped):
    /// the framework reads them to know its copies are still current.
    public var sharedRegion: SharedMemoryRegion? { mirror?.region }
    /// The name the framework asks for ``sharedRegion`` by (`bridge.sharedBuffer(name)`).
    public static let generationsRegion = "storage-generations"

    private func get(_ call: PluginCall, withGeneration: Bool = false) throws -> Operation {
        let key = try Self.key(of: call)
        let app = call.app.descriptor.appId.rawValue
        guard let mirror else {
            return Operation(access: .read) { db in
                // A cached statement: the hot path (`getStorageSync` in a loop) does not compile SQL.
                let statement = try db.cachedStatement(sql: "SELECT value FROM storage WHERE app = ? AND key = ?")
                let stored = try String.fetchOne(statement, arguments: [app, key])
                // Parsed keeping the key order the app stored.
                return Outcome(result: ["data": try stored.map { try JSONValue(parsing: $0) } ?? .null])
            }
        }
        let result: @Sendable (StorageMirror.Found) -> JSONValue = { found in
            guard withGeneration else { return ["data": found.value ?? .null] }
            var result: JSONObject = ["data": found.value ?? .null, "slot": .number(Double(SharedGenerations.bucket(of: app) * 2))]
            if let generation = found.generation {
                result["generation"] = [.number(Double(generation & 0xFFFF_FFFF)), .number(Double(generation >> 32))]
            }
            return .object(result)
        }
        return Operation(
            access: .snapshot,
            answer: { mirror.lookup(app: app, key: key).map(result) },
            run: { db in Outcome(result: result(try mirror.reload(app: app, key: key, db))) })
    }

    private func remove(_ call: PluginCall) throws -> Operation {
        let key = try Self.key(of: call)
        let app = call.app.descriptor.appId.rawValue
        let mirror = self.mirror
        return Operation(access: .write) { db in
            try db.execute(sql: "DELETE FROM storage WHERE app = ? AND key = ?", arguments: [app, key])
            return try Self.written(.remove(key: key), app: app, mirror: mirror, db)
        }
    }

    private func clear(_ call: PluginCall) throws -> Operation {
        let app = call.app.descriptor.appId.rawValue
        let mirror = self.mirror
        return Operation(access: .write) { db in
            try db.execute(sql: "DELETE FROM storage WHERE app = ?", arguments: [app])
            return try Self.written(.clear, app: app, mirror: mirror, db)
        }
    }

    /// The end of every write transaction: the bucket's generation raised and announced (the
    /// write statement before it holds SQLite's write lock), the copy updated after the commit.
    private static func written(_ change: StorageMirror.Change, app: String, mirror: StorageMirror?, _ db: Database) throws -> Outcome {
        guard let mirror else { return Outcome(result: .null) }
        let generation = try mirror.bump(app: app, db)
        return Outcome(result: .null) { mirror.committed(change, app: app, generation: generation) }
    }

    private func info(_ call: PluginCall) throws -> Operation {
        let app = call.app.descriptor.appId.rawValue
        let quota = quotaBytes
        return Operation(access: .read) { db in
            let keys = try String.fetchAll(db, sql: "SELECT key FROM storage WHERE app = ? ORDER BY key", arguments: [app])
            let size =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(SUM(LENGTH(CAST(key AS BLOB)) + LENGTH(CAST(value AS BLOB))), 0) FROM storage WHERE app = ?",
                    arguments: [app]) ?? 0
            return Outcome(result: [
                "keys": .array(keys.map(JSONValue.string)), "currentSize": .number(Double(size)), "limitSize": .number(Double(quota)),
            ])
        }
    }

    /// What `appId` has stored, by key (for hosts' tools: `container-demo run --dump storage`).
    /// A value that no longer parses is returned as its stored text.
    public func entries(of appId: String) throws -> [(key: String, value: JSONValue)] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM storage WHERE app = ? ORDER BY key", arguments: [appId]).map { row in
                let key: String = row["key"]
                let text: String = row["value"]
                return (key, (try? JSONValue(parsing: text)) ?? .string(text))
            }
        }
    }

    private static func checkKey(_ key: String, _ call: PluginCall) throws {
        guard !key.isEmpty, key.utf8.count <= 1024 else {
            throw call.reject(.invalidParameters, "\(call.api): key must be 1 to 1024 bytes")
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GRDB
import Plugins
import Synchronization

/// Each app's stored values in memory, exact across processes: `getStorage(Sync)` answers from
/// here without SQLite while nobody — in this process or another — has written the app's bucket
/// since the copy was read.
///
/// The protocol (every writer, in its write transaction, after its first write statement so it
/// holds SQLite's write lock): raise the bucket's row in `storage_generation` to N, announce N
/// in ``SharedGenerations``, commit. A reader's copy is read in one transaction together with
/// the bucket's generation M and kept only if the announced generation is still M afterwards;
/// it is used while the announced generation stays M. A writer that announced N and then failed
/// or died leaves the announcement ahead of the table: readers go to the database (correct,
/// slower) until the next write of the bucket commits N.
final class StorageMirror: Sendable {
    /// An app's values as a database read returns them (parsed JSON), at a generation.
    struct Copy {
        var generation: UInt64
        /// Each key's value and its stored size (key and JSON text, in bytes).
        var values: [String: (value: JSONValue, bytes: Int)]
        var bytes: Int
    }
    /// What one write did, to update this process's copy without reading it again.
    enum Change {
        case set(key: String, stored: String)
        case remove(key: String)
        case clear
    }
    /// A value (nil: no such key) and the generation it is current at, if known to be current.
    struct Found {
        var value: JSONValue?
        var generation: UInt64?
    }

    private let generations: SharedGenerations
    private let copies = Mutex<[String: Copy]>([:])
    private let appByteLimit: Int
    private let totalByteLimit: Int

    /// A mirror over the generations file at `url`, keeping copies of apps storing at most
    /// `appByteLimit` bytes, all copies together at most `totalByteLimit`; nil when the file
    /// cannot be mapped.
    init?(generationsFile url: URL, appByteLimit: Int = 2 << 20, totalByteLimit: Int = 64 << 20) {
        guard let generations = SharedGenerations(url: url) else { return nil }
        self.generations = generations
        self.appByteLimit = appByteLimit
        self.totalByteLimit = totalByteLimit
    }

    static let createTable = "CREATE TABLE IF NOT EXISTS storage_generation (bucket INTEGER PRIMARY KEY, generation INTEGER NOT NULL)"

    /// The shared generations, for the framework's JavaScript-side copies.
    var region: SharedMemoryRegion { generations.region }

    /// The stored value of `key` from the copy of `app` if the copy is current (nil: ask SQLite).
    func lookup(app: String, key: String) -> Found? {
        let announced = generations.load(SharedGenerations.bucket(of: app))
        return copies.withLock { copies -> Found? in
            guard let copy = copies[app], copy.generation == announced else { return nil }
            return Found(value: copy.values[key]?.value, generation: announced)
        }
    }

    /// Reads `app`'s values and its bucket's generation in one transaction (the caller's), keeps
    /// them if still current and small enough, and returns the value of `key` (with the
    /// generation when it was current).
    func reload(app: String, key: String, _ db: Database) throws -> Found {
        let bucket = SharedGenerations.bucket(of: app)
        let generation =
            try UInt64.fetchOne(db, sql: "SELECT generation FROM storage_generation WHERE bucket = ?", arguments: [bucket]) ?? 0
        var values: [String: (value: JSONValue, bytes: Int)] = [:]
        var bytes = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT key, value FROM storage WHERE app = ?", arguments: [app])
        var complete = true
        while let row = try rows.next() {
            let rowKey: String = row[0]
            let text: String = row[1]
            let size = rowKey.utf8.count + text.utf8.count
            bytes += size
            if bytes > appByteLimit {
                complete = false
                break
            }
            values[rowKey] = (try JSONValue(parsing: text), size)
        }
        guard complete else {
            let statement = try db.cachedStatement(sql: "SELECT value FROM storage WHERE app = ? AND key = ?")
            let value = try String.fetchOne(statement, arguments: [app, key]).map { try JSONValue(parsing: $0) }
            return Found(value: value, generation: generations.load(bucket) == generation ? generation : nil)
        }
        let wanted = values[key]?.value
        guard generations.load(bucket) == generation else { return Found(value: wanted, generation: nil) }
        keep(Copy(generation: generation, values: values, bytes: bytes), of: app)
        return Found(value: wanted, generation: generation)
    }

    /// Raises the generation of `app`'s bucket and announces it: inside the write transaction,
    /// after the write statement (which took SQLite's write lock). Returns the new generation.
    func bump(app: String, _ db: Database) throws -> UInt64 {
        let bucket = SharedGenerations.bucket(of: app)
        let generation =
            try UInt64.fetchOne(
                db,
                sql: """
                    INSERT INTO storage_generation (bucket, generation) VALUES (?, 1)
                    ON CONFLICT(bucket) DO UPDATE SET generation = generation + 1 RETURNING generation
                    """, arguments: [bucket]) ?? 0
        generations.store(generation, in: bucket)
        return generation
    }

    /// After a write of `app` committed at `generation`: the copy follows it if it was current
    /// just before; otherwise it is dropped (read again on the next lookup).
    func committed(_ change: Change, app: String, generation: UInt64) {
        copies.withLock { copies in
            guard var copy = copies[app] else { return }
            copies[app] = nil
            guard copy.generation + 1 == generation else { return }
            switch change {
            case .set(let key, let stored):
                guard let value = try? JSONValue(parsing: stored) else { return }
                let size = key.utf8.count + stored.utf8.count
                copy.bytes += size - (copy.values[key]?.bytes ?? 0)
                copy.values[key] = (value, size)
            case .remove(let key):
                copy.bytes -= copy.values[key]?.bytes ?? 0
                copy.values[key] = nil
            case .clear:
                copy.values = [:]
                copy.bytes = 0
            }
            copy.generation = generation
            if copy.bytes <= appByteLimit { copies[app] = copy }
        }
    }

    private func keep(_ copy: Copy, of app: String) {
        copies.withLock { copies in
            copies[app] = copy
            // Over the total budget: start again from this copy (apps read again when used).
            if copies.values.reduce(0, { $0 + $1.bytes }) > totalByteLimit { copies = [app: copy] }
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GRDB
import HybridContainer
import HybridContainerTesting
import Testing

/// Storage reads answered from memory (the plugin's per-app copies and the mini-program
/// framework's JavaScript-side copies) must be exactly what the database holds, whoever wrote
/// it. Two plugin instances on one database file are two SQLite connections and two shared
/// mappings of the generations file: the same mechanisms two processes use.
@Suite("Storage copies in memory stay exact")
struct StorageMirrorTests {
    static func tester(_ plugin: StoragePlugin, app: String = "notes") -> PluginTester {
        PluginTester(plugin, app: .testApp(app, permissions: ["storage"]))
    }

    @Test("another connection's writes, removals and clears are read at once; a refused write changes nothing")
    func writesOfAnotherConnection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mirror-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("storage.sqlite")
        let reader = Self.tester(try StoragePlugin(databaseURL: database))
        let writer = Self.tester(try StoragePlugin(databaseURL: database, quotaBytes: 64))
        #expect(FileManager.default.fileExists(atPath: database.path + ".generations"))

        try writer.callSync("setStorageSync", ["key": "k", "data": ["v": 1]])
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": ["v": 1]])
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": ["v": 1]])  // from the copy
        try writer.callSync("setStorageSync", ["key": "k", "data": ["v": 2]])
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": ["v": 2]])
        try writer.callSync("removeStorageSync", ["key": "k"])
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": .null])
        try writer.callSync("setStorageSync", ["key": "a", "data": "x"])
        #expect(try reader.callSync("getStorageSync", ["key": "a"]) == ["data": "x"])
        try writer.callSync("clearStorageSync")
        #expect(try reader.callSync("getStorageSync", ["key": "a"]) == ["data": .null])

        // Refused by the quota: nothing written, nothing announced as written.
        try reader.callSync("setStorageSync", ["key": "b", "data": "small"])
        #expect(throws: BridgeError.self) {
            try writer.callSync("setStorageSync", ["key": "b", "data": .string(String(repeating: "y", count: 100))])
        }
        #expect(try reader.callSync("getStorageSync", ["key": "b"]) == ["data": "small"])
        #expect(try writer.callSync("getStorageSync", ["key": "b"]) == ["data": "small"])
        // The reader's own write updates its copy (and the writer's is read again).
        try reader.callSync("setStorageSync", ["key": "b", "data": 3])
        #expect(try reader.callSync("getStorageSync", ["key": "b"]) == ["data": 3])
        #expect(try writer.callSync("getStorageSync", ["key": "b"]) == ["data": 3])
    }

    @Test("the framework read: a valid call, then its key broken one way at a time, gets a typed error or no data")
    func frameworkReadHostileKeys() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mirror-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tester = Self.tester(try StoragePlugin(databaseURL: folder.appendingPathComponent("storage.sqlite")))
        try tester.callSync("setStorageSync", ["key": "k", "data": 1])
        let valid = try tester.callSync(StoragePlugin.frameworkRead, ["key": "k"])
        #expect(valid["data"] == 1)
        #expect(valid["slot"]?.numberValue.map { $0 >= 0 && $0 < 2048 && $0.truncatingRemainder(dividingBy: 2) == 0 } == true)
        #expect(valid["generation"]?.arrayValue?.count == 2)
        for broken: JSONValue in [.number(.infinity), .number(.nan), .number(1e308), .null, .bool(true), ["k"], ["key": "k"], .undefined] {
            #expect(throws: BridgeError.self, "\(broken)") { try tester.callSync(StoragePlugin.frameworkRead, ["key": broken]) }
        }
        // A huge or odd string is just a key nobody stored.
        for key in [String(repeating: "k", count: 1 << 20), "\u{0}", "🙂"] {
            #expect(try tester.callSync(StoragePlugin.frameworkRead, ["key": .string(key)])["data"] == .null)
        }
        #expect(throws: BridgeError.self) { try tester.callSync(StoragePlugin.frameworkRead, [:]) }
    }

    @Test("random writes through two connections: every read of either equals the model")
    func randomInterleavings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mirror-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("storage.sqlite")
        let first = try StoragePlugin(databaseURL: database)
        let second = try StoragePlugin(databaseURL: database)
        // Two apps each: "a1" and "a2" are distinct apps sharing the database (and maybe a bucket).
        let testers = [
            Self.tester(first, app: "a1"), Self.tester(second, app: "a1"), Self.tester(first, app: "a2"), Self.tester(second, app: "a2"),
        ]
        var model: [String: [String: JSONValue]] = ["a1": [:], "a2": [:]]
        var random = SplitMix(seed: 31)
        for step in 0..<2_000 {
            let index = Int(random.next() % 4)
            let tester = testers[index]
            let app = index < 2 ? "a1" : "a2"
            let key = "k\(random.next() % 5)"
            switch random.next() % 10 {
            case 0..<4:
                let value: JSONValue = ["step": .number(Double(step))]
                try tester.callSync("setStorageSync", ["key": .string(key), "data": value])
                model[app]?[key] = value
            case 4:
                try tester.callSync("removeStorageSync", ["key": .string(key)])
                model[app]?[key] = nil
            case 5:
                try tester.callSync("clearStorageSync")
                model[app] = [:]
            default:
                let read = try tester.callSync("getStorageSync", ["key": .string(key)])
                #expect(read == ["data": model[app]?[key] ?? .null], "step \(step): \(app) \(key)")
            }
        }
    }

    @Test("a writer that announced a generation and rolled back (or died) never makes a stale read")
    func announcedButNotCommitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mirror-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("storage.sqlite")
        let reader = Self.tester(try StoragePlugin(databaseURL: database))
        let writer = Self.tester(try StoragePlugin(databaseURL: database))
        try writer.callSync("setStorageSync", ["key": "k", "data": 1])
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": 1])

        // A third connection follows the protocol up to the announcement, then rolls back.
        let other = try DatabaseQueue(path: database.path)
        let (slot, generation) = try Self.announce(through: other, value: "2", app: "notes", commit: false, database: database)
        #expect(slot >= 0 && generation > 0)
        // Announced ahead of the table: the reader goes to SQLite and sees the committed value.
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": 1])
        #expect(try reader.callSync(StoragePlugin.frameworkRead, ["key": "k"])["generation"] == nil)
        // Now one that commits after announcing: read at once.
        _ = try Self.announce(through: other, value: "3", app: "notes", commit: true, database: database)
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": 3])
        #expect(try reader.callSync(StoragePlugin.frameworkRead, ["key": "k"])["generation"] != nil)
        // And the plugins' own writes go on from the table's generation.
        try writer.callSync("setStorageSync", ["key": "k", "data": 4])
        #expect(try reader.callSync("getStorageSync", ["key": "k"]) == ["data": 4])
    }

    /// Writes `k` = `value` for `app` in a transaction that raises the bucket's generation and
    /// announces it in the generations file (mapped here by hand), then commits or rolls back.
    static func announce(
        through queue: DatabaseQueue, value: String, app: String, commit: Bool, database: URL
    ) throws -> (slot: Int, generation: UInt64) {
        let read = try Self.tester(try StoragePlugin(databaseURL: database), app: app).callSync(StoragePlugin.frameworkRead, ["key": "k"])
        let slot = Int(read["slot"]?.numberValue ?? -1)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database.path + ".generations"))
        defer { try? handle.close() }
        let generation = try queue.writeWithoutTransaction { db -> UInt64 in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE storage SET value = ? WHERE app = ? AND key = 'k'", arguments: [value, app])
            let generation =
                try UInt64.fetchOne(
                    db, sql: "UPDATE storage_generation SET generation = generation + 1 WHERE bucket = ? RETURNING generation",
                    arguments: [slot / 2]) ?? 0
            var bytes = generation.littleEndian
            try handle.seek(toOffset: UInt64(slot / 2 * 8))
            handle.write(Data(bytes: &bytes, count: 8))
            try db.execute(sql: commit ? "COMMIT" : "ROLLBACK")
            return generation
        }
        return (slot, generation)
    }

    @Test("the framework's copies: getStorageSync sees another connection's write at once and returns fresh objects")
    func frameworkCopies() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/a.js": "Page({});"])
        let appId = try #require(try await context.evaluate("wx.getAccountInfoSync().miniProgram.appId").stringValue)
        let other = Self.tester(try StoragePlugin(databaseURL: harness.fixture.root.appendingPathComponent("storage.sqlite")), app: appId)
        let first = try await context.evaluate(
            """
            wx.setStorageSync('k', { v: 1, list: [1, 2] });
            const a = wx.getStorageSync('k'); a.v = 99; a.list.push(3);
            const b = wx.getStorageSync('k');
            JSON.stringify([a, b, b === wx.getStorageSync('k')])
            """)
        #expect(first == #"[{"v":99,"list":[1,2,3]},{"v":1,"list":[1,2]},false]"#)
        try other.callSync("setStorageSync", ["key": "k", "data": "from elsewhere"])
        #expect(try await context.evaluate("wx.getStorageSync('k')") == "from elsewhere")
        try other.callSync("removeStorageSync", ["key": "k"])
        #expect(try await context.evaluate("wx.getStorageSync('k')") == "")
        try other.callSync("setStorageSync", ["key": "n", "data": 5])
        #expect(
            try await context.evaluate("[wx.getStorageSync('n'), wx.getStorageSync('n'), my.getStorageSync({ key: 'n' }).data]") == [
                5, 5, 5,
            ])
        try other.callSync("clearStorageSync")
        #expect(try await context.evaluate("wx.getStorageSync('n')") == "")
        await harness.container.shutdown()
    }
}

/// A small deterministic generator (SplitMix64) for repeatable random sequences.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

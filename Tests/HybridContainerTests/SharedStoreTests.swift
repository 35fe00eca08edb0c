// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import GRDB
import HybridContainer
import HybridContainerTesting
import Testing

/// Several processes on one store (two hosts, a host and the CLI) are normal: none may fail with
/// "database is locked", and nothing written may be lost.
@Suite("Processes sharing one store")
struct SharedStoreTests {
    /// A store with the key remembered and a writer app installed (it stores 20 keys, one per
    /// process and index, then logs how many of its keys it can read back).
    static func prepare(_ fixture: ContainerFixture) async throws -> (store: URL, key: URL) {
        let store = fixture.root.appendingPathComponent("store")
        let keyFile = fixture.root.appendingPathComponent("k.pub")
        try Data(fixture.key.publicKey.textRepresentation.utf8).write(to: keyFile)
        let package = try fixture.pack("writer", script: writerScript, permissions: ["storage"])
        let result = try await run(["install", package.path, "--store", store.path, "--trust", keyFile.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (store, keyFile)
    }

    /// Stores 20 keys for `n`; whichever version runs (an update may land meanwhile) does this.
    static let writerScript = """
        App({
          onLaunch(options) {
            const n = options.query.n;
            if (n === undefined) { console.log('keys ' + JSBridge.callSync('getStorageInfoSync', {}).keys.length); return; }
            for (let i = 0; i < 20; i++) JSBridge.callSync('setStorageSync', { key: 'k-' + n + '-' + i, data: { n, i } });
            console.log('wrote ' + n);
          },
        });
        """

    static func run(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await ChildProcess.run("container-demo", arguments, safetyLimit: .seconds(180))
    }

    @Test("a process starts while another connection holds a write transaction on a fresh storage database")
    func startsUnderAHeldWriteLock() async throws {
        let fixture = try ContainerFixture()
        let (store, key) = try await Self.prepare(fixture)
        // A fresh database in rollback-journal mode, write-locked by another connection: the
        // starting process must wait for the lock (and switch to WAL after it), not fail.
        let database = try DatabaseQueue(path: store.appendingPathComponent("storage.sqlite").path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? database.writeWithoutTransaction { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS other (x)")
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "INSERT INTO other VALUES (1)")
                locked.signal()
                release.wait()
                try db.execute(sql: "COMMIT")
            }
        }
        await blockingWork { locked.wait() }
        let child = try ChildProcess.start(
            "container-demo", ["run", "writer", "--store", store.path, "--trust", key.path, "--query", "n=0"])
        // The lock is held while the child starts (this pause only makes the contention likely;
        // the assertions hold whether the child came before or after the release).
        try await Task.sleep(for: .seconds(1))
        release.signal()
        let result = try await child.finish(safetyLimit: .seconds(120))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("database is locked"))
        #expect(result.stdout.contains("wrote 0"))
    }

    @Test("four hosts and an install on one store at once: nothing lost, no 'database is locked'")
    func concurrentProcesses() async throws {
        let fixture = try ContainerFixture()
        let (store, key) = try await Self.prepare(fixture)
        let update = try fixture.pack("writer", script: Self.writerScript, version: "2.0.0", permissions: ["storage"])
        var children: [ChildProcess.Running] = []
        for n in 1...4 {
            children.append(
                try ChildProcess.start(
                    "container-demo", ["run", "writer", "--store", store.path, "--trust", key.path, "--query", "n=\(n)"]))
        }
        children.append(try ChildProcess.start("container-demo", ["install", update.path, "--store", store.path, "--trust", key.path]))
        var results: [ChildProcess.Result] = []
        for child in children { results.append(try await child.finish(safetyLimit: .seconds(180))) }
        for (index, result) in results.enumerated() {
            #expect(result.status == 0, "\(result.stderr)")
            if index < 4 { #expect(result.stdout.contains("wrote \(index + 1)")) }
            #expect(!result.stderr.contains("database is locked"))
        }
        // Every key of the four writers is there.
        let check = try await Self.run(["run", "writer", "--store", store.path, "--trust", key.path])
        #expect(check.stdout.contains("keys 80"), "\(check.stdout)\n\(check.stderr)")
    }
}

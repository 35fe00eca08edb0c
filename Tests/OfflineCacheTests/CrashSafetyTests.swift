// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainerTesting
import OfflineCache
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Installs run in a child process (`store-crash-helper`) that is SIGKILLed at a random point
/// of its output (one line per install phase and per file written); the store is then
/// reopened and checked. `HYBRID_CRASH_TRIALS` sets the number of trials (`make crash-trials`
/// runs 200); CI runs 12.
@Suite("Crash safety of installs")
struct CrashSafetyTests {
    static var trials: Int {
        ProcessInfo.processInfo.environment["HYBRID_CRASH_TRIALS"].flatMap(Int.init) ?? 12
    }

    static var helper: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("store-crash-helper")
    }

    /// Runs the helper, killing it when it prints line number `killAt`; returns the lines seen.
    func runHelper(_ arguments: [String], killAt: Int) throws -> [String] {
        let process = Process()
        process.executableURL = Self.helper
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var lines: [String] = []
        var pending = Data()
        let handle = output.fileHandleForReading
        reading: while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
                if lines.count == killAt {
                    kill(process.processIdentifier, SIGKILL)
                    break reading
                }
            }
        }
        process.waitUntilExit()
        return lines
    }

    @Test("a store whose installer is killed at any point keeps a launchable, fully verified active version")
    func killedInstalls() async throws {
        // Child processes and pipe reads block: on a thread of their own, not the cooperative pool.
        try await blockingWork { try self.killedInstallTrials() }
    }

    func killedInstallTrials() throws {
        let fixture = try Fixture()
        let demo = AppID(rawValue: "demo")!
        func manyFiles(_ version: String) -> [String: Data] {
            var files = fixture.appFiles(version: version)
            for index in 0..<60 { files["lib/module\(index).js"] = Data("export const v = '\(version)-\(index)';\n".utf8) }
            return files
        }
        let v1 = try fixture.package(version: "1.0.0")
        let v2 = try fixture.package(version: "2.0.0", files: manyFiles("2.0.0"))
        let v3 = try fixture.package(version: "3.0.0", files: manyFiles("3.0.0"))
        let publicKey = fixture.url("trusted.pub")
        try fixture.key.publicKey.textRepresentation.write(to: publicKey, atomically: true, encoding: .utf8)
        try fixture.store().install(packageAt: v1)
        // v1 → v2 as a full package, then v2 → v3 as a delta: both install paths get killed.
        let delta = fixture.url("v2-v3.delta")
        try DeltaBuilder.build(from: v2, to: v3, output: delta)
        let arguments = [fixture.url("store").path, publicKey.path, v2.path, delta.path]

        // A full run tells how many lines there are to choose a kill point from.
        let complete = try runHelper(arguments, killAt: .max)
        #expect(complete.last == "done")
        var outcomes: [String: Int] = [:]
        for _ in 0..<Self.trials {
            // Back to "only v1 installed" before each trial.
            let reset = try fixture.store()
            if try reset.activePackage(demo)?.version != PackageVersion("1.0.0") {
                try reset.activate(demo, version: PackageVersion("1.0.0")!)
            }
            for version in ["2.0.0", "3.0.0"] {
                try? reset.removeVersion(demo, version: PackageVersion(version)!)
            }
            let killAt = Int.random(in: 1..<complete.count)
            let seen = try runHelper(arguments, killAt: killAt)

            let store = try fixture.store()  // recovery runs here
            let active = try #require(try store.activePackage(demo), "no active version after a kill at line \(killAt)")
            let reader = VerifiedFileReader()
            for (path, hash) in active.manifest.files {
                _ = try reader.read(path, in: active.filesDirectory, expectedSHA256: hash)
            }
            let installed = try #require(try store.installedApp(demo)).versions.map(\.version.description).sorted()
            let onDisk = try FileManager.default.contentsOfDirectory(atPath: fixture.url("store/apps/demo/versions").path).sorted()
            #expect(installed == onDisk, "state and folders disagree after a kill at \(seen.last ?? "start")")
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.url("store/staging").path).isEmpty)
            outcomes[active.version.description, default: 0] += 1
        }
        // Kills landed both before and after commits (all three versions end up active sometimes
        // when there are enough trials; at least the store was checked every time).
        #expect(outcomes.values.reduce(0, +) == Self.trials)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

/// Writes a mini-program folder from path → source and launches it in developer mode.
struct MiniProgramHarness {
    let fixture: ContainerFixture
    let container: MicroAppContainer
    let sink: RecordingRenderSink

    static func make(
        sockets: SocketLimits = .init(), configure: @escaping (inout ContainerConfiguration) -> Void = { _ in }
    ) async throws -> MiniProgramHarness {
        let fixture = try ContainerFixture()
        let sink = RecordingRenderSink()
        let container = try await fixture.container(sockets: sockets) {
            $0.developerMode = true
            $0.probationPeriod = .zero
            $0.miniProgram.renderSink = sink
            configure(&$0)
        }
        return MiniProgramHarness(fixture: fixture, container: container, sink: sink)
    }

    /// `app.json` defaults to the pages given; `app.js` to `App({})`.
    func write(_ files: [String: String], pages: [String]? = nil) throws -> URL {
        let folder = fixture.root.appendingPathComponent("mp-\(UUID().uuidString.prefix(8))")
        var all = files
        if all["app.json"] == nil {
            let routes =
                pages ?? files.keys.filter { $0.hasPrefix("pages/") && $0.hasSuffix(".js") }.map { String($0.dropLast(3)) }.sorted()
            all["app.json"] = #"{"pages": [\#(routes.map { "\"\($0)\"" }.joined(separator: ", "))]}"#
        }
        if all["app.js"] == nil { all["app.js"] = "App({});" }
        for (path, text) in all {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    /// Launches the folder; returns the session and the context.
    func launch(
        _ files: [String: String], pages: [String]? = nil, query: [String: String] = [:]
    )
        async throws -> (MiniProgramSession, ScriptContext)
    {
        let app = try await container.launch(.directory(try write(files, pages: pages)), options: LaunchOptions(query: query))
        return (try await container.miniProgram(app.instanceID), try await container.context(of: app.instanceID))
    }

    /// Console lines of all apps, in order.
    var console: [String] {
        fixture.log.all.compactMap { line in
            guard line.hasPrefix("event: ["), let end = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(end, offsetBy: 2)...])
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainerTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `container-demo run APP --inspect PORT`: the app's JavaScript, debugged over JavaScriptCore's
/// own remote-inspector protocol by a client in this test (the way WebKit's Web Inspector does).
@Suite("Debugging a headless app with the Web Inspector protocol")
struct InspectorCLITests {
    static let app = """
        let ticks = 0;
        function tick() { ticks += 1; return ticks; }
        function stopHere() { const local = 7; debugger; return local * 6; }
        App({ onLaunch() { setInterval(() => { tick(); stopHere(); }, 100); } });
        """

    /// A port nobody listens on now (the kernel's choice for an ephemeral bind).
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(descriptor, pointer, length)
                return getsockname(descriptor, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("targets are named by app and instance; evaluate; debugger; and a breakpoint by URL and line pause with the stack; resume")
    func debugOverTheWire() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inspector-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("inspected")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.app.utf8).write(to: folder.appendingPathComponent("index.js"))
        let manifest = #"{"appId": "inspected", "name": "inspected", "version": "1.0.0", "entry": "index.js", "files": {}}"#
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let port = Self.freePort()
        let demo = try ChildProcess.start(
            "container-demo",
            ["run", folder.path, "--inspect", String(port), "--duration", "120", "--store", root.appendingPathComponent("store").path])
        defer { if demo.process.isRunning { demo.process.terminate() } }

        let seen = try await blockingWork { () throws -> [String] in
            let deadline = Date().addingTimeInterval(60)
            let client = try InspectorWireClient(port: port, deadline: deadline)
            try client.setupClient()
            var found: (connection: UInt64, target: InspectorWireClient.Target)?
            var names: [String] = []
            while found == nil {
                guard
                    case .targetList(let connection, let targets) = try client.next(
                        until: deadline,
                        where: { message in
                            if case .targetList = message { return true }
                            return false
                        })
                else { continue }
                names = targets.map(\.name)
                if let target = targets.first(where: { $0.name == "inspected #1" }) { found = (connection, target) }
            }
            guard let (connection, target) = found else { return names }
            try client.setup(connection: connection, target: target.id)
            var nextID = 0
            func ask(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
                nextID += 1
                let id = nextID
                try client.send(connection: connection, target: target.id, ["id": id, "method": method, "params": params])
                guard
                    case .fromTarget(_, _, let json) = try client.next(
                        until: deadline,
                        where: { message in
                            if case .fromTarget(_, _, let json) = message { return json["id"] as? Int == id }
                            return false
                        })
                else { return [:] }
                return json["result"] as? [String: Any] ?? [:]
            }
            func paused() throws -> [[String: Any]] {
                guard
                    case .fromTarget(_, _, let json) = try client.next(
                        until: deadline,
                        where: { message in
                            if case .fromTarget(_, _, let json) = message { return json["method"] as? String == "Debugger.paused" }
                            return false
                        })
                else { return [] }
                return (json["params"] as? [String: Any])?["callFrames"] as? [[String: Any]] ?? []
            }
            var seen = names
            let kind = (try ask("Runtime.evaluate", ["expression": "typeof tick"])["result"] as? [String: Any])?["value"] as? String
            seen.append("evaluate: \(kind ?? "?")")
            _ = try ask("Debugger.enable")
            _ = try ask("Debugger.setBreakpointsActive", ["active": true])
            _ = try ask("Debugger.setPauseOnDebuggerStatements", ["enabled": true])
            let atStatement = try paused()
            seen.append("paused in \(atStatement.first?["functionName"] as? String ?? "?")")
            if let frame = atStatement.first?["callFrameId"] as? String {
                let local = try ask("Debugger.evaluateOnCallFrame", ["callFrameId": frame, "expression": "local"])
                seen.append("local: \((local["result"] as? [String: Any])?["value"] as? Int ?? -1)")
            }
            _ = try ask("Debugger.setPauseOnDebuggerStatements", ["enabled": false])
            let breakpoint = try ask("Debugger.setBreakpointByUrl", ["url": "index.js", "lineNumber": 1])
            seen.append("breakpoint: \(breakpoint["breakpointId"] != nil)")
            _ = try ask("Debugger.resume")
            let atBreakpoint = try paused()
            let stack = atBreakpoint.compactMap { $0["functionName"] as? String }
            seen.append(
                "paused in \(stack.first ?? "?") at line \(((atBreakpoint.first?["location"] as? [String: Any])?["lineNumber"] as? Int) ?? -1)"
            )
            _ = try ask("Debugger.resume")
            return seen
        }
        demo.process.terminate()
        _ = try await demo.finish()
        #expect(seen.first == "inspected #1", "the app's target, and only it: \(seen)")
        #expect(seen.contains("evaluate: function"), "\(seen)")
        #expect(seen.contains("paused in stopHere"), "\(seen)")
        #expect(seen.contains("local: 7"), "\(seen)")
        #expect(seen.contains("breakpoint: true"), "\(seen)")
        #expect(seen.contains("paused in tick at line 1"), "\(seen)")
    }
}

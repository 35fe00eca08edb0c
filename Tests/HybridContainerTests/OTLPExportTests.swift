// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import LoopbackServer
import Synchronization
import Testing

/// `container-demo run` with the standard `OTEL_EXPORTER_OTLP_ENDPOINT` sends its spans and
/// metrics over OTLP/HTTP to a collector: here a receiver on 127.0.0.1 that decodes the protobuf.
@Suite("OpenTelemetry export (OTLP/HTTP) from the CLI")
struct OTLPExportTests {
    final class Received: Sendable {
        let requests = Mutex<[(path: String, body: Data)]>([])
        func bodies(_ path: String) -> [Data] { requests.withLock { $0.filter { $0.path == path }.map(\.body) } }
    }

    static func runTodo(environment: [String: String]) async throws -> ChildProcess.Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("otlp-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let app = ObservabilityCLITests.repository().appendingPathComponent("Examples/todo").path
        let running = try ChildProcess.start(
            "container-demo", ["run", app, "--store", root.appendingPathComponent("store").path], environment: environment)
        return try await running.finish()
    }

    @Test("the launch span, JSAPI spans with their codes and the JSAPI metrics arrive at the collector")
    func exportsToCollector() async throws {
        let received = Received()
        let server = try await LoopbackServer.start { request in
            received.requests.withLock { $0.append((request.path, request.body)) }
            // An empty message is a valid Export…ServiceResponse (full success).
            return .response(status: 200, headers: [("Content-Type", "application/x-protobuf")])
        }
        // A patient end of run (a loaded CI machine may take seconds to export): the deadline is not what is tested here.
        let result = try await Self.runTodo(environment: [
            "OTEL_EXPORTER_OTLP_ENDPOINT": server.baseURL.absoluteString, "OTEL_BSP_EXPORT_TIMEOUT": "120000",
        ])
        await server.shutdown()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")

        let spans = try received.bodies("/v1/traces").flatMap { try OTLPSpans.decode($0) }
        #expect(spans.contains { $0.name == "hybrid.launch" && $0.attributes["hybrid.app.id"] == .string("todo") })
        let setStorage = try #require(spans.first { $0.name == "hybrid.jsapi setStorage" })
        #expect(setStorage.attributes["hybrid.jsapi.code"] == .int(0))
        #expect(setStorage.attributes["rpc.method"] == .string("setStorage"))
        #expect(spans.contains { $0.name == "hybrid.launch.onLaunch" })
        let metrics = received.bodies("/v1/metrics")
        #expect(metrics.contains { $0.range(of: Data("hybrid_jsapi_duration".utf8)) != nil }, "the JSAPI timer")
        let logs = received.bodies("/v1/logs")
        #expect(logs.contains { $0.range(of: Data("loaded 0 todo(s)".utf8)) != nil }, "the app's console lines as log records")
    }

    @Test("a dead collector (a closed port) does not fail or hold the run")
    func deadCollector() async throws {
        let server = try await LoopbackServer.start { _ in .notFound }
        let closed = server.baseURL.absoluteString
        await server.shutdown()
        let result = try await Self.runTodo(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": closed])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("loaded 0 todo(s)"))
        #expect(result.stderr.contains("the collector refuses connections"), "not waited for")
    }

    @Test("a collector that never answers costs the run at most the export deadline, and says so")
    func silentCollector() async throws {
        let server = try await LoopbackServer.start { _ in .stall }
        let result = try await Self.runTodo(environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": server.baseURL.absoluteString])
        await server.shutdown()
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("did not take the last export"))
    }
}

/// Just enough of OTLP's protobuf to read spans: ExportTraceServiceRequest → resource_spans (1)
/// → scope_spans (2) → spans (2) → name (5), attributes (9: KeyValue key 1, AnyValue 2 with
/// string 1, bool 2, int 3, double 4).
enum OTLPSpans {
    enum Value: Equatable {
        case string(String), bool(Bool), int(Int64), double(Double), other
    }

    struct Span {
        var name = ""
        var attributes: [String: Value] = [:]
    }

    struct Malformed: Error {}

    static func decode(_ request: Data) throws -> [Span] {
        var spans: [Span] = []
        for resourceSpans in try fields(request, 1) {
            for scopeSpans in try fields(resourceSpans, 2) {
                for bytes in try fields(scopeSpans, 2) {
                    var span = Span()
                    span.name = String(decoding: try fields(bytes, 5).first ?? Data(), as: UTF8.self)
                    for pair in try fields(bytes, 9) {
                        let key = String(decoding: try fields(pair, 1).first ?? Data(), as: UTF8.self)
                        span.attributes[key] = try value(try fields(pair, 2).first ?? Data())
                    }
                    spans.append(span)
                }
            }
        }
        return spans
    }

    static func value(_ any: Data) throws -> Value {
        for field in try parse(any) {
            switch (field.number, field.payload) {
            case (1, .bytes(let text)): return .string(String(decoding: text, as: UTF8.self))
            case (2, .varint(let flag)): return .bool(flag != 0)
            case (3, .varint(let number)): return .int(Int64(bitPattern: number))
            case (4, .fixed64(let bits)): return .double(Double(bitPattern: bits))
            default: continue
            }
        }
        return .other
    }

    enum Payload {
        case varint(UInt64), fixed64(UInt64), bytes(Data), fixed32(UInt32)
    }

    /// The length-delimited fields numbered `number`.
    static func fields(_ message: Data, _ number: Int) throws -> [Data] {
        try parse(message).compactMap { field in
            guard field.number == number, case .bytes(let data) = field.payload else { return nil }
            return data
        }
    }

    static func parse(_ message: Data) throws -> [(number: Int, payload: Payload)] {
        let bytes = [UInt8](message)
        var index = 0
        func varint() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            throw Malformed()
        }
        func take(_ count: Int) throws -> [UInt8] {
            guard count >= 0, index + count <= bytes.count else { throw Malformed() }
            defer { index += count }
            return Array(bytes[index..<index + count])
        }
        var fields: [(Int, Payload)] = []
        while index < bytes.count {
            let key = try varint()
            let number = Int(key >> 3)
            switch key & 7 {
            case 0: fields.append((number, .varint(try varint())))
            case 1: fields.append((number, .fixed64(try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) })))
            case 2: fields.append((number, .bytes(Data(try take(Int(try varint()))))))
            case 5: fields.append((number, .fixed32(try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) })))
            default: throw Malformed()
            }
        }
        return fields
    }
}

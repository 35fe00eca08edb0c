// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A client of JavaScriptCore's remote inspector server, speaking its socket protocol
/// (docs/research/remote-inspector.md): frames of a 4-byte big-endian size, a flag byte, the
/// message name and its parameters as a serialized GVariant. Blocking: use it off the
/// cooperative pool (`blockingWork`). Every read has a deadline.
final class InspectorWireClient {
    struct Target: Equatable {
        let id: UInt64
        let type: String
        let name: String
    }

    enum Message {
        case targetList(connection: UInt64, targets: [Target])
        case fromTarget(connection: UInt64, target: UInt64, json: [String: Any])
        case other(String)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`, retrying until `deadline` (the server may still be starting).
    init(port: Int, deadline: Date) throws {
        while true {
            let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected == 0 {
                var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
                setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                socket = descriptor
                return
            }
            close(descriptor)
            guard Date() < deadline else { throw Failure(description: "no inspector server on 127.0.0.1:\(port)") }
            usleep(100_000)
        }
    }

    deinit { close(socket) }

    // MARK: Sending

    func setupClient() throws {
        try send("SetupInspectorClient", tuple([g_variant_new_bytestring("")]))
    }

    func setup(connection: UInt64, target: UInt64) throws {
        try send("Setup", tuple([g_variant_new_uint64(guint64(connection)), g_variant_new_uint64(guint64(target))]))
    }

    /// Sends an inspector-protocol message to `target`.
    func send(connection: UInt64, target: UInt64, _ message: [String: Any]) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)
        try send(
            "SendMessageToBackend",
            tuple([g_variant_new_uint64(guint64(connection)), g_variant_new_uint64(guint64(target)), g_variant_new_string(json)]))
    }

    private func tuple(_ children: [OpaquePointer?]) -> OpaquePointer {
        var items = children
        return items.withUnsafeMutableBufferPointer { g_variant_new_tuple($0.baseAddress, gsize($0.count)) }
    }

    private func send(_ name: String, _ parameters: OpaquePointer) throws {
        g_variant_ref_sink(parameters)
        defer { g_variant_unref(parameters) }
        let size = Int(g_variant_get_size(parameters))
        var body = Array(name.utf8) + [0]
        if let data = g_variant_get_data(parameters), size > 0 {
            body += UnsafeRawBufferPointer(start: data, count: size)
        }
        let length = UInt32(body.count).bigEndian
        var frame = withUnsafeBytes(of: length) { Array($0) } + [1] + body
        let sent = frame.withUnsafeMutableBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == frame.count else { throw Failure(description: "could not send \(name)") }
        frame.removeAll()
    }

    // MARK: Receiving

    /// The next message for which `matching` is true, reading until `deadline`.
    func next(until deadline: Date, where matching: (Message) -> Bool) throws -> Message {
        while true {
            while let message = try takeFrame() {
                if matching(message) { return message }
            }
            guard Date() < deadline else { throw Failure(description: "nothing expected arrived before the deadline") }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { throw Failure(description: "the inspector server closed the connection") }
            if count > 0 { buffer += chunk[0..<count] }
        }
    }

    private func takeFrame() throws -> Message? {
        guard buffer.count >= 5 else { return nil }
        let size = Int(buffer[0]) << 24 | Int(buffer[1]) << 16 | Int(buffer[2]) << 8 | Int(buffer[3])
        guard buffer.count >= 5 + size else { return nil }
        let body = Array(buffer[5..<5 + size])
        buffer.removeFirst(5 + size)
        guard let end = body.firstIndex(of: 0) else { throw Failure(description: "a frame without a name") }
        let name = String(decoding: body[..<end], as: UTF8.self)
        let parameters = Array(body[(end + 1)...])
        switch name {
        case "SetTargetList":
            let value = try variant(parameters, type: "(ta(tsssb))")
            defer { g_variant_unref(value) }
            let list = g_variant_get_child_value(value, 1)!
            defer { g_variant_unref(list) }
            let targets = (0..<Int(g_variant_n_children(list))).map { index -> Target in
                let item = g_variant_get_child_value(list, gsize(index))!
                defer { g_variant_unref(item) }
                return Target(id: uint64(item, 0), type: string(item, 1), name: string(item, 2))
            }
            return .targetList(connection: uint64(value, 0), targets: targets)
        case "SendMessageToFrontend":
            let value = try variant(parameters, type: "(tts)")
            defer { g_variant_unref(value) }
            let json = try JSONSerialization.jsonObject(with: Data(string(value, 2).utf8)) as? [String: Any] ?? [:]
            return .fromTarget(connection: uint64(value, 0), target: uint64(value, 1), json: json)
        default:
            return .other(name)
        }
    }

    private func variant(_ bytes: [UInt8], type: String) throws -> OpaquePointer {
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        let variantType = g_variant_type_new(type)
        defer { g_variant_type_free(variantType) }
        // Not trusted: GLib checks the serialized data as it reads it.
        guard let value = g_variant_new_from_bytes(variantType, data, 0) else { throw Failure(description: "not a \(type)") }
        g_variant_ref_sink(value)
        return value
    }

    private func uint64(_ value: OpaquePointer, _ index: Int) -> UInt64 {
        let child = g_variant_get_child_value(value, gsize(index))!
        defer { g_variant_unref(child) }
        return UInt64(g_variant_get_uint64(child))
    }

    private func string(_ value: OpaquePointer, _ index: Int) -> String {
        let child = g_variant_get_child_value(value, gsize(index))!
        defer { g_variant_unref(child) }
        return String(cString: g_variant_get_string(child, nil))
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge

/// A permission rule for tests: names in `denied` resolve to `.denied`.
struct TestDispatcher: BridgeDispatching {
    let table: BridgeMethodTable
    var denied: Set<String> = []

    func resolve(api: String, caller: BridgeCaller) -> BridgeResolution {
        if denied.contains(api) { return .denied(reason: "not in the app's permissions") }
        return table.resolve(api: api, caller: caller)
    }
}

/// Counts how many times each call id was answered, to prove exactly-once settlement.
///
/// `@unchecked Sendable`: `counts` is only touched under `lock` (an NSLock rather than
/// `Mutex`, which ThreadSanitizer does not model on Linux).
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int: Int] = [:]
    func record(_ id: Int) { lock.withLock { counts[id, default: 0] += 1 } }
    var snapshot: [Int: Int] { lock.withLock { counts } }
}

enum TestMethods {
    struct AddParams: Decodable { var a: Double; var b: Double }

    static func table(counter: CallCounter = CallCounter()) throws -> BridgeMethodTable {
        try BridgeMethodTable([
            .sync("add") { request in
                let params = try request.decode(AddParams.self)
                return .number(params.a + params.b)
            },
            .sync("echoSync") { request in request.params },
            .async("echo") { request in request.params },
            .async("echoOnThread", placement: .runtimeThread) { request in
                try await Task.sleep(for: .milliseconds(1))
                return request.params
            },
            .async("delayedEcho") { request in
                try await Task.sleep(for: .milliseconds(1))
                return request.params
            },
            .async("count") { request in
                counter.record(request.params["id"]?.intValue ?? -1)
                return request.params["id"] ?? .null
            },
            .async("fail") { _ in throw BridgeError(.plugin(1001), "custom failure") },
            .async("crash") { _ in
                struct Broken: Error, CustomStringConvertible { var description: String { "disk on fire" } }
                throw Broken()
            },
            .sync("syncCrash") { _ in throw BridgeError(.internalError, "sync handler failed") },
            .async("never", timeout: .milliseconds(50)) { _ in
                try await Task.sleep(for: .seconds(3600))
                return .null
            },
            .async("invert") { request in
                guard case .binary(let data) = request.params["bytes"] else {
                    throw BridgeError(.invalidParameters, "bytes must be binary")
                }
                return ["bytes": .binary(Data(data.map { ~$0 }))]
            },
            .async("emitBack") { request in
                request.caller.events.emit("pushed", ["from": .string(request.caller.name)])
                return true
            },
            .async("who") { request in .string(request.caller.name) },
        ])
    }
}

import Foundation
import JSBridge
import Synchronization

/// The native APIs the demo host offers its apps until the full plugin set lands.
/// A thread-safe counter.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

enum DemoBridge {
    static func methods(appName: String, calls: Counter) throws -> BridgeMethodTable {
        try BridgeMethodTable([
            .sync("getSystemInfo") { _ in
                calls.increment()
                let info = ProcessInfo.processInfo
                return [
                    "platform": "linux",
                    "hostName": .string(info.hostName),
                    "processorCount": .number(Double(info.processorCount)),
                    "physicalMemory": .number(Double(info.physicalMemory)),
                    "runtime": "HybridContainer JSBridge",
                ]
            },
            .async("echo") { request in
                calls.increment()
                return request.params
            },
            .async("sha256Length") { request in
                calls.increment()
                guard case .binary(let data) = request.params["data"] else {
                    throw BridgeError(.invalidParameters, "data must be an ArrayBuffer or typed array")
                }
                return ["bytes": .number(Double(data.count))]
            },
            .async("wait") { request in
                calls.increment()
                let milliseconds = request.params["ms"]?.numberValue ?? 10
                try await Task.sleep(for: .milliseconds(Int(milliseconds)))
                return ["waited": .number(milliseconds)]
            },
        ])
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

#if canImport(Glibc)
import Glibc
#endif

/// DevToolsProtocol messages over the engine's pipes: JSON objects, each ended by a NUL byte.
/// Every command has a deadline; when the engine exits, every waiting command fails at once.
///
/// `@unchecked Sendable`: the pending commands and the closed state are only touched under
/// `lock`; the reader thread owns the answer descriptor.
final class DevToolsConnection: @unchecked Sendable {
    private let process: EngineProcess
    private let lock = NSLock()
    private var nextID = 0
    private var pending: [Int: (method: String, continuation: CheckedContinuation<JSONValue, any Error>)] = [:]
    /// Each waiting command's deadline, cancelled when its answer comes first.
    private var deadlines: [Int: Task<Void, Never>] = [:]
    private var closedReason: String?

    init(process: EngineProcess) {
        self.process = process
        let thread = Thread { [self] in readLoop() }
        thread.name = "hc-page-engine-reader"
        thread.start()
    }

    /// Whether the engine's end of the pipes is gone (it exited or was stopped).
    var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closedReason != nil
    }

    /// Sends `method` (to the page's `session` when given) and returns its `result`.
    func send(_ method: String, _ params: JSONValue = [:], session: String? = nil, timeout: Duration) async throws -> JSONValue {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue, any Error>) in
            lock.lock()
            if let reason = closedReason {
                lock.unlock()
                continuation.resume(throwing: PageEngineError.exited(reason))
                return
            }
            nextID += 1
            let id = nextID
            pending[id] = (method, continuation)
            var message: JSONObject = ["id": .number(Double(id)), "method": .string(method), "params": params]
            if let session { message["sessionId"] = .string(session) }
            let text = (JSONValue.object(message).stringified() ?? "{}")
            let written = Self.writeAll(process.commands, Array(text.utf8) + [0])
            lock.unlock()
            if !written {
                finish(id, .failure(PageEngineError.exited("its command pipe is closed")))
                return
            }
            // Unstructured: the deadline must fire although the caller is suspended here.
            let deadline = Task { [weak self] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                self?.finish(id, .failure(PageEngineError.timedOut(method: method, after: timeout)))
            }
            lock.lock()
            if pending[id] != nil { deadlines[id] = deadline } else { deadline.cancel() }
            lock.unlock()
        }
    }

    private func finish(_ id: Int, _ result: Result<JSONValue, any Error>) {
        lock.lock()
        let entry = pending.removeValue(forKey: id)
        let deadline = deadlines.removeValue(forKey: id)
        lock.unlock()
        deadline?.cancel()
        entry?.continuation.resume(with: result)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    private func readLoop() {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(process.answers, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var start = buffer.count
            buffer.append(contentsOf: chunk[0..<count])
            var messageStart = 0
            while let end = buffer[start...].firstIndex(of: 0) {
                deliver(Data(buffer[messageStart..<end]))
                messageStart = end + 1
                start = messageStart
            }
            if messageStart > 0 { buffer.removeFirst(messageStart) }
        }
        close(process.answers)
        lock.lock()
        closedReason = process.isStopped ? "stopped" : "its process ended"
        let waiting = pending
        pending.removeAll()
        let timers = deadlines.values
        deadlines.removeAll()
        lock.unlock()
        for timer in timers { timer.cancel() }
        for entry in waiting.values { entry.continuation.resume(throwing: PageEngineError.exited(closedReason ?? "")) }
    }

    private func deliver(_ data: Data) {
        guard let message = try? JSONValue(parsing: data), let id = message["id"]?.intValue else { return }
        if let error = message["error"] {
            lock.lock()
            let method = pending[id]?.method ?? "?"
            lock.unlock()
            finish(id, .failure(PageEngineError.protocolError(method: method, message: error["message"]?.stringValue ?? "\(error)")))
        } else {
            finish(id, .success(message["result"] ?? [:]))
        }
    }
}

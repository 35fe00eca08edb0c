// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Logging
import Synchronization

/// A scratch store, a signing key, a container with the built-ins plus test plugins, and
/// helpers to pack apps from JavaScript source.
final class ContainerFixture: Sendable {
    let root: URL
    let key = PackageSigningKey.generate()
    let log = EventLog()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hc-container-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The execution time limit of tests whose app spins on purpose (it bounds how long they take).
    static let runawayLimit: Duration = .milliseconds(300)

    /// Packs and installs an app whose entry is `script`.
    @discardableResult
    func install(
        _ appId: String, script: String, version: String = "1.0.0", permissions: [String] = [],
        allowedDomains: [String] = [], into container: MicroAppContainer
    ) throws -> URL {
        let package = try pack(appId, script: script, version: version, permissions: permissions, allowedDomains: allowedDomains)
        try container.store.install(packageAt: package, options: .init(allowDowngrade: true))
        return package
    }

    func pack(
        _ appId: String, script: String, version: String = "1.0.0", permissions: [String] = [],
        allowedDomains: [String] = [], fallback: URL? = nil
    ) throws -> URL {
        let source = root.appendingPathComponent("src-\(appId)-\(version)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(script.utf8).write(to: source.appendingPathComponent("index.js"))
        let output = root.appendingPathComponent("\(appId)-\(version)-\(UUID().uuidString.prefix(6)).zip")
        try PackageBuilder.build(
            from: source,
            template: PackageTemplate(
                appId: AppID(rawValue: appId)!, name: appId, version: PackageVersion(version)!, entry: "index.js",
                fallbackBaseURL: fallback?.absoluteString, permissions: permissions, allowedDomains: allowedDomains),
            signingKey: key, output: output)
        return output
    }

    func configuration(
        plugins extra: [any Plugin] = [], switches: [ConfigSwitch] = [], request: RequestPlugin.Settings = .init(),
        sockets: SocketLimits = .init(), configure: (inout ContainerConfiguration) -> Void = { _ in }
    ) throws -> ContainerConfiguration {
        var configuration = ContainerConfiguration(
            storeDirectory: root.appendingPathComponent("store"), trustedKeys: TrustedKeys([key.publicKey]))
        try BuiltInPlugins.register(
            into: &configuration.plugins, storageDatabase: root.appendingPathComponent("storage.sqlite"),
            deviceID: "device-1", configSwitches: switches, request: request, sockets: sockets)
        try configuration.plugins.register(LogPlugin(log: log))
        for plugin in extra { try configuration.plugins.register(plugin) }
        configuration.logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        // Generous: under CI's parallel load on 2 cores, a first render (templates parsed, a cold
        // JIT) has taken over 300 ms of wall time. Tests of runaway scripts use `runawayLimit`.
        configuration.executionTimeLimit = .seconds(3)
        configuration.hookTimeout = .seconds(5)
        let log = self.log
        configuration.onEvent = { event in log.append("event: \(event)") }
        configure(&configuration)
        return configuration
    }

    func container(
        plugins: [any Plugin] = [], switches: [ConfigSwitch] = [], request: RequestPlugin.Settings = .init(),
        sockets: SocketLimits = .init(), configure: (inout ContainerConfiguration) -> Void = { _ in }
    ) async throws -> MicroAppContainer {
        try await MicroAppContainer(
            configuration: configuration(
                plugins: plugins, switches: switches, request: request, sockets: sockets, configure: configure))
    }
}

/// An ordered, thread-safe log of what happened, which tests can wait on.
final class EventLog: Sendable {
    private struct State {
        var entries: [String] = []
        var waiters: [(predicate: @Sendable (String) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
    }

    private let state = Mutex(State())

    func append(_ entry: String) {
        let ready = state.withLock { state in
            state.entries.append(entry)
            let (matched, rest) = (state.waiters.filter { $0.predicate(entry) }, state.waiters.filter { !$0.predicate(entry) })
            state.waiters = rest
            return matched.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    var all: [String] { state.withLock { $0.entries } }

    /// Returns when an entry matching `predicate` is (or gets) logged; false after a 10 s
    /// safety limit (so a broken test fails instead of hanging).
    func waitFor(_ predicate: @escaping @Sendable (String) -> Bool) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let done = self.state.withLock { state -> Bool in
                        if state.entries.contains(where: predicate) { return true }
                        state.waiters.append((predicate, continuation))
                        return false
                    }
                    if done { continuation.resume(returning: true) }
                }
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return false
            }
            let first = await group.next() ?? false
            if !first {
                let pending = self.state.withLock { state in
                    defer { state.waiters.removeAll() }
                    return state.waiters.map(\.continuation)
                }
                for continuation in pending { continuation.resume(returning: false) }
            }
            group.cancelAll()
            return first
        }
    }
}

/// `log({entry})` (sync, no permission) lets app JavaScript write into the shared log.
struct LogPlugin: Plugin {
    let name = "test-log"
    let log: EventLog

    var methods: [PluginMethod] {
        let log = log
        return [
            .sync("log", permission: nil) { call in
                log.append(call.params["entry"]?.stringValue ?? "\(call.params)")
                return .null
            }
        ]
    }
}

/// Records every lifecycle event it intercepts and observes, with its name.
struct RecordingPlugin: Plugin {
    let name: String
    let priority: Int
    let log: EventLog
    var veto: String?

    func intercept(_ event: LifecycleEvent, app: AppHandle) async throws -> InterceptDecision {
        log.append("\(name) intercept \(event)")
        if case .launch = event, let veto { return .veto(reason: veto) }
        return .proceed
    }

    func observe(_ event: LifecycleEvent, app: AppHandle) async {
        if case .error(let failure) = event {
            log.append("\(name) observe onError \(failure.origin)")
        } else {
            log.append("\(name) observe \(event)")
        }
    }
}

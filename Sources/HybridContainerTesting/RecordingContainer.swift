// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Synchronization

/// Container services for a plugin under test: records broadcasts, launches and exits instead
/// of performing them, and lists the apps a test declares as running.
public final class RecordingContainer: ContainerServices {
    /// A call a plugin made on the container.
    public enum Request: Sendable, Hashable {
        case broadcast(event: String, payload: JSONValue, excluding: UInt64?)
        case openApp(appId: String, query: [String: String])
        case exitApp(instanceID: UInt64)
    }

    private struct State {
        var requests: [Request] = []
        var running: [AppDescriptor]
        var nextInstanceID: UInt64 = 1000
    }

    private let state: Mutex<State>

    /// A container in which `running` apps run.
    public init(running: [AppDescriptor] = []) {
        state = Mutex(State(running: running))
    }

    /// Every call so far, in order.
    public var requests: [Request] { state.withLock { $0.requests } }

    public func runningApps() async -> [AppDescriptor] { state.withLock { $0.running } }

    public func broadcast(event: String, payload: JSONValue, excluding: UInt64?) async {
        state.withLock { $0.requests.append(.broadcast(event: event, payload: payload, excluding: excluding)) }
    }

    /// Records the launch and answers with a new descriptor of a running app (the ID must be valid).
    public func openApp(appId: String, query: [String: String]) async throws -> AppDescriptor {
        guard let id = AppID(rawValue: appId) else {
            throw BridgeError(.invalidParameters, "openApp: \"\(appId)\" is not a valid appId")
        }
        return state.withLock { state in
            state.requests.append(.openApp(appId: appId, query: query))
            state.nextInstanceID += 1
            let descriptor = AppDescriptor.testApp(id.rawValue, instanceID: state.nextInstanceID)
            state.running.append(descriptor)
            return descriptor
        }
    }

    public func exitApp(instanceID: UInt64) async throws {
        state.withLock { state in
            state.requests.append(.exitApp(instanceID: instanceID))
            state.running.removeAll { $0.instanceID == instanceID }
        }
    }
}

extension AppDescriptor {
    /// A descriptor for tests: an offline app `appId` 1.0.0 with the given permissions and domains.
    /// - Precondition: `appId` is a valid app ID (a test's own constant).
    public static func testApp(
        _ appId: String = "test-app", instanceID: UInt64 = 1, version: String = "1.0.0",
        permissions: Set<String> = [], allowedDomains: [String] = []
    ) -> AppDescriptor {
        guard let id = AppID(rawValue: appId), let parsed = PackageVersion(version) else {
            preconditionFailure("testApp: \"\(appId)\" / \"\(version)\" is not a valid appId / version")
        }
        return AppDescriptor(
            instanceID: instanceID, appId: id, name: appId, version: parsed, source: .offline,
            permissions: permissions, allowedDomains: allowedDomains)
    }
}

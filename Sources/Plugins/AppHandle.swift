// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

@_exported import HybridTypes

/// Where a running app's code came from.
public enum AppSource: String, Sendable, Hashable, Codable {
    /// A verified offline package.
    case offline
    /// Its online copy (`fallbackBaseURL`).
    case online
    /// A plain folder in developer mode (unsigned, hashes computed on the fly).
    case developer
}

/// The launch options an app's `onLaunch(options)` receives (DESIGN §3).
public struct LaunchOptions: Sendable, Hashable {
    /// Launch parameters.
    public var query: [String: String]
    /// Free-form extra fields plugins may add when rewriting a launch.
    public var extra: [String: JSONValue]

    /// Creates options.
    public init(query: [String: String] = [:], extra: [String: JSONValue] = [:]) {
        self.query = query
        self.extra = extra
    }
}

/// Facts about one running app instance, fixed at launch.
public struct AppDescriptor: Sendable, Hashable {
    /// Unique per launch, for the life of the process.
    public let instanceID: UInt64
    public let appId: AppID
    public let name: String
    public let version: PackageVersion
    public let source: AppSource
    /// The manifest's `permissions` (JSAPI names or groups).
    public let permissions: Set<String>
    /// Hosts `request` may reach.
    public let allowedDomains: [String]

    /// Creates a descriptor.
    public init(
        instanceID: UInt64, appId: AppID, name: String, version: PackageVersion, source: AppSource,
        permissions: Set<String>, allowedDomains: [String]
    ) {
        self.instanceID = instanceID
        self.appId = appId
        self.name = name
        self.version = version
        self.source = source
        self.permissions = permissions
        self.allowedDomains = allowedDomains
    }

    /// Whether `host` is one of ``allowedDomains`` or a subdomain of one (case-insensitive).
    public func allowsHost(_ host: String) -> Bool { Self.host(host, isIn: allowedDomains) }

    /// Whether `host` equals one of `domains` or is a subdomain of one (case-insensitive).
    public static func host(_ host: String, isIn domains: [String]) -> Bool {
        let host = host.lowercased()
        return domains.contains { domain in
            let allowed = domain.lowercased()
            return !allowed.isEmpty && (host == allowed || host.hasSuffix("." + allowed))
        }
    }
}

/// What the container offers plugins beyond one app: the other running apps.
public protocol ContainerServices: Sendable {
    /// Instances currently running.
    func runningApps() async -> [AppDescriptor]
    /// Delivers an event to every running app's `JSBridge.on` listeners (except `excluding`).
    func broadcast(event: String, payload: JSONValue, excluding: UInt64?) async
    /// Launches (and starts) an app by ID, as `openApp` does.
    func openApp(appId: String, query: [String: String]) async throws -> AppDescriptor
    /// Stops and destroys an instance, as `exitApp` does.
    func exitApp(instanceID: UInt64) async throws
}

/// A plugin's view of one running app: its facts, its event channel, and the container.
public struct AppHandle: Sendable {
    public let descriptor: AppDescriptor
    /// Pushes events to the app's `JSBridge.on` listeners.
    public let events: any AppEventSink
    /// The container the app runs in.
    public let container: any ContainerServices

    /// Creates a handle (the container does this).
    public init(descriptor: AppDescriptor, events: any AppEventSink, container: any ContainerServices) {
        self.descriptor = descriptor
        self.events = events
        self.container = container
    }
}

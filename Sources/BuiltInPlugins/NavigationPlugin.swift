// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Plugins

/// `openApp({appId, query})` launches another installed app; `exitApp()` ends the caller.
/// Permission `navigation`.
public struct NavigationPlugin: Plugin {
    public let name = "navigation"

    /// Creates the plugin.
    public init() {}

    struct OpenParams: Decodable { var appId: String; var query: [String: String]? }

    /// The manifest's appId rule, checked before the container is asked.
    static func isValidAppID(_ text: String) -> Bool {
        guard (1...64).contains(text.utf8.count), text.first != "." else { return false }
        return text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default: return false
            }
        }
    }

    public var methods: [PluginMethod] {
        [
            .async("openApp", permission: "navigation") { call in
                let params = try call.decode(OpenParams.self)
                guard Self.isValidAppID(params.appId) else {
                    throw call.reject(.invalidParameters, "openApp: appId must be 1 to 64 of A-Z a-z 0-9 . _ - (not starting with '.')")
                }
                do {
                    let opened = try await call.app.container.openApp(appId: params.appId, query: params.query ?? [:])
                    return ["appId": .string(opened.appId.rawValue), "instanceId": .number(Double(opened.instanceID))]
                } catch {
                    throw call.reject(.internalError, "openApp: \(error)")
                }
            },
            // On the app's thread: the answer settles in this job, and the exit's own jobs there
            // (onDestroy, the release) come after it. With the default placement the answer
            // was queued from another thread and could lose that race (seen under load: the
            // caller's promise ended with "context released" instead of resolving).
            .async("exitApp", permission: "navigation", placement: .runtimeThread) { call in
                let container = call.app.container
                let instance = call.app.descriptor.instanceID
                // Answer first: the app's context goes away with the exit.
                Task { try? await container.exitApp(instanceID: instance) }
                return .null
            },
        ]
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Plugins

/// `postNotification({name, data})`: broadcasts to every other running app, whose
/// `JSBridge.on('notification', handler)` receives `{name, data, from}`. Permission `notification`.
public struct NotificationPlugin: Plugin {
    public let name = "notification"

    /// Creates the plugin.
    public init() {}

    struct Params: Decodable { var name: String; var data: JSONValue? }

    public var methods: [PluginMethod] {
        [
            .async("postNotification", permission: "notification") { call in
                let params = try call.decode(Params.self)
                guard !params.name.isEmpty else { throw call.reject(.invalidParameters, "postNotification: name must not be empty") }
                let payload: JSONValue = [
                    "name": .string(params.name), "data": params.data ?? .null, "from": .string(call.app.descriptor.appId.rawValue),
                ]
                await call.app.container.broadcast(event: "notification", payload: payload, excluding: call.app.descriptor.instanceID)
                return .null
            }
        ]
    }
}

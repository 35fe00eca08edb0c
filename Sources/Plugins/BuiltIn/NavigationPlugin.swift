/// `openApp({appId, query})` launches another installed app; `exitApp()` ends the caller.
/// Permission `navigation`.
public struct NavigationPlugin: Plugin {
    public let name = "navigation"

    /// Creates the plugin.
    public init() {}

    struct OpenParams: Decodable { var appId: String; var query: [String: String]? }

    public var methods: [PluginMethod] {
        [
            .async("openApp", permission: "navigation") { call in
                let params = try call.decode(OpenParams.self)
                do {
                    let opened = try await call.app.container.openApp(appId: params.appId, query: params.query ?? [:])
                    return ["appId": .string(opened.appId), "instanceId": .number(Double(opened.instanceID))]
                } catch {
                    throw call.reject(.internalError, "openApp: \(error)")
                }
            },
            .async("exitApp", permission: "navigation") { call in
                let container = call.app.container
                let instance = call.app.descriptor.instanceID
                // Answer first: the app's context goes away with the exit.
                Task { try? await container.exitApp(instanceID: instance) }
                return .null
            },
        ]
    }
}

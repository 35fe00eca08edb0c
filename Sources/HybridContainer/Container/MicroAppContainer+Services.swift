/// What plugins reach through `AppHandle.container`.
extension MicroAppContainer {
    public func broadcast(event: String, payload: JSONValue, excluding: UInt64?) async {
        for (id, app) in apps where id != excluding { app.context.events.emit(event, payload) }
    }

    public func openApp(appId: String, query: [String: String]) async throws -> AppDescriptor {
        try await launch(.installed(appId), options: LaunchOptions(query: query))
    }

    public func exitApp(instanceID: UInt64) async throws {
        try await destroy(instanceID)
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Collects plugins, then freezes into an immutable `PluginTable` (build-then-freeze).
///
/// ```swift
/// var registry = PluginRegistry()
/// try registry.register(StoragePlugin(databaseURL: url))       // one instance for the container
/// try registry.register(perApp: "session") { app in SessionPlugin(app) }  // one per app instance
/// let table = try registry.freeze()
/// ```
public struct PluginRegistry: Sendable {
    /// Why a registration was refused.
    public enum RegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
        case duplicatePlugin(String)
        case duplicateMethod(name: String, plugins: [String])
        case emptyName

        public var description: String {
            switch self {
            case .duplicatePlugin(let name): return "two plugins are named \"\(name)\""
            case .duplicateMethod(let name, let plugins): return "JSAPI \"\(name)\" is declared by \(plugins.joined(separator: " and "))"
            case .emptyName: return "a plugin or JSAPI name is empty"
            }
        }
    }

    enum Entry: Sendable {
        case shared(any Plugin)
        case perApp(name: String, methods: [PluginMethod], priority: Int, make: @Sendable (AppHandle) -> any Plugin)

        var name: String {
            switch self {
            case .shared(let plugin): return plugin.name
            case .perApp(let name, _, _, _): return name
            }
        }
    }

    private(set) var entries: [Entry] = []

    /// An empty registry.
    public init() {}

    /// Registers a plugin shared by every app of the container.
    public mutating func register(_ plugin: any Plugin) throws {
        try add(.shared(plugin))
    }

    /// Registers a plugin created for each app instance (and dropped when it is destroyed).
    /// Its JSAPIs and priority are read from a probe instance made by `make` with no app, so
    /// declare them from constants.
    public mutating func register(
        perApp name: String, methods: [PluginMethod] = [], priority: Int = 0,
        make: @escaping @Sendable (AppHandle) -> any Plugin
    ) throws {
        try add(.perApp(name: name, methods: methods, priority: priority, make: make))
    }

    private mutating func add(_ entry: Entry) throws {
        guard !entry.name.isEmpty else { throw RegistrationError.emptyName }
        guard !entries.contains(where: { $0.name == entry.name }) else { throw RegistrationError.duplicatePlugin(entry.name) }
        entries.append(entry)
    }

    /// Checks JSAPI names across plugins and returns the immutable table.
    public func freeze() throws -> PluginTable {
        try PluginTable(entries: entries)
    }
}

/// The frozen plugins of a container: JSAPIs by name and listeners in order. Read on every
/// call without locks.
public struct PluginTable: Sendable {
    /// Every JSAPI by name, with the plugin that declares it.
    public let methods: [String: (plugin: String, method: PluginMethod)]
    let entries: [PluginRegistry.Entry]

    init(entries: [PluginRegistry.Entry]) throws {
        var methods: [String: (plugin: String, method: PluginMethod)] = [:]
        for entry in entries {
            let declared: [PluginMethod]
            switch entry {
            case .shared(let plugin): declared = plugin.methods
            case .perApp(_, let list, _, _): declared = list
            }
            for method in declared {
                guard !method.name.isEmpty else { throw PluginRegistry.RegistrationError.emptyName }
                if let existing = methods[method.name] {
                    throw PluginRegistry.RegistrationError.duplicateMethod(name: method.name, plugins: [existing.plugin, entry.name])
                }
                methods[method.name] = (entry.name, method)
            }
        }
        self.methods = methods
        self.entries = entries
    }

    /// The plugin instances serving one app: shared ones as they are, per-app ones made now.
    /// Sorted by priority (higher first), then registration order.
    public func instances(for app: AppHandle) -> [any Plugin] {
        let made: [(Int, Int, any Plugin)] = entries.enumerated().map { index, entry in
            switch entry {
            case .shared(let plugin): return (plugin.priority, index, plugin)
            case .perApp(_, _, let priority, let make): return (priority, index, make(app))
            }
        }
        return made.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map(\.2)
    }

    /// Per-app plugins' methods dispatch to the instance made for the calling app.
    package func perAppMethods(for instances: [any Plugin]) -> [String: PluginMethod] {
        var result: [String: PluginMethod] = [:]
        let perAppNames = Set(entries.compactMap { if case .perApp(let name, _, _, _) = $0 { name } else { nil } })
        for plugin in instances where perAppNames.contains(plugin.name) {
            for method in plugin.methods { result[method.name] = method }
        }
        return result
    }
}

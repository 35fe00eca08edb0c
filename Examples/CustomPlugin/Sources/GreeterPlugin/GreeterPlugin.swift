// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Plugins
import Synchronization

/// An example plugin written outside the HybridContainer package.
///
/// - JSAPI `greet({name})` (permission `greeter`) answers `"Hello, <name>!"` and pushes a
///   `greeted` event back to the app.
/// - JSAPI `greetCount()` (sync) says how many greetings this container has made.
/// - It vetoes launches whose query has `blocked=1`, and adds `greeting` to every launch's options.
public struct GreeterPlugin: Plugin {
    public let name = "greeter"
    public let priority = 10
    private let count = Counter()

    public init() {}

    struct Params: Decodable { var name: String }

    public var methods: [PluginMethod] {
        let count = count
        return [
            .async("greet", permission: "greeter") { call in
                let params = try call.decode(Params.self)
                guard !params.name.isEmpty else { throw call.reject(.invalidParameters, "greet: name is empty") }
                count.increment()
                call.app.events.emit("greeted", ["name": .string(params.name)])
                return .string("Hello, \(params.name)!")
            },
            .sync("greetCount", permission: "greeter") { _ in .number(Double(count.value)) },
        ]
    }

    public func intercept(_ event: LifecycleEvent, app: AppHandle) async throws -> InterceptDecision {
        guard case .launch(var options) = event else { return .proceed }
        if options.query["blocked"] == "1" { return .veto(reason: "blocked by the greeter") }
        options.extra["greeting"] = "hi from GreeterPlugin"
        return .rewrite(options)
    }
}

/// A counter shared by every app of a container.
final class Counter: Sendable {
    private let storage = Mutex(0)
    func increment() { storage.withLock { $0 += 1 } }
    var value: Int { storage.withLock { $0 } }
}

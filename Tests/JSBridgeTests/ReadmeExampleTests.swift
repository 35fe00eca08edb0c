// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import JSBridge
import Testing

/// The README's embedding example, kept compiling and working.
@Test("the README embedding example runs as documented")
func readmeEmbeddingExample() async throws {
    let methods = try BridgeMethodTable([
        .sync("add") { request in
            struct Params: Decodable { var a: Double; var b: Double }
            let p = try request.decode(Params.self)
            return .number(p.a + p.b)
        },
        .async("fetchGreeting") { request in
            try await Task.sleep(for: .milliseconds(5))
            request.caller.events.emit("greeted", ["to": .string(request.caller.name)])
            return ["greeting": "hello"]
        },
    ])
    let recorder = Recorder()
    var configuration = recorder.configuration(name: "my-app", bridge: methods)
    configuration.executionTimeLimit = .seconds(2)
    let runtime = JSRuntime()
    let context = try await runtime.makeContext(configuration)
    try await context.evaluate("JSBridge.on('greeted', p => console.log('greeted', p.to))")
    let sum = try await context.evaluateAwaiting("JSBridge.call('add', {a: 1, b: 2})")
    #expect(sum == 3)
    try await context.emit("greeted", ["to": "host"])
    #expect(try await context.evaluateAwaiting("JSBridge.call('fetchGreeting')") == ["greeting": "hello"])
    await context.waitUntilIdle()
    _ = try await context.evaluate("0")
    await context.release()
    #expect(recorder.console.map(\.text) == ["greeted host", "greeted my-app"])
}

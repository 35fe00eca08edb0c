// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import GreeterPlugin
import HybridContainerTesting
import Testing

@Suite("GreeterPlugin, tested with HybridContainerTesting")
struct GreeterPluginTests {
    @Test("greet answers, counts and pushes a greeted event to the app")
    func greets() async throws {
        let tester = PluginTester(GreeterPlugin(), app: .testApp(permissions: ["greeter"]))
        #expect(try await tester.call("greet", ["name": "Ada"]) == "Hello, Ada!")
        #expect(try tester.callSync("greetCount") == 1)
        #expect(tester.events.payloads(of: "greeted") == [["name": "Ada"]])
    }

    @Test("bad parameters are code 2 naming the field; an app without the permission gets code 4")
    func refusals() async throws {
        let tester = PluginTester(GreeterPlugin(), app: .testApp(permissions: ["greeter"]))
        await #expect(throws: BridgeError.self) { try await tester.call("greet", ["name": 42]) }
        do {
            try await tester.call("greet", ["name": ""])
            Issue.record("an empty name was accepted")
        } catch {
            #expect(error.code == .invalidParameters)
        }
        let stranger = PluginTester(GreeterPlugin(), app: .testApp("stranger"))
        do {
            try await stranger.call("greet", ["name": "Ada"])
            Issue.record("an app without the greeter permission was served")
        } catch {
            #expect(error.code == .noPermission)
        }
        #expect(stranger.events.events.isEmpty)
    }

    @Test("launches with blocked=1 are vetoed; others get a greeting in their options")
    func launchListener() async throws {
        let tester = PluginTester(GreeterPlugin())
        let vetoed = try await tester.send(.launch(LaunchOptions(query: ["blocked": "1"])))
        #expect(vetoed == .veto(reason: "blocked by the greeter"))
        let rewritten = try await tester.send(.launch(LaunchOptions()))
        guard case .rewrite(let options) = rewritten else {
            Issue.record("expected rewritten options, got \(rewritten)")
            return
        }
        #expect(options.extra["greeting"] == "hi from GreeterPlugin")
    }

    @Test("inside a real container, an app calls greet through JavaScript")
    func inContainer() async throws {
        try await withContainer { configuration in
            try configuration.plugins.register(GreeterPlugin())
        } body: { container in
            let folder = try TestAppFolder(
                appId: "greeter-test", permissions: ["greeter"],
                script: """
                    App({ onLaunch() { return JSBridge.call('greet', { name: 'container' }); } });
                    """)
            defer { folder.remove() }
            let app = try await container.launch(.directory(folder.url))
            let context = try await container.context(of: app.instanceID)
            #expect(try await context.evaluateAwaiting("JSBridge.call('greet', { name: 'JS' })") == "Hello, JS!")
            #expect(try await context.evaluate("JSBridge.callSync('greetCount')") == 2)
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

let recordingApp = """
    const log = (entry) => JSBridge.callSync('log', { entry });
    App({
      onLaunch(options) {
        log('app onLaunch ' + options.query.user + ' ' + options.source + ' ' + options.appId);
        return new Promise((resolve) => setTimeout(() => { log('app onLaunch resolved'); resolve(); }, 5));
      },
      onShow() { log('app onStart'); },
      onHide() { log('app onStop'); },
      onDestroy() { log('app onDestroy'); },
      onError(error) { log('app onError ' + error.origin + ': ' + error.message); },
    });
    """

@Suite("Micro-app lifecycle: order, state machine, hook errors, intercepts")
struct LifecycleTests {
    @Test("events reach plugins (by priority) and the app in order; mini-program onShow/onHide alias onStart/onStop")
    func order() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container(plugins: [
            RecordingPlugin(name: "low", priority: 1, log: fixture.log),
            RecordingPlugin(name: "high", priority: 9, log: fixture.log),
        ])
        try fixture.install("life", script: recordingApp, into: container)
        let app = try await container.launch(.installed("life"), options: .init(query: ["user": "ann"]))
        #expect(app.source == .offline)
        #expect(await container.state(of: app.instanceID) == .started)
        try await container.stop(app.instanceID)
        try await container.start(app.instanceID)
        try await container.destroy(app.instanceID)
        let lines = fixture.log.all.filter { !$0.hasPrefix("event:") }
        #expect(
            lines == [
                "high intercept onLaunch", "low intercept onLaunch",
                "app onLaunch ann offline life", "app onLaunch resolved",
                "high observe onLaunch", "low observe onLaunch",
                "high intercept onStart", "low intercept onStart", "app onStart", "high observe onStart", "low observe onStart",
                "high intercept onStop", "low intercept onStop", "app onStop", "high observe onStop", "low observe onStop",
                "high intercept onStart", "low intercept onStart", "app onStart", "high observe onStart", "low observe onStart",
                "high intercept onDestroy", "low intercept onDestroy", "app onDestroy", "high observe onDestroy", "low observe onDestroy",
            ])
        #expect(await container.runningApps().isEmpty)
        await container.shutdown()
    }

    @Test("invalid transitions are refused with a typed error")
    func stateMachine() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install("life", script: recordingApp, into: container)
        let app = try await container.launch(.installed("life"), start: false)
        #expect(await container.state(of: app.instanceID) == .launched)
        await #expect {
            try await container.stop(app.instanceID)
        } throws: { error in
            guard case .invalidTransition(_, .launched, "stop")? = (error as? ContainerError)?.details else { return false }
            return true
        }
        try await container.start(app.instanceID)
        await #expect(throws: ContainerError.self) { try await container.start(app.instanceID) }
        try await container.destroy(app.instanceID)
        await #expect {
            try await container.start(app.instanceID)
        } throws: { error in
            guard case .noSuchInstance? = (error as? ContainerError)?.details else { return false }
            return true
        }
        await container.shutdown()
    }

    @Test("a throwing or rejecting hook goes to onError and plugins; the app keeps running")
    func hookErrors() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container(plugins: [RecordingPlugin(name: "rec", priority: 0, log: fixture.log)])
        try fixture.install(
            "faulty",
            script: """
                const log = (entry) => JSBridge.callSync('log', { entry });
                App({
                  onLaunch() { throw new TypeError('launch broke'); },
                  onShow() { return Promise.reject(new Error('start rejected')); },
                  onError(error) { log('onError ' + error.origin + ' ' + error.message); },
                });
                setTimeout(() => { throw new Error('timer broke'); }, 1);
                """, into: container)
        let app = try await container.launch(.installed("faulty"))
        #expect(await container.state(of: app.instanceID) == .started)
        #expect(await fixture.log.waitFor { $0.contains("timer broke") && $0.hasPrefix("onError") })
        let lines = fixture.log.all
        #expect(lines.contains("onError onLaunch TypeError: launch broke"))
        #expect(lines.contains("onError onStart Error: start rejected"))
        #expect(lines.contains("rec observe onError onLaunch"))
        #expect(lines.contains { $0.contains("timer broke") })
        await container.shutdown()
    }

    @Test("what a hook returns or fulfills with is not used, so a value that cannot be converted is no failure")
    func hookValuesIgnored() async throws {
        let setup = try ContainerFixture()
        let host = try await setup.container()
        let script = """
            globalThis.errors = [];
            const cyclic = {}; cyclic.self = cyclic;
            App({
              onLaunch() { return cyclic; },
              onShow() { return Promise.resolve({ big: 10n, loop: { toJSON() { for (;;) {} } } }); },
              onHide() { return Promise.resolve(cyclic); },
              onError(error) { errors.push(error.origin); },
            });
            """
        try setup.install("odd-values", script: script, into: host)
        let instance = try await host.launch(.installed("odd-values")).instanceID
        try await host.stop(instance)
        #expect(await host.state(of: instance) == .stopped)
        #expect(try await host.context(of: instance).evaluate("errors.join()") == "")
        await host.shutdown()
    }

    @Test("a plugin can veto a launch with a reason, before any of the app's code runs")
    func interceptors() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container(plugins: [
            RecordingPlugin(name: "gate", priority: 0, log: fixture.log, veto: "maintenance window")
        ])
        try fixture.install("life", script: "JSBridge.callSync('log', { entry: 'app code ran' });\n" + recordingApp, into: container)
        await #expect {
            try await container.launch(.installed("life"))
        } throws: { error in
            guard case .launchVetoed(_, "gate", "maintenance window")? = (error as? ContainerError)?.details else { return false }
            return true
        }
        #expect(await container.runningApps().isEmpty)
        #expect(!fixture.log.all.contains { $0.hasPrefix("app onLaunch") })
        #expect(!fixture.log.all.contains("app code ran"))
        await container.shutdown()
    }

    @Test("events a plugin sends from setUp, before the app's context exists, reach the listeners the app registers")
    func eventsFromSetUp() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container(plugins: [GreetingOnSetUp()])
        try fixture.install(
            "listener",
            script: "globalThis.greetings = []; JSBridge.on('greeting', (payload) => greetings.push(payload.text)); App({})",
            into: container)
        let app = try await container.launch(.installed("listener"))
        // The held events were queued on the app's thread when its context was attached, so they
        // run before this evaluation.
        let greetings = try await container.context(of: app.instanceID).evaluate("greetings")
        #expect(greetings == ["hello 1", "hello 2"])
        await container.shutdown()
    }

    @Test("an entry with export runs as an ES module; words like 'important' in a script do not make it one")
    func entryModuleDetection() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install(
            "module", script: "export const marker = 'module';\nApp({ onLaunch() { globalThis.kind = marker; } })", into: container)
        try fixture.install(
            "script", script: "var important = 'exported later'; App({ onLaunch() { globalThis.kind = typeof globalThis.important; } })",
            into: container)
        let module = try await container.launch(.installed("module"))
        #expect(try await container.context(of: module.instanceID).evaluate("kind") == "module")
        // A script's top-level var is a global; a module's would not be.
        let script = try await container.launch(.installed("script"))
        #expect(try await container.context(of: script.instanceID).evaluate("kind") == "string")
        await container.shutdown()
    }

    @Test("an entry script that throws or spins fails the launch with its reason")
    func entryFailures() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container { $0.executionTimeLimit = ContainerFixture.runawayLimit }
        try fixture.install("throws", script: "\nnull.boom;", into: container)
        try fixture.install("spins", script: "while (true) {}", into: container)
        await #expect {
            try await container.launch(.installed("throws"))
        } throws: { error in
            guard case .scriptFailed(_, let exception)? = (error as? ContainerError)?.details else { return false }
            return exception.name == "TypeError" && exception.line == 2
        }
        await #expect {
            try await container.launch(.installed("spins"))
        } throws: { error in
            guard case .scriptTimedOut? = (error as? ContainerError)?.details else { return false }
            return true
        }
        await container.shutdown()
    }
}

/// Sends two events from `setUp`, before the app's context exists.
private struct GreetingOnSetUp: Plugin {
    let name = "greeter"
    func setUp(_ app: AppHandle) async throws {
        app.events.emit("greeting", ["text": "hello 1"])
        app.events.emit("greeting", ["text": "hello 2"])
    }
}

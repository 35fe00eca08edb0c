// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging

/// The steps of one launch attempt (see `launchOnce`).
extension MicroAppContainer {
    /// What `assemble` builds around a context.
    struct AssembledApp {
        let app: MicroApp
        let handle: AppHandle
        let plugins: [any Plugin]
        let bridge: AppBridge
        let context: ScriptContext
        let runtimeIndex: Int
    }

    /// The fuse's decision (a fused app may be served online), then the app's code and manifest.
    func loadForLaunch(_ source: LaunchSource) async throws -> LoadedApp {
        let source = try await fuseRedirect(source)
        do {
            return try await loader.load(source)
        } catch {
            fail(Self.appIdHint(source), reason: "\(error)")
            throw error
        }
    }

    /// The facts of a new instance of `loaded`.
    func nextDescriptor(for loaded: LoadedApp) -> AppDescriptor {
        let instanceID = nextInstanceID
        nextInstanceID += 1
        let manifest = loaded.manifest
        return AppDescriptor(
            instanceID: instanceID, appId: manifest.appId, name: manifest.name, version: manifest.version,
            source: loaded.source, permissions: Set(manifest.permissions), allowedDomains: manifest.allowedDomains)
    }

    /// A JavaScript thread that is not quarantined, spread by instance ID.
    func healthyRuntime(for descriptor: AppDescriptor) throws -> Int {
        let healthy = supervisor.healthyIndices
        guard !healthy.isEmpty else {
            let appId = descriptor.appId.rawValue
            let error = ContainerError.runtimeStalled(appId: appId, thread: "every JavaScript thread", limit: supervisor.stallLimit)
            fail(appId, reason: "\(error)")
            throw error
        }
        return healthy[Int(descriptor.instanceID % UInt64(healthy.count))]
    }

    /// The app's context on runtime `index`: its modules, limits, console and diagnostics.
    func makeContext(
        for loaded: LoadedApp, _ descriptor: AppDescriptor, on index: Int, logger: Logger, relay: DiagnosticRelay
    ) async throws -> ScriptContext {
        let appId = descriptor.appId.rawValue
        let onEvent = configuration.onEvent
        var contextConfiguration = ScriptContext.Configuration(
            name: appId,
            metadata: ["appId": appId, "version": descriptor.version.description, "instanceID": "\(descriptor.instanceID)"],
            executionTimeLimit: configuration.executionTimeLimit,
            callTimeout: configuration.callTimeout,
            modules: loaded.modules,
            logger: logger,
            onConsole: { message in onEvent?(.console(descriptor, message)) },
            onDiagnostic: { diagnostic in relay.deliver(diagnostic) })
        contextConfiguration.consoleLimit = configuration.consoleLimit
        let finalConfiguration = contextConfiguration
        let runtime = runtimes[index]
        return try await supervisor.guarded(index, appId: appId) {
            try await runtime.makeContext(finalConfiguration)
        }
    }

    /// The instance around its context: plugin instances, the bridge with the app's
    /// permissions, the package lease, failure accounting (the fuse) and diagnostics delivery.
    func assemble(
        _ loaded: LoadedApp, _ descriptor: AppDescriptor, context: ScriptContext, on index: Int, logger: Logger,
        relay: DiagnosticRelay
    ) async -> AssembledApp {
        let appId = descriptor.appId.rawValue
        let onEvent = configuration.onEvent
        let handle = AppHandle(descriptor: descriptor, events: context.events, container: self)
        let instances = plugins.instances(for: handle)
        let bridge = AppBridge(
            table: plugins, instances: instances, app: handle, policy: configuration.permissions,
            observer: Monitoring.callObserver(logger: logger), rateLimiter: apiRateLimiter)
        let fuse = self.fuse
        let lease = loaded.lease
        let app = MicroApp(
            handle: handle, context: context, runtime: (supervisor, index), miniProgram: loaded.miniProgramConfig,
            plugins: instances, hookTimeout: configuration.hookTimeout, logger: logger, lease: lease,
            emit: { onEvent?($0) },
            recordFailure: { reason in
                if fuse.recordFailure(appId, reason: reason) {
                    onEvent?(.fuseOpened(appId: appId, failures: fuse.threshold, reason: reason))
                }
            })
        // Weak: the context's configuration holds the relay, and the app holds the context.
        let background = self.background
        relay.attach { [weak app] diagnostic in
            guard let app else { return }
            app.diagnosticsInFlight.begin()
            background.spawn {
                await app.scriptProblem(diagnostic)
                app.diagnosticsInFlight.end()
            }
        }
        return AssembledApp(app: app, handle: handle, plugins: instances, bridge: bridge, context: context, runtimeIndex: index)
    }

    /// Plugins' `setUp`, the app's code, `onLaunch` (and `onShow` when `start`); on failure
    /// everything is undone and the failure counted (a veto is not a failure).
    func runAndLaunch(
        _ loaded: LoadedApp, _ assembled: AssembledApp, options: LaunchOptions, start: Bool
    ) async throws -> AppFailure? {
        let (app, handle, context, index) = (assembled.app, assembled.handle, assembled.context, assembled.runtimeIndex)
        let appId = handle.descriptor.appId.rawValue
        let instanceID = handle.descriptor.instanceID
        do {
            for plugin in assembled.plugins { try await plugin.setUp(handle) }
            let miniProgram = configuration.miniProgram
            let bridge = assembled.bridge
            try await supervisor.guarded(index, appId: appId) {
                try await AppScriptRunner.run(loaded, in: context, bridge: bridge, miniProgram: miniProgram)
            }
            apps[instanceID] = app
            let launchFailure = try await app.launch(options)
            if start { try await app.start() }
            return launchFailure
        } catch {
            apps[instanceID] = nil
            for plugin in assembled.plugins { await plugin.tearDown(handle) }
            try? await supervisor.guarded(index, appId: appId) { await context.release() }
            if (error as? ContainerError)?.code != .launchVetoed { fail(appId, reason: "\(error)") }
            throw error
        }
    }

    /// Success: the fuse forgets the app's failures; events and metrics.
    func reportLaunched(_ loaded: LoadedApp, _ descriptor: AppDescriptor, began: ContinuousClock.Instant) {
        let appId = descriptor.appId.rawValue
        fuse.recordSuccess(appId)
        if loaded.source == .online {
            emit(.servedOnline(appId: appId, reason: "launched from its online copy"))
        }
        let duration = ContinuousClock.now - began
        Monitoring.recordLaunch(appId: appId, source: loaded.source, duration: duration)
        let elapsed = duration.components
        emit(.launched(descriptor, milliseconds: Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15))
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Tracing

/// The steps of one launch attempt (see `launchOnce`).
extension MicroAppContainer {
    /// What `assemble` builds for a new instance before its context exists.
    struct AssembledApp {
        let handle: AppHandle
        /// The handle's event sink, attached to the context by the launch job.
        let events: LateEventSink
        let plugins: [any Plugin]
        let bridge: AppBridge
        let relay: DiagnosticRelay
        let runtimeIndex: Int
        let logger: Logger
    }

    /// The fuse's decision (a fused app may be served online), then the app's code and manifest.
    func loadForLaunch(_ source: LaunchSource, prepared: AppLoader.LeasedEntry?) async throws -> LoadedApp {
        let redirected = try await fuseRedirect(source)
        do {
            if let prepared, redirected == source { return try await loader.load(prepared) }
            return try await loader.load(redirected)
        } catch {
            fail(Self.appIdHint(redirected), reason: "\(error)")
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

    /// Wakes the JavaScript thread the next instance will run on (``healthyRuntime(for:)``
    /// unless another launch takes that instance ID first) to watch for the launch's job
    /// (``ContainerConfiguration/launchSpin``).
    func announceLaunch() {
        guard configuration.launchSpin > .zero else { return }
        let healthy = supervisor.healthyIndices
        guard !healthy.isEmpty else { return }
        runtimes[healthy[Int(nextInstanceID % UInt64(healthy.count))]].expectWork(within: configuration.launchSpin)
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

    /// The instance's parts before its context exists: its handle (with an event sink that
    /// holds events until the context is attached), plugin instances, and the bridge with the
    /// app's permissions.
    func assemble(_ descriptor: AppDescriptor, on index: Int, logger: Logger) -> AssembledApp {
        let events = LateEventSink()
        let handle = AppHandle(descriptor: descriptor, events: events, container: self)
        let instances = plugins.instances(for: handle)
        let bridge = AppBridge(
            table: plugins, instances: instances, app: handle, policy: configuration.permissions,
            observer: Monitoring.callObserver(logger: logger), rateLimiter: apiRateLimiter, tracing: tracing)
        return AssembledApp(
            handle: handle, events: events, plugins: instances, bridge: bridge, relay: DiagnosticRelay(), runtimeIndex: index,
            logger: logger)
    }

    /// Plugins' `setUp` and launch intercepts, then the launch job on the app's JavaScript thread
    /// (context, the app's code, `onLaunch`), then the instance is registered, plugins observe
    /// the launch (and `onShow` runs when `start`). On failure everything is undone and the
    /// failure counted (a veto is not a failure).
    func runAndLaunch(
        _ loaded: LoadedApp, _ assembled: AssembledApp, options: LaunchOptions, start: Bool, span: (any Span)? = nil
    ) async throws -> AppFailure? {
        let (handle, index) = (assembled.handle, assembled.runtimeIndex)
        let descriptor = handle.descriptor
        let appId = descriptor.appId.rawValue
        var context: ScriptContext?
        let layout = configuration.miniProgram.layoutEngine
        do {
            if let config = loaded.miniProgramConfig, let layout {
                layout.attach(PageSource(app: descriptor, config: config, device: configuration.miniProgram.device, files: loaded.modules))
            }
            let pluginsStart = WallInstant.now
            for plugin in assembled.plugins { try await plugin.setUp(handle) }
            let options = try await MicroApp.interceptLaunch(options, plugins: assembled.plugins, app: handle) { self.emit($0) }
            tracing.record(TraceSpan.launchPlugins, parent: span, since: pluginsStart, attributes: [:])
            let job = LaunchJob(
                loaded: loaded, contextConfiguration: contextConfiguration(loaded, descriptor, assembled),
                events: assembled.events, bridge: assembled.bridge, miniProgram: configuration.miniProgram,
                onLaunchArgument: MicroApp.onLaunchArgument(options, descriptor: descriptor), hookTimeout: configuration.hookTimeout)
            let runtime = runtimes[index]
            let outcome = try await supervisor.guarded(index, appId: appId, spin: configuration.launchSpin) {
                try await job.run(on: runtime)
            }
            context = outcome.context
            recordSteps(of: outcome, under: span)
            let app = makeApp(loaded, assembled, context: outcome.context)
            apps[descriptor.instanceID] = app
            let launchFailure = try await app.launched(options, onLaunchFailure: outcome.onLaunchFailure)
            if start { try await app.start() }
            return launchFailure
        } catch {
            apps[descriptor.instanceID] = nil
            layout?.detach(instanceID: descriptor.instanceID)
            for plugin in assembled.plugins { await plugin.tearDown(handle) }
            if let context { try? await supervisor.guarded(index, appId: appId) { await context.release() } }
            if (error as? ContainerError)?.code != .launchVetoed { fail(appId, reason: "\(error)") }
            throw error
        }
    }

    /// The launch job's steps as spans under the launch's: context, app code, `onLaunch`.
    func recordSteps(of outcome: LaunchJob.Outcome, under span: (any Span)?) {
        guard let span else { return }
        tracing.record(TraceSpan.launchContext, parent: span, since: outcome.began, until: outcome.contextReady, attributes: [:])
        tracing.record(TraceSpan.launchCode, parent: span, since: outcome.contextReady, until: outcome.codeRan, attributes: [:])
        tracing.record(
            TraceSpan.launchOnLaunch, parent: span, since: outcome.codeRan, attributes: [TraceAttribute.hookName: "onLaunch"],
            error: outcome.onLaunchFailure.map { "\($0)" })
    }

    /// The app's context configuration: its modules, limits, console and diagnostics.
    func contextConfiguration(
        _ loaded: LoadedApp, _ descriptor: AppDescriptor, _ assembled: AssembledApp
    ) -> ScriptContext.Configuration {
        let appId = descriptor.appId.rawValue
        let onEvent = configuration.onEvent
        let relay = assembled.relay
        var contextConfiguration = ScriptContext.Configuration(
            name: appId,
            metadata: ["appId": appId, "version": descriptor.version.description, "instanceID": "\(descriptor.instanceID)"],
            executionTimeLimit: configuration.executionTimeLimit,
            callTimeout: configuration.callTimeout,
            modules: loaded.modules,
            logger: assembled.logger,
            onConsole: { message in onEvent?(.console(descriptor, message)) },
            onDiagnostic: { diagnostic in relay.deliver(diagnostic) })
        contextConfiguration.consoleLimit = configuration.consoleLimit
        if tracing.isOn {
            let tracing = self.tracing
            contextConfiguration.onLongTimer = { origin, began, duration in
                var attributes = ContainerTracing.attributes(of: descriptor)
                attributes[TraceAttribute.timerOrigin] = origin
                tracing.record(
                    TraceSpan.longTimer, since: WallInstant(nanosecondsSinceEpoch: began),
                    until: WallInstant(
                        nanosecondsSinceEpoch: began &+ UInt64(duration.components.seconds) * 1_000_000_000
                            &+ UInt64(duration.components.attoseconds / 1_000_000_000)), attributes: attributes)
            }
        }
        contextConfiguration.preludes = AppScriptRunner.preludes(for: loaded.kind)
        // The storage generations, for the mini-program framework's copies of stored values.
        if let storage = assembled.plugins.lazy.compactMap({ $0 as? StoragePlugin }).first, let region = storage.sharedRegion {
            contextConfiguration.sharedRegions[StoragePlugin.generationsRegion] = region
        }
        return contextConfiguration
    }

    /// The instance around its context: failure accounting (the fuse), the package lease, and
    /// diagnostics delivery (the ones the launch job held are delivered now).
    func makeApp(_ loaded: LoadedApp, _ assembled: AssembledApp, context: ScriptContext) -> MicroApp {
        let appId = assembled.handle.descriptor.appId.rawValue
        let onEvent = configuration.onEvent
        let fuse = self.fuse
        let app = MicroApp(
            handle: assembled.handle, context: context, runtime: (supervisor, assembled.runtimeIndex),
            miniProgram: loaded.miniProgramConfig, files: loaded.modules, plugins: assembled.plugins,
            hookTimeout: configuration.hookTimeout,
            logger: assembled.logger, lease: loaded.lease, tracing: tracing,
            emit: { [tracing] event in
                tracing.mark(event)
                onEvent?(event)
            },
            recordFailure: { reason in
                if fuse.recordFailure(appId, reason: reason) {
                    onEvent?(.fuseOpened(appId: appId, failures: fuse.threshold, reason: reason))
                }
            })
        // Weak: the context's configuration holds the relay, and the app holds the context.
        let background = self.background
        assembled.relay.attach { [weak app] diagnostic in
            guard let app else { return }
            app.diagnosticsInFlight.begin()
            background.spawn {
                await app.scriptProblem(diagnostic)
                app.diagnosticsInFlight.end()
            }
        }
        return app
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

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Tracing

/// Runs micro-apps: loads them from the package store (or a package file, a folder in
/// developer mode, or their online copy), gives each its own JavaScript context, dispatches
/// their lifecycle to their `App({...})` and to plugins, and serves their JSAPI calls.
///
/// ```swift
/// var configuration = ContainerConfiguration(storeDirectory: storeURL, trustedKeys: keys)
/// try configuration.plugins.register(MyPlugin())
/// let container = try await MicroAppContainer(configuration: configuration)
/// let app = try await container.launch(.installed("demo"), options: .init(query: ["from": "host"]))
/// try await container.stop(app.instanceID)
/// await container.shutdown()
/// ```
public actor MicroAppContainer: ContainerServices {
    public nonisolated let configuration: ContainerConfiguration
    /// The package store.
    public nonisolated let store: PackageStore
    /// Resolves app resources (offline first, online fallback).
    public nonisolated let resolver: ResourceResolver
    let plugins: PluginTable
    let runtimes: [JSRuntime]
    /// Quarantines JavaScript threads stuck in one job.
    let supervisor: RuntimeSupervisor
    let loader: AppLoader
    /// The launch fuse: an app failing `fuseThreshold` times within `fuseWindow` is refused
    /// (or served online) for `fuseCoolDown` (Nebula's circuit breaking of broken apps).
    let fuse: CircuitBreaker
    /// Token buckets of the flood-prone APIs, shared by every instance of an app.
    let apiRateLimiter: APIRateLimiter
    var apps: [UInt64: MicroApp] = [:]
    /// Instances running a version on probation.
    var probations: [UInt64: (appId: AppID, version: PackageVersion)] = [:]
    var nextInstanceID: UInt64 = 1
    var isShutDown = false
    let updater: UpdateClient?
    /// Background work the container owns and awaits at shutdown.
    nonisolated let background = BackgroundTasks()
    var updateInFlight: Task<[UpdateReceipt], any Error>?
    let logger: Logger
    /// Spans of launches, hooks, calls and decisions (off unless a tracer is configured or bootstrapped).
    nonisolated let tracing: ContainerTracing

    /// Opens the store (installing presets), freezes the plugins and starts the JavaScript threads.
    public init(configuration: ContainerConfiguration) async throws {
        self.configuration = configuration
        self.logger = configuration.logger
        let tracing = ContainerTracing(configuration.tracer)
        self.tracing = tracing
        let store = try PackageStore(
            configuration: .init(
                root: configuration.storeDirectory, trustedKeys: configuration.trustedKeys,
                allowsUnsigned: configuration.developerMode, logger: configuration.logger))
        if let presets = configuration.presetsDirectory { _ = try? await store.perform { $0.installPresets(from: presets) } }
        let cache = try HTTPResourceCache(
            directory: configuration.cacheDirectory ?? configuration.storeDirectory.appendingPathComponent("http-cache"))
        // The online fallback follows redirects only within the origin of the URL asked for
        // (its files are hash-checked anyway when a manifest names them).
        let fetcher = CachingFetcher(fetcher: HTTPFetcher(configuration: .init(redirects: .sameOrigin)), cache: cache)
        self.store = store
        self.resolver = ResourceResolver(
            store: store, fetcher: fetcher, onlineApps: configuration.onlineApps, logger: configuration.logger)
        var registry = configuration.plugins
        try registry.register(MiniProgramPlugin(options: configuration.miniProgram, tracing: tracing))
        self.plugins = try registry.freeze()
        self.runtimes = (0..<max(1, configuration.runtimeThreads)).map {
            JSRuntime(
                configuration: .init(
                    name: "hybrid-js-\($0)", warmContexts: configuration.warmContextsPerThread,
                    warmPreludes: [AppScriptRunner.preludes(for: .script)]))
        }
        let executionLimit = configuration.executionTimeLimit
        self.supervisor = RuntimeSupervisor(
            runtimes: runtimes, stallLimit: configuration.runtimeStallLimit ?? max(executionLimit * 3, .seconds(1)))
        self.loader = AppLoader(
            store: store, resolver: resolver, fetcher: fetcher, trustedKeys: configuration.trustedKeys,
            developerMode: configuration.developerMode)
        self.apiRateLimiter = APIRateLimiter(configuration.apiRateLimits, time: configuration.timeSource)
        self.fuse = CircuitBreaker(
            threshold: max(1, configuration.fuseThreshold), window: configuration.fuseWindow,
            coolDown: configuration.fuseCoolDown, time: configuration.timeSource)
        self.updater = try configuration.updateChannel.map { _ in
            try UpdateClient(
                store: store, device: configuration.device,
                downloadDirectory: configuration.storeDirectory.appendingPathComponent("downloads"), logger: configuration.logger)
        }
        let background = self.background
        supervisor.start { [weak self] index, busy in
            let container = self
            background.spawn { await container?.runtimeStalled(index, busyFor: busy) }
        }
        if case .periodic(let interval) = configuration.updatePolicy, updater != nil {
            background.spawn { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let self, !Task.isCancelled else { return }
                    _ = try? await self.checkForUpdates()
                }
            }
        }
    }

    nonisolated func emit(_ event: ContainerEvent) {
        tracing.mark(event)
        configuration.onEvent?(event)
    }

    // MARK: Launching

    /// Launches an app (and starts it unless `start` is false).
    ///
    /// For an installed app, a pending update is activated first. A newly activated version
    /// is on probation: if its launch fails (load, script error, `onLaunch` throwing or not
    /// settling) the store rolls back to the previous version, the reason is recorded and
    /// reported (`ContainerEvent.rolledBack`), and the previous version is launched instead.
    /// If it runs `probationPeriod` without failing it is confirmed.
    /// - Throws: `ContainerError` with the reason: load failure, script error, veto, fuse.
    @discardableResult
    public func launch(
        _ source: LaunchSource, options: LaunchOptions = LaunchOptions(), start: Bool = true
    )
        async throws -> AppDescriptor
    {
        guard case .installed(let name) = source, let appId = AppID(rawValue: name) else {
            return try await launchOnce(source, options: options, start: start).descriptor
        }
        // Installed apps reach their JavaScript thread within the watch (others fetch or verify first).
        if !isShutDown { announceLaunch() }
        // One trip to the store: a pending update is activated, the launch begins, the version
        // is leased and the entry file read.
        let begun = await loader.beginInstalledLaunch(appId)
        var ticket = begun.ticket
        var prepared = begun.leased
        if configuration.updatePolicy == .onLaunch, updater != nil {
            background.spawn { _ = try? await self.checkForUpdates() }
        }
        if let current = ticket, current.onProbation, current.unconfirmedLaunches > configuration.maximumUnconfirmedLaunches {
            await rollBack(
                appId, from: current.version,
                reason: "\(current.unconfirmedLaunches - 1) launches of \(current.version) never completed (killed or hung)")
            ticket = try? await store.perform { try $0.beginLaunch(appId) }
            prepared = nil
        }
        let outcome: (descriptor: AppDescriptor, launchFailure: AppFailure?)
        do {
            outcome = try await launchOnce(source, options: options, start: start, prepared: prepared)
        } catch {
            guard let ticket, ticket.onProbation, Self.isVersionFault(error) else { throw error }
            await rollBack(appId, from: ticket.version, reason: "launch failed: \(error)")
            return try await launchOnce(source, options: options, start: start).descriptor
        }
        guard let ticket else { return outcome.descriptor }
        guard ticket.onProbation else {
            // A version confirmed before has nothing to record (no trip to the store).
            if !ticket.confirmed {
                let version = ticket.version
                _ = try? await store.perform { try $0.confirmLaunch(appId, version: version) }
            }
            return outcome.descriptor
        }
        if let failure = outcome.launchFailure {
            try? await destroy(outcome.descriptor.instanceID)
            await rollBack(appId, from: ticket.version, reason: "onLaunch failed: \(failure.message)")
            return try await launchOnce(source, options: options, start: start).descriptor
        }
        await beginProbation(appId, version: ticket.version, instanceID: outcome.descriptor.instanceID)
        return outcome.descriptor
    }

    /// One launch attempt, in named steps: load (after the fuse's decision), describe, pick a
    /// healthy JavaScript thread, assemble the instance's parts, then plugins' setUp and
    /// intercepts, one job on the JavaScript thread (context, code, `onLaunch`), and report.
    ///
    /// `prepared`: an installed app's version, lease and entry read in the trip to the store that
    /// began the launch (used unless the fuse sends the launch online).
    func launchOnce(
        _ source: LaunchSource, options: LaunchOptions, start: Bool, prepared: AppLoader.LeasedEntry? = nil
    )
        async throws -> (descriptor: AppDescriptor, launchFailure: AppFailure?)
    {
        guard !isShutDown else { throw ContainerError.shutDown }
        let began = ContinuousClock.now
        let span = tracing.start(TraceSpan.launch)
        do {
            let loadStart = WallInstant.now
            let loaded = try await loadForLaunch(source, prepared: prepared)
            tracing.record(
                TraceSpan.launchLoad, parent: span, since: loadStart,
                attributes: [TraceAttribute.appSource: .string(loaded.source.rawValue)])
            let descriptor = nextDescriptor(for: loaded)
            let runtimeIndex = try healthyRuntime(for: descriptor)
            span?.attributes.merge(ContainerTracing.attributes(of: descriptor, thread: runtimes[runtimeIndex].configuration.name))
            span?.attributes[TraceAttribute.appSource] = loaded.source.rawValue
            var logger = self.logger
            logger[metadataKey: "app"] = "\(descriptor.appId)#\(descriptor.instanceID)"
            let assembled = assemble(descriptor, on: runtimeIndex, logger: logger)
            let launchFailure = try await runAndLaunch(loaded, assembled, options: options, start: start, span: span)
            reportLaunched(loaded, descriptor, began: began)
            if let launchFailure { span?.fail(type: "onLaunch", message: launchFailure.message) }
            span?.end(at: WallInstant.now)
            return (descriptor, launchFailure)
        } catch {
            span?.fail(type: (error as? ContainerError)?.code.rawValue ?? String(describing: type(of: error)), message: "\(error)")
            span?.end(at: WallInstant.now)
            throw error
        }
    }

    /// A JavaScript thread is stuck: tell the host which apps were on it.
    func runtimeStalled(_ index: Int, busyFor: Duration) {
        let lost = apps.values.filter { $0.runtime.index == index }.map(\.handle.descriptor)
        let seconds = Double(busyFor.components.seconds) + Double(busyFor.components.attoseconds) / 1e18
        logger.critical("JavaScript thread \(runtimes[index].configuration.name) stuck for \(busyFor); quarantined")
        emit(
            .runtimeStalled(
                thread: runtimes[index].configuration.name, apps: lost.map { "\($0.appId)#\($0.instanceID)" }, seconds: seconds))
        for app in lost { _ = fuse.recordFailure(app.appId.rawValue, reason: "its JavaScript thread stalled") }
    }

    // MARK: Lifecycle

    func app(_ instanceID: UInt64) throws -> MicroApp {
        guard let app = apps[instanceID] else { throw ContainerError.noSuchInstance(instanceID) }
        return app
    }

    /// `onStart` (stopped or launched → started).
    public func start(_ instanceID: UInt64) async throws { try await app(instanceID).start() }

    /// `onStop` (started → stopped).
    public func stop(_ instanceID: UInt64) async throws { try await app(instanceID).stop() }

    /// `onDestroy`, then the instance's context is released.
    public func destroy(_ instanceID: UInt64) async throws {
        let app = try app(instanceID)
        if let probation = probations[instanceID] {
            await endProbation(probation.appId, version: probation.version, instanceID: instanceID)
        }
        apps[instanceID] = nil
        defer { configuration.miniProgram.layoutEngine?.detach(instanceID: instanceID) }
        try await app.destroy()
    }

    /// The lifecycle state of an instance (`nil` once destroyed).
    public func state(of instanceID: UInt64) async -> AppState? {
        await apps[instanceID]?.state
    }

    /// The running instances.
    public func runningApps() async -> [AppDescriptor] {
        apps.values.map(\.handle.descriptor).sorted { $0.instanceID < $1.instanceID }
    }

    /// The JavaScript context of an instance (for hosts' tooling and tests).
    public func context(of instanceID: UInt64) throws -> ScriptContext {
        try app(instanceID).context
    }

    /// Delivers an event to one instance's `JSBridge.on` listeners.
    public func send(event: String, payload: JSONValue = .null, to instanceID: UInt64) async throws {
        try app(instanceID).context.events.emit(event, payload)
    }

    /// Fills every thread's warm-context pool now (``ContainerConfiguration/warmContextsPerThread``)
    /// rather than in idle turns: before a burst of launches.
    public func prewarm() async {
        for runtime in runtimes { await runtime.prewarm() }
    }

    /// Destroys every app and stops the JavaScript threads.
    public func shutdown() async {
        guard !isShutDown else { return }
        isShutDown = true
        for id in apps.keys.sorted() { try? await destroy(id) }
        // Probation timers, update checks and stall reports: cancelled and awaited (a task stuck
        // on a stalled JavaScript thread is abandoned at the deadline).
        let abandoned = await background.shutDown(within: configuration.hookTimeout)
        if abandoned > 0 { logger.warning("shutdown abandoned \(abandoned) background task(s) stuck past \(configuration.hookTimeout)") }
        let stuck = await supervisor.stop(within: configuration.hookTimeout)
        if stuck > 0 { logger.warning("shutdown abandoned \(stuck) call(s) queued behind a stalled JavaScript thread") }
        for (index, runtime) in runtimes.enumerated() where !supervisor.isStalled(index) {
            await runtime.shutdown()
        }
    }
}

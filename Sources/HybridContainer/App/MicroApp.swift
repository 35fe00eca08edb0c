// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Logging

/// One running micro-app instance: its JavaScript context, plugin instances and lifecycle.
actor MicroApp {
    let handle: AppHandle
    var descriptor: AppDescriptor { handle.descriptor }
    let context: ScriptContext
    /// The supervisor of the app's JavaScript thread and the thread's index: every call into
    /// the context fails instead of hanging if the thread stalls.
    let runtime: (supervisor: RuntimeSupervisor, index: Int)
    /// The `app.json` facts of a mini-program; `nil` for a script app.
    let miniProgram: MiniProgramConfig?
    /// The app's files as its scripts read them (integrity-checked for packages).
    let files: (any ModuleSourceProvider)?
    let plugins: [any Plugin]
    let hookTimeout: Duration
    let logger: Logger
    let emit: @Sendable (ContainerEvent) -> Void
    /// Spans of the instance's hooks (off unless the container traces).
    let tracing: ContainerTracing
    let recordFailure: @Sendable (String) -> Void
    /// Keeps the app's installed version on disk while the instance runs.
    let lease: PackageLease?
    /// Diagnostics raised by the script and not yet handled by `scriptProblem`.
    nonisolated let diagnosticsInFlight = InFlightCounter()
    private(set) var state: AppState = .created
    /// Failures since launch, for the probation of a new version.
    private(set) var failures: [AppFailure] = []

    init(
        handle: AppHandle, context: ScriptContext, runtime: (supervisor: RuntimeSupervisor, index: Int),
        miniProgram: MiniProgramConfig?, files: (any ModuleSourceProvider)?, plugins: [any Plugin], hookTimeout: Duration,
        logger: Logger,
        lease: PackageLease?, tracing: ContainerTracing = .off, emit: @escaping @Sendable (ContainerEvent) -> Void,
        recordFailure: @escaping @Sendable (String) -> Void
    ) {
        self.lease = lease
        self.tracing = tracing
        self.handle = handle
        self.context = context
        self.runtime = runtime
        self.miniProgram = miniProgram
        self.files = files
        self.plugins = plugins
        self.hookTimeout = hookTimeout
        self.logger = logger
        self.emit = emit
        self.recordFailure = recordFailure
    }

    private func require(_ transition: LifecycleTransition) throws -> AppState {
        guard let next = state.next(on: transition) else {
            throw ContainerError.invalidTransition(instanceID: descriptor.instanceID, from: state, event: transition.rawValue)
        }
        return next
    }

    /// Plugins intercept a launch (by priority) before any of the app's code runs: one may
    /// veto it (`ContainerError.launchVetoed`, reported as `ContainerEvent.launchVetoed`) or
    /// rewrite its options. A plugin whose `intercept` throws vetoes.
    static func interceptLaunch(
        _ options: LaunchOptions, plugins: [any Plugin], app handle: AppHandle,
        emit: @Sendable (ContainerEvent) -> Void
    ) async throws -> LaunchOptions {
        var options = options
        let appId = handle.descriptor.appId.rawValue
        for plugin in plugins {
            let decision: InterceptDecision
            do {
                decision = try await plugin.intercept(.launch(options), app: handle)
            } catch {
                decision = .veto(reason: "\(error)")
            }
            switch decision {
            case .proceed: break
            case .veto(let reason):
                emit(.launchVetoed(appId: appId, plugin: plugin.name, reason: reason))
                throw ContainerError.launchVetoed(appId: appId, plugin: plugin.name, reason: reason)
            case .rewrite(let rewritten): options = rewritten
            }
        }
        return options
    }

    /// What `onLaunch` is called with: the query, the app's identity and the options' extras.
    static func onLaunchArgument(_ options: LaunchOptions, descriptor: AppDescriptor) -> JSONValue {
        var argument: JSONObject = [
            "query": .object(JSONObject(sorting: options.query.mapValues(JSONValue.string))),
            "appId": .string(descriptor.appId.rawValue),
            "version": .string(descriptor.version.description),
            "source": .string(descriptor.source == .developer ? "offline" : descriptor.source.rawValue),
        ]
        for (key, value) in options.extra.sorted(by: { $0.key < $1.key }) where argument[key] == nil { argument[key] = value }
        return .object(argument)
    }

    /// The launch job ran the app's code and `onLaunch` (see `LaunchJob`): the instance is
    /// launched, a failed `onLaunch` goes to `onError` and plugins, plugins observe the launch.
    /// Returns the failure of `onLaunch`, if it threw, rejected or timed out.
    @discardableResult
    func launched(_ options: LaunchOptions, onLaunchFailure: (any Error)?) async throws -> AppFailure? {
        state = try require(.launch)
        let failure = onLaunchFailure.map { Self.failure(from: $0, origin: "onLaunch") }
        if let failure {
            await report(failure)
            recordFailure("onLaunch failed")
        }
        for plugin in plugins { await plugin.observe(.launch(options), app: handle) }
        emit(.lifecycle(descriptor, event: LifecycleTransition.launch.rawValue, state: state))
        return failure
    }

    func start() async throws { try await simpleTransition(.start, .start) }
    func stop() async throws { try await simpleTransition(.stop, .stop) }

    private func simpleTransition(_ transition: LifecycleTransition, _ event: LifecycleEvent) async throws {
        let next = try require(transition)
        for plugin in plugins { _ = try? await plugin.intercept(event, app: handle) }
        state = next
        _ = await callHook(event.hookName, .null)
        for plugin in plugins { await plugin.observe(event, app: handle) }
        emit(.lifecycle(descriptor, event: transition.rawValue, state: state))
    }

    /// `onDestroy`, plugin teardown, then the context is released. Allowed from any live state.
    func destroy() async throws {
        let next = try require(.destroy)
        if state != .created {
            for plugin in plugins { _ = try? await plugin.intercept(.destroy, app: handle) }
            _ = await callHook("onDestroy", .null)
            // Errors raised while unloading (e.g. in onUnload) reach onError and the host first.
            _ = await diagnosticsInFlight.drained(timeout: hookTimeout)
            for plugin in plugins { await plugin.observe(.destroy, app: handle) }
        }
        state = next
        for plugin in plugins { await plugin.tearDown(handle) }
        let context = self.context
        try? await runtime.supervisor.guarded(runtime.index, appId: descriptor.appId.rawValue) { await context.release() }
        emit(.destroyed(descriptor))
    }

    /// Calls a hook, awaiting a returned promise; a failure goes to `onError` and plugins.
    /// Returns true if the hook failed.
    private func callHook(_ name: String, _ argument: JSONValue) async -> Bool {
        let start = tracing.isOn ? WallInstant.now : nil
        let failed = await callHookUntraced(name, argument)
        if let start {
            var attributes = ContainerTracing.attributes(of: descriptor)
            attributes[TraceAttribute.hookName] = name
            tracing.record(TraceSpan.hook(name), since: start, attributes: attributes, error: failed ? "\(name) failed" : nil)
        }
        return failed
    }

    private func callHookUntraced(_ name: String, _ argument: JSONValue) async -> Bool {
        do {
            let context = self.context
            let timeout = hookTimeout
            try await runtime.supervisor.guarded(runtime.index, appId: descriptor.appId.rawValue) {
                try await context.callAwaitingSettlement(HostNames.invokeHook, [.string(name), argument], timeout: timeout)
            }
            return false
        } catch {
            await report(Self.failure(from: error, origin: name))
            return true
        }
    }

    /// Delivers a failure to the app's `onError` (unless it came from there) and to plugins.
    func report(_ failure: AppFailure) async {
        failures.append(failure)
        emit(.hookFailed(descriptor, failure))
        logger.error("\(descriptor.appId)#\(descriptor.instanceID) \(failure)")
        guard state != .destroyed else { return }
        // A failing onError is reported to plugins but not to onError again (no loops).
        if failure.origin != "onError" {
            let payload: JSONValue = [
                "origin": .string(failure.origin), "message": .string(failure.message),
                "stack": failure.stack.map(JSONValue.string) ?? .null,
            ]
            _ = await callHook("onError", payload)
        }
        for plugin in plugins { await plugin.observe(.error(failure), app: handle) }
    }

    /// A problem the script caused outside a hook (timer, listener, rejection, watchdog).
    func scriptProblem(_ diagnostic: ScriptDiagnostic) async {
        emit(.scriptProblem(descriptor, diagnostic))
        switch diagnostic {
        case .uncaughtException(let exception, let origin):
            await report(
                AppFailure(
                    origin: origin, message: "\(exception.name): \(exception.message)", stack: exception.stack,
                    location: Self.location(exception)))
        case .unhandledRejection(let exception):
            await report(
                AppFailure(
                    origin: "unhandled rejection", message: "\(exception.name): \(exception.message)", stack: exception.stack,
                    location: Self.location(exception)))
        case .executionTimeLimitExceeded(let origin, let limit):
            recordFailure("watchdog stopped \(origin)")
            await report(AppFailure(origin: origin, message: "stopped by the watchdog after \(limit)"))
        }
    }

    /// `file:line` of an exception, if the engine recorded it.
    static func location(_ exception: JSException) -> String? {
        guard let file = exception.sourceURL else { return nil }
        return exception.line.map { "\(file):\($0)" } ?? file
    }

    static func failure(from error: any Error, origin: String) -> AppFailure {
        switch error {
        case ScriptError.exception(let exception):
            return AppFailure(
                origin: origin, message: "\(exception.name): \(exception.message)", stack: exception.stack,
                location: location(exception))
        case ScriptError.timedOut(_, let after):
            return AppFailure(origin: origin, message: "the promise returned by \(origin) did not settle within \(after)")
        case ScriptError.executionTimeLimitExceeded(let limit):
            return AppFailure(origin: origin, message: "stopped by the watchdog after \(limit)")
        default:
            return AppFailure(origin: origin, message: "\(error)")
        }
    }
}

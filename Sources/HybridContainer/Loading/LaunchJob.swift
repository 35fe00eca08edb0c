// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The part of a launch that runs on the app's JavaScript thread, as one job: a context is
/// adopted (a warm one from the pool when there is one), the app's code runs, and `onLaunch`
/// is called and awaited.
///
/// One job instead of three (make the context, run the code, call the hook) saves four
/// switches between the container's actor and the JavaScript thread per launch, which were
/// most of a warm launch's cost (BENCHMARKS.md, row 4).
struct LaunchJob: Sendable {
    /// What the job hands back: the app's context and how `onLaunch` went.
    struct Outcome: Sendable {
        let context: ScriptContext
        /// `onLaunch`'s failure (it threw, rejected, did not settle in time), if it failed.
        let onLaunchFailure: (any Error)?
        /// When the job began, the context was ready and the app's code had run (the launch's
        /// trace steps; `onLaunch` ran from `codeRan` until the job returned).
        let began: WallInstant
        let contextReady: WallInstant
        let codeRan: WallInstant
    }

    let loaded: LoadedApp
    let contextConfiguration: ScriptContext.Configuration
    /// The app's handle's sink: attached to the context as soon as it exists.
    let events: LateEventSink
    let bridge: AppBridge
    let miniProgram: MiniProgramOptions
    /// `onLaunch`'s argument (the launch options after the plugins' intercepts).
    let onLaunchArgument: JSONValue
    let hookTimeout: Duration

    /// Runs the job; call it on `runtime`'s thread (a task started on its `taskExecutor`, e.g.
    /// through the supervisor's `guarded`: the context is taken without a hop there and back).
    /// A failure of the app's code releases the context and throws (`scriptFailed`,
    /// `scriptTimedOut`, `loadFailed`); a failure of `onLaunch` is returned, not thrown.
    func run(on runtime: JSRuntime) async throws -> Outcome {
        let began = WallInstant.now
        let context: ScriptContext
        do {
            context = try runtime.makeContextOnThread(contextConfiguration)
        } catch ScriptError.exception(let exception) {
            // A prelude failed (a broken installation: its resource file is missing).
            throw ContainerError.scriptFailed(appId: loaded.manifest.appId.rawValue, exception: exception)
        }
        events.attach(context.events)
        return try await runCode(in: context, began: began, contextReady: .now)
    }

    /// The app's code, then `onLaunch` awaited: isolated to the context, so the steps follow
    /// each other on its thread without a hop between them.
    private func runCode(
        in context: isolated ScriptContext, began: WallInstant, contextReady: WallInstant
    ) async throws -> Outcome {
        do {
            try AppScriptRunner.run(loaded, in: context, bridge: bridge, miniProgram: miniProgram)
        } catch {
            context.release()
            throw error
        }
        let codeRan = WallInstant.now
        do {
            try await context.callAwaitingSettlement(
                HostNames.invokeHook, [.string("onLaunch"), onLaunchArgument], timeout: hookTimeout)
            return Outcome(context: context, onLaunchFailure: nil, began: began, contextReady: contextReady, codeRan: codeRan)
        } catch {
            return Outcome(context: context, onLaunchFailure: error, began: began, contextReady: contextReady, codeRan: codeRan)
        }
    }
}

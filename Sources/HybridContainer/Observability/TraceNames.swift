// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The names of the spans the container records (OBSERVABILITY.md has the table).
public enum TraceSpan {
    /// A launch, from the store to `onLaunch` settled (children: the steps below).
    public static let launch = "hybrid.launch"
    /// Launch step: the fuse's decision, the store, the app's files verified and read.
    public static let launchLoad = "hybrid.launch.load"
    /// Launch step: plugins' `setUp` and launch intercepts.
    public static let launchPlugins = "hybrid.launch.plugins"
    /// Launch step: the app's JavaScript context adopted from the warm pool or made.
    public static let launchContext = "hybrid.launch.context"
    /// Launch step: the app's code evaluated.
    public static let launchCode = "hybrid.launch.code"
    /// Launch step: `onLaunch` called and its promise awaited.
    public static let launchOnLaunch = "hybrid.launch.onLaunch"
    /// A lifecycle hook: `hybrid.hook.onShow` …
    public static func hook(_ name: String) -> String { "hybrid.hook.\(name)" }
    /// A JSAPI call: `hybrid.jsapi getStorage` …
    public static func jsapi(_ name: String) -> String { "hybrid.jsapi \(name)" }
    /// A page's `setData` reaching the render layer.
    public static let setData = "hybrid.setData"
    /// A page's rendered tree changing (the nodes setData re-rendered).
    public static let render = "hybrid.render"
    /// A page loaded (a navigation of the app's or the host's).
    public static let navigation = "hybrid.navigate"
    /// A picture of a page.
    public static let picture = "hybrid.picture"
    /// A timer callback (`setTimeout`/`setInterval`) that ran 50 ms or longer.
    public static let longTimer = "hybrid.timer.long"
    /// Mark: an app served from its online copy instead of offline.
    public static let fallback = "hybrid.fallback"
    /// Mark: a version rolled back.
    public static let rollback = "hybrid.rollback"
    /// Mark: an app's fuse opened after repeated failures.
    public static let fuseOpened = "hybrid.fuse.open"
    /// Mark: a plugin vetoed a launch.
    public static let launchVetoed = "hybrid.launch.vetoed"
    /// Mark: a launch failed.
    public static let launchFailed = "hybrid.launch.failed"
    /// Mark: a JavaScript thread was quarantined.
    public static let runtimeStalled = "hybrid.runtime.stalled"
    /// Mark: an uncaught error, unhandled rejection or watchdog stop outside a hook.
    public static let scriptProblem = "hybrid.script.problem"
}

/// The attribute keys of the container's spans. OpenTelemetry's semantic conventions where one
/// fits (`rpc.*`, `error.type`, `thread.name`), the rest under `hybrid.`.
public enum TraceAttribute {
    /// The app's ID.
    public static let appId = "hybrid.app.id"
    /// The instance number (unique in the container).
    public static let appInstance = "hybrid.app.instance"
    /// The app's version.
    public static let appVersion = "hybrid.app.version"
    /// `offline`, `online` or `developer`.
    public static let appSource = "hybrid.app.source"
    /// The JavaScript thread (OpenTelemetry's `thread.name`).
    public static let thread = "thread.name"
    /// JSAPI calls: OpenTelemetry's RPC conventions (`rpc.system` is `hybrid.jsbridge`).
    public static let rpcSystem = "rpc.system"
    /// The JSAPI's name.
    public static let rpcMethod = "rpc.method"
    /// A JSAPI call's result: 0 on success, else the error code apps see (DESIGN.md §3).
    public static let jsapiCode = "hybrid.jsapi.code"
    /// About the JSON size of the call's parameters (never their values).
    public static let jsapiBytesIn = "hybrid.jsapi.bytes_in"
    /// About the JSON size of the call's result.
    public static let jsapiBytesOut = "hybrid.jsapi.bytes_out"
    /// `sync` or `async`.
    public static let jsapiKind = "hybrid.jsapi.kind"
    /// Which timer a long-timer span is (`setTimeout callback`, `setInterval callback`).
    public static let timerOrigin = "hybrid.timer.origin"
    /// A lifecycle hook's name (`onLaunch`, `onShow` …).
    public static let hookName = "hybrid.hook.name"
    /// A page's route (`pages/index/index`).
    public static let pageRoute = "hybrid.page.route"
    /// A page instance's ID within its app instance.
    public static let pageId = "hybrid.page.id"
    /// The data paths one setData changed.
    public static let setDataPaths = "hybrid.setData.paths"
    /// About the JSON size of what one setData changed.
    public static let setDataBytes = "hybrid.setData.bytes"
    /// Tree patches a render made (the nodes re-rendered).
    public static let renderPatches = "hybrid.render.patches"
    /// Why a fallback, a rollback, a fuse, a veto, a failure happened.
    public static let reason = "hybrid.reason"
    /// A rollback's version before.
    public static let fromVersion = "hybrid.version.from"
    /// A rollback's version after.
    public static let toVersion = "hybrid.version.to"
    /// The failures that opened a fuse.
    public static let failures = "hybrid.fuse.failures"
    /// OpenTelemetry's `error.type`: the kind of failure (a code, an error's type).
    public static let errorType = "error.type"
}

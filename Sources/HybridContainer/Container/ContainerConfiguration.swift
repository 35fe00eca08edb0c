// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Logging
import Tracing

/// How a container is set up. Only `storeDirectory` and `trustedKeys` are required.
public struct ContainerConfiguration: Sendable {
    /// Where installed packages live.
    public var storeDirectory: URL
    /// Where fetched online resources are cached (default: `storeDirectory/http-cache`).
    public var cacheDirectory: URL?
    /// Keys whose package signatures are accepted.
    public var trustedKeys: TrustedKeys
    /// The plugins; build with `PluginRegistry` (`BuiltInPlugins.register(into:storageDatabase:deviceID:)` adds the built-ins).
    public var plugins: PluginRegistry
    /// Host rules over app permissions.
    public var permissions: PermissionPolicy
    /// Per-app token buckets of the APIs that fan out or cost the host (broadcasts, storage
    /// writes, `openApp`, `reportEvent`); a flood gets code 1002. Default `APIRateLimits.defaults`.
    public var apiRateLimits: APIRateLimits
    /// `console.*` lines each app may write (a flood is dropped and counted); nil: unlimited.
    public var consoleLimit: ConsoleLimit?
    /// Accept unsigned packages and plain folders.
    public var developerMode: Bool
    /// Longest single run of an app's script before the watchdog stops it.
    public var executionTimeLimit: Duration
    /// How long one job may keep a JavaScript thread busy before the thread is quarantined
    /// (see `ContainerError.runtimeStalled`); nil means three times `executionTimeLimit`, at
    /// least one second.
    public var runtimeStallLimit: Duration?
    /// How long a lifecycle hook's returned promise may take.
    public var hookTimeout: Duration
    /// How long an async JSAPI may take before rejecting with code 5.
    public var callTimeout: Duration
    /// JavaScript threads; apps are spread over them (each app still has its own context).
    public var runtimeThreads: Int
    /// Warm contexts each JavaScript thread keeps ready (globals and preludes installed, a plain
    /// app's `App()` registration included; nothing of any app): a launch takes one instead of
    /// creating it, and the pool refills when the thread is idle. A thread that launched a
    /// mini-program keeps as many for mini-programs too. 0 disables the pool. A context that ran
    /// an app is never reused.
    public var warmContextsPerThread: Int = 1
    /// How long a launch keeps a core busy to save the two thread hand-offs it needs (to the
    /// app's JavaScript thread and back), each a wake-up of a sleeping thread (10–50 µs on small
    /// virtual machines): the JavaScript thread is woken as the launch begins and watches for the
    /// launch's job up to this long, and the launching task watches for the job's result up to
    /// this long before it sleeps. Both yield the CPU to any other runnable thread while they
    /// watch. A mini-program session's calls (`navigate`, `firePageEvent`, `data` …) watch the
    /// same way. Zero turns both off (a host on a machine whose cores are all busy).
    public var launchSpin: Duration = .microseconds(300)
    /// Failures (failed launches, crashing hooks) within `fuseWindow` that disable an app.
    public var fuseThreshold: Int
    public var fuseWindow: Duration
    /// How long a fused app stays disabled.
    public var fuseCoolDown: Duration
    /// The time the launch fuse and the API rate limits read (a test clock in tests).
    public var timeSource: TimeSource = .continuous
    /// How long a newly activated version must run without failing before it is confirmed;
    /// a failure in that time (or a failed `onLaunch`) rolls it back.
    public var probationPeriod: Duration
    /// Launches of a new version that may begin without completing (process killed, hung)
    /// before it is rolled back — one kill is not the version's fault.
    public var maximumUnconfirmedLaunches: Int
    /// The release channel (`…/releases.json`) updates come from, if any.
    public var updateChannel: URL?
    /// When the container checks `updateChannel` by itself.
    public var updatePolicy: UpdatePolicy
    /// Facts rollout rules look at.
    public var device: DeviceProfile
    /// Apps the host knows online (launchable without a package; fallback for broken ones).
    public var onlineApps: [ResourceResolver.OnlineApp]
    /// Packages shipped with the host, installed at start when missing or newer.
    public var presetsDirectory: URL?
    /// Mini-program API namespaces, render sink and UI delegate.
    public var miniProgram: MiniProgramOptions
    /// Where the container's spans go (launches and their steps, hooks, JSAPI calls, setData,
    /// renders, navigation, fallbacks, rollbacks, fuses; names in ``TraceSpan``). nil: the tracer
    /// the process bootstrapped with `InstrumentationSystem.bootstrap` when the container is made
    /// (none by default: then no span is made and nothing is measured).
    public var tracer: (any Tracer)?
    /// Observes every container decision.
    public var onEvent: (@Sendable (ContainerEvent) -> Void)?
    public var logger: Logger

    /// Creates a configuration with the defaults: no plugins, developer mode off, 5 s
    /// watchdog, 10 s hooks, 30 s calls, 2 JavaScript threads, fuse at 3 failures in 60 s for 60 s.
    public init(storeDirectory: URL, trustedKeys: TrustedKeys) {
        self.storeDirectory = storeDirectory
        self.trustedKeys = trustedKeys
        self.plugins = PluginRegistry()
        self.permissions = PermissionPolicy()
        self.apiRateLimits = .defaults
        self.consoleLimit = .standard
        self.developerMode = false
        self.executionTimeLimit = .seconds(5)
        self.hookTimeout = .seconds(10)
        self.callTimeout = .seconds(30)
        self.runtimeThreads = 2
        self.fuseThreshold = 3
        self.fuseWindow = .seconds(60)
        self.fuseCoolDown = .seconds(60)
        self.onlineApps = []
        self.probationPeriod = .seconds(10)
        self.updatePolicy = .manual
        self.device = DeviceProfile(deviceID: DeviceProfile.localHostName)
        self.maximumUnconfirmedLaunches = 3
        self.miniProgram = MiniProgramOptions()
        self.logger = Logger(label: "hybrid.container")
    }
}

/// When a container checks its update channel.
public enum UpdatePolicy: Sendable, Hashable {
    /// Only when the host calls `checkForUpdates()` (for example on a push notice).
    case manual
    /// In the background each time an installed app launches (installed for the next launch).
    case onLaunch
    /// Every interval, in the background, while the container runs.
    case periodic(Duration)
}

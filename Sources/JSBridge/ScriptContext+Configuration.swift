// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Logging

extension ScriptContext {
    /// How a context is set up. Every field has a sensible default.
    public struct Configuration: Sendable {
        /// A name for logs and diagnostics (for a micro-app, its appId).
        public var name: String
        /// Facts handlers can read from `BridgeCaller.metadata` (e.g. appId, version).
        public var metadata: [String: String]
        /// Resolves `JSBridge.call`/`callSync` names to native methods.
        public var bridge: any BridgeDispatching
        /// The longest one entry into JavaScript may run before the watchdog stops it;
        /// `nil` disables the watchdog for this context.
        public var executionTimeLimit: Duration?
        /// How long an asynchronous bridge call may take before it rejects with code 5.
        public var callTimeout: Duration
        /// Allows `eval()` and `new Function()`.
        public var allowsEval: Bool
        /// Receives `console.*` output (which is also logged with `logger`).
        public var logger: Logger
        /// The files `require()` and ES `import` load (an app's package); `nil`: `require` throws.
        public var modules: (any ModuleSourceProvider)?
        /// Observes every `console.*` call.
        public var onConsole: (@Sendable (ConsoleMessage) -> Void)?
        /// How many console lines the context may write (default ``ConsoleLimit/standard``);
        /// `nil`: no limit.
        public var consoleLimit: ConsoleLimit? = .standard
        /// Observes uncaught exceptions, unhandled rejections and watchdog stops.
        public var onDiagnostic: (@Sendable (ScriptDiagnostic) -> Void)?
        /// Observes timer callbacks (`setTimeout`/`setInterval`) that ran at least
        /// ``longTimerThreshold``: their origin, when they began (nanoseconds since 1970) and how
        /// long they ran. Called on the context's thread right after the callback. nil: not measured.
        public var onLongTimer: (@Sendable (_ origin: String, _ beganNanosecondsSinceEpoch: UInt64, _ duration: Duration) -> Void)?
        /// How long a timer callback runs before ``onLongTimer`` hears of it (default 50 ms, the
        /// web's long-task threshold).
        public var longTimerThreshold: Duration = .milliseconds(50)
        /// Trusted scripts that run in the context before it is handed out, after the runtime's
        /// own globals (e.g. a host's `App()` registration). The runtime's warm pool keeps
        /// contexts per distinct list, so a context taken from it has already run them: they
        /// cost a launch nothing. A prelude that throws fails `makeContext` with its error.
        public var preludes: [ScriptResource] = []
        /// Shared memory the framework channel hands out by name as `ArrayBuffer`s over the same
        /// bytes (`sharedBuffer(name)` during ``ScriptContext/evaluateFramework(_:sourceURL:)``);
        /// app code never receives them.
        public var sharedRegions: [String: SharedMemoryRegion] = [:]

        /// Creates a configuration.
        public init(
            name: String = "script",
            metadata: [String: String] = [:],
            bridge: any BridgeDispatching = BridgeMethodTable.empty,
            executionTimeLimit: Duration? = .seconds(10),
            callTimeout: Duration = .seconds(30),
            allowsEval: Bool = true,
            modules: (any ModuleSourceProvider)? = nil,
            logger: Logger = Logger(label: "hybrid.js"),
            onConsole: (@Sendable (ConsoleMessage) -> Void)? = nil,
            onDiagnostic: (@Sendable (ScriptDiagnostic) -> Void)? = nil
        ) {
            self.name = name
            self.metadata = metadata
            self.bridge = bridge
            self.executionTimeLimit = executionTimeLimit
            self.callTimeout = callTimeout
            self.allowsEval = allowsEval
            self.modules = modules
            self.logger = logger
            self.onConsole = onConsole
            self.onDiagnostic = onDiagnostic
        }
    }
}

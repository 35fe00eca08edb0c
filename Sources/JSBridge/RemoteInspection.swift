// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation
import Synchronization

/// JavaScriptCore's own remote inspector for the process's contexts: WebKit's Web Inspector
/// (WebKitGTK's `MiniBrowser inspector://127.0.0.1:PORT`) or any client speaking its socket
/// protocol lists each app's context as a target named `appId #instance`, evaluates in it, sets
/// breakpoints and pauses it at `debugger;`.
///
/// ```swift
/// try RemoteInspection.start(port: 9229)   // before the container (its JavaScript threads) starts
/// ```
///
/// How it works and why it is set up this way: docs/research/remote-inspector.md. The server and
/// the process's target side run on an inspector thread with its own GLib main loop on
/// 127.0.0.1; every JavaScript thread started afterwards owns a GLib main context that it
/// iterates in its turns (the inspector's work for that thread's contexts), and every context
/// made or adopted afterwards is named and inspectable. Nothing of this exists unless started.
public enum RemoteInspection {
    /// Why the inspector did not start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    private struct State {
        var port: Int
    }

    private static let state = Mutex<State?>(nil)

    /// What the inspector thread reports back to `start`.
    private final class StartOutcome: Sendable {
        let listening = Mutex(false)
    }

    /// Whether the inspector runs (contexts made now are inspectable).
    public static var isActive: Bool { state.withLock { $0 != nil } }

    /// The port it listens on (127.0.0.1), when it runs.
    public static var port: Int? { state.withLock { $0?.port } }

    /// Starts the inspector server on 127.0.0.1:`port` and connects the process's targets to it.
    /// Call it before any ``JSRuntime`` starts: only JavaScript threads started afterwards serve
    /// the inspector. Starting twice is an error.
    /// - Throws: ``StartError`` when the port is taken or out of range.
    public static func start(port: Int) throws {
        guard (1...65_535).contains(port) else { throw StartError(description: "the inspector port must be 1 to 65535, got \(port)") }
        guard state.withLock({ $0 == nil }) else { throw StartError(description: "the inspector already runs") }
        registerBackendCommands()
        let started = DispatchSemaphore(value: 0)
        let outcome = StartOutcome()
        let thread = Thread {
            // Thread-default before anything of WTF runs on this thread: its RunLoop adopts it.
            let context = g_main_context_new()
            g_main_context_push_thread_default(context)
            let listening = HCRemoteInspectorServerStart(Int32(port))
            outcome.listening.withLock { $0 = listening }
            if listening {
                HCRemoteInspectorConnect("127.0.0.1:\(port)")
            }
            started.signal()
            guard listening else { return }
            g_main_loop_run(g_main_loop_new(context, 0))
        }
        thread.name = "hybrid-inspector"
        thread.start()
        started.wait()
        guard outcome.listening.withLock({ $0 }) else {
            throw StartError(description: "the inspector could not listen on 127.0.0.1:\(port) (is the port taken?)")
        }
        state.withLock { $0 = State(port: port) }
    }

    /// The server answers a client's setup with the inspector's backend commands, a resource
    /// WebKitGTK registers and JavaScriptCore alone does not (the server aborts without it): a
    /// placeholder is registered (WebKit's Web Inspector brings its own copy of the commands).
    private static func registerBackendCommands() {
        guard let folder = ScriptResource.resourcesFolder(of: .module),
            let data = try? Data(contentsOf: folder.appendingPathComponent("inspector-backend-commands.gresource"))
        else { return }
        let bytes = data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        if let resource = g_resource_new_from_data(bytes, nil) { g_resources_register(resource) }
        g_bytes_unref(bytes)
    }

    /// What a JavaScript thread does first when the inspector runs: owns a GLib main context,
    /// thread-default before JavaScriptCore touches the thread (nil when the inspector is off).
    static func threadContext() -> OpaquePointer? {
        guard isActive else { return nil }
        let context = g_main_context_new()
        g_main_context_push_thread_default(context)
        return context
    }

    /// Runs the inspector's work waiting on a JavaScript thread's context, without blocking.
    static func drain(_ context: OpaquePointer) {
        var turns = 0
        while g_main_context_iteration(context, 0) != 0, turns < 1_000 { turns += 1 }
    }

    /// Names a context `name` and makes it inspectable (when the inspector runs).
    static func expose(_ context: JSGlobalContextRef, name: String) {
        guard isActive else { return }
        JSStringConversion.with(name) { JSGlobalContextSetName(context, $0) }
        JSGlobalContextSetInspectable(context, true)
    }

    /// Keeps a context of the runtime's own (a warm context in the pool, a thread's anchor) off
    /// the target list: contexts are inspectable by default on this platform.
    static func hide(_ context: JSGlobalContextRef) {
        guard isActive else { return }
        JSGlobalContextSetInspectable(context, false)
    }
}

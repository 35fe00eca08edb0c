// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Everything the container decides or notices, for the host to observe (logs, metrics, UI).
public enum ContainerEvent: Sendable, CustomStringConvertible {
    case launched(AppDescriptor, milliseconds: Double)
    case lifecycle(AppDescriptor, event: String, state: AppState)
    case hookFailed(AppDescriptor, AppFailure)
    case scriptProblem(AppDescriptor, ScriptDiagnostic)
    case launchVetoed(appId: String, plugin: String, reason: String)
    case launchFailed(appId: String, error: String)
    case fuseOpened(appId: String, failures: Int, reason: String)
    case servedOnline(appId: String, reason: String)
    case console(AppDescriptor, ConsoleMessage)
    case destroyed(AppDescriptor)
    case rolledBack(appId: String, from: String, to: String, reason: String)
    case confirmed(appId: String, version: String)
    case updateInstalled(appId: String, version: String, method: String)
    /// A JavaScript thread is stuck in one job; the apps on it are lost, new apps go elsewhere.
    case runtimeStalled(thread: String, apps: [String], seconds: Double)

    public var description: String {
        switch self {
        case .launched(let app, let ms):
            return "\(app.appId)#\(app.instanceID) launched (\(app.source)) in \(String(format: "%.1f", ms)) ms"
        case .lifecycle(let app, let event, let state): return "\(app.appId)#\(app.instanceID) \(event) → \(state)"
        case .hookFailed(let app, let failure): return "\(app.appId)#\(app.instanceID) \(failure)"
        case .scriptProblem(let app, let diagnostic): return "\(app.appId)#\(app.instanceID) \(diagnostic)"
        case .launchVetoed(let appId, let plugin, let reason): return "\(appId) launch vetoed by \(plugin): \(reason)"
        case .launchFailed(let appId, let error): return "\(appId) failed to launch: \(error)"
        case .fuseOpened(let appId, let failures, let reason): return "\(appId) fused after \(failures) failures: \(reason)"
        case .servedOnline(let appId, let reason): return "\(appId) served online: \(reason)"
        case .console(let app, let message): return "[\(app.appId)] \(message.text)"
        case .destroyed(let app): return "\(app.appId)#\(app.instanceID) destroyed"
        case .rolledBack(let appId, let from, let to, let reason): return "\(appId) rolled back \(from) → \(to): \(reason)"
        case .confirmed(let appId, let version): return "\(appId) \(version) confirmed (probation passed)"
        case .updateInstalled(let appId, let version, let method):
            return "\(appId) \(version) downloaded (\(method)); active at next launch"
        case .runtimeStalled(let thread, let apps, let seconds):
            return
                "JavaScript thread \(thread) stuck for \(String(format: "%.1f", seconds)) s; quarantined with \(apps.isEmpty ? "no apps" : apps.joined(separator: ", "))"
        }
    }
}

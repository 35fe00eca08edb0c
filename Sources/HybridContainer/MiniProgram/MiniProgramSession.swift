// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge

/// A page navigation the host asks of a mini-program (the same as the app's own `navigateTo` & co.).
public enum PageNavigation: Sendable, Hashable {
    case navigateTo(String)
    case redirectTo(String)
    case navigateBack(delta: Int)
    case reLaunch(String)
    case switchTab(String)
}

/// A page on the stack.
public struct PageInfo: Sendable, Hashable, Decodable {
    /// Unique per page instance within the app instance.
    public let id: Int
    public let route: String
    public let query: [String: String]

    /// The stack the framework answers (`[{id, route, query}]`), read directly: every host
    /// navigation returns one, and `Decodable` machinery cost more than the rest of the hop.
    static func stack(_ value: JSONValue) throws -> [PageInfo] {
        guard case .array(let entries) = value else { return try JSONValueDecoder().decode([PageInfo].self, from: value) }
        var pages: [PageInfo] = []
        pages.reserveCapacity(entries.count)
        for entry in entries {
            guard case .number(let id)? = entry["id"], let exact = Int(exactly: id), case .string(let route)? = entry["route"],
                case .object(let fields)? = entry["query"]
            else { return try JSONValueDecoder().decode([PageInfo].self, from: value) }
            var query: [String: String] = [:]
            for (key, field) in fields {
                guard case .string(let text) = field else { return try JSONValueDecoder().decode([PageInfo].self, from: value) }
                query[key] = text
            }
            pages.append(PageInfo(id: exact, route: route, query: query))
        }
        return pages
    }
}

/// What a mini-program did so far.
public struct MiniProgramStatistics: Sendable, Hashable, Decodable {
    /// API calls by `namespace.name` (`wx.request`).
    public let apiCalls: [String: Int]
    /// Calls of documented APIs this host does not support (`wx.stopWifi`), by `namespace.name`;
    /// they failed in the platform's shape and are not in ``apiCalls``.
    public let unsupportedCalls: [String: Int]
    /// Routes of the pages loaded, in order.
    public let visited: [String]
}

/// Why the host's request to a mini-program failed.
public enum MiniProgramError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The instance runs a script app, not a mini-program.
    case notAMiniProgram(instanceID: UInt64)
    /// The navigation was refused (unknown page, tab rules, full stack, nothing to go back to).
    case navigationFailed(String)
    /// No node of the page's rendered tree matches the selector (the message says which).
    case noSuchNode(String)
    /// The package has no file at this path.
    case noSuchFile(String)
    /// What was asked needs something the host does not have (a layout engine that draws canvases).
    case unsupported(String)

    public var description: String {
        switch self {
        case .notAMiniProgram(let id): "instance \(id) is not a mini-program"
        case .navigationFailed(let reason): "navigation failed: \(reason)"
        case .noSuchNode(let reason): reason
        case .noSuchFile(let path): "the package has no file \(path)"
        case .unsupported(let what): what
        }
    }
}

/// The host's handle on one running mini-program: drive its page stack, fire page events
/// (a tap handler by name), read page data and what it called. Get one with
/// `MicroAppContainer.miniProgram(_:)`.
public struct MiniProgramSession: Sendable {
    /// The instance.
    public let app: AppDescriptor
    /// Its `app.json` facts.
    public let config: MiniProgramConfig
    /// The device the app sees (``MiniProgramOptions/device``).
    public let device: VirtualDevice
    let context: ScriptContext
    let files: (any ModuleSourceProvider)?
    let hookTimeout: Duration
    let runtime: (supervisor: RuntimeSupervisor, index: Int)
    /// ``ContainerConfiguration/launchSpin``: the hand-offs to the app's thread and back are
    /// watched for this long instead of each waking a sleeping thread.
    let spin: Duration

    /// Calls into the app's thread fail with `ContainerError.runtimeStalled` if it stalls.
    func guarded<T: Sendable>(_ body: @escaping @Sendable (ScriptContext) async throws -> T) async throws -> T {
        let context = self.context
        if spin > .zero { context.runtime.expectWork(within: spin) }
        return try await runtime.supervisor.guarded(runtime.index, appId: app.appId.rawValue, spin: spin) {
            try await body(context)
        }
    }

    /// Navigates; returns the page stack after it. Page hooks run as in the app's own calls.
    @discardableResult
    public func navigate(_ navigation: PageNavigation) async throws -> [PageInfo] {
        let arguments: [JSONValue] =
            switch navigation {
            case .navigateTo(let url): ["navigateTo", .string(url)]
            case .redirectTo(let url): ["redirectTo", .string(url)]
            case .navigateBack(let delta): ["navigateBack", .null, .number(Double(delta))]
            case .reLaunch(let url): ["reLaunch", .string(url)]
            case .switchTab(let url): ["switchTab", .string(url)]
            }
        do {
            return try PageInfo.stack(try await guarded { try await $0.call(HostNames.miniProgram("navigate"), arguments) })
        } catch ScriptError.exception(let exception) where exception.name == "NavigationError" {
            throw MiniProgramError.navigationFailed(exception.message)
        }
    }

    /// The page stack, bottom first.
    public func pages() async throws -> [PageInfo] {
        try PageInfo.stack(try await guarded { try await $0.call(HostNames.miniProgram("pages")) })
    }

    /// A page's `data` (the top page by default).
    public func data(ofPage pageId: Int? = nil) async throws -> JSONValue {
        let argument: JSONValue = pageId.map { .number(Double($0)) } ?? .undefined
        return try await guarded { try await $0.call(HostNames.miniProgram("data"), [argument]) }
    }

    /// Calls a page's handler (`onTap`, `onPullDownRefresh`, …) with an event object (`type`,
    /// `timeStamp`, `target`/`currentTarget` with `id` and `dataset`, `detail`; missing fields
    /// are filled in) and waits for a promise it returns. A handler that throws is reported to
    /// the app's `onError` and the host's events, like any script error.
    @discardableResult
    public func firePageEvent(_ handler: String, event: JSONValue = [:], page pageId: Int? = nil) async throws -> JSONValue {
        let arguments: [JSONValue] = [.string(handler), event, pageId.map { .number(Double($0)) } ?? .undefined]
        let timeout = hookTimeout
        return try await guarded { try await $0.callAwaiting(HostNames.miniProgram("firePageEvent"), arguments, timeout: timeout) }
    }

    /// Sends a host event to the app's listeners: `networkStatusChange` reaches every
    /// `wx.onNetworkStatusChange` / `my.onNetworkStatusChange` callback, any name reaches Alipay's
    /// `my.on(name, …)`. Each listener gets its own copy of `payload`; one that throws is reported
    /// like any script error. Returns how many listeners were called.
    @discardableResult
    public func emit(_ event: String, payload: JSONValue = .null) async throws -> Int {
        let heard = try await guarded { try await $0.call(HostNames.miniProgram("emit"), [.string(event), payload]) }
        return heard.numberValue.flatMap { Int(exactly: $0) } ?? 0
    }

    /// A file of the app's package (`app.wxss`, `pages/a/a.wxss`, `images/logo.png`), read as the
    /// app's own scripts read it: integrity-checked for installed packages.
    /// - Throws: what the package's reader throws (a missing file, an altered one).
    public func packageFile(_ path: String) throws -> Data {
        guard let files else { throw MiniProgramError.noSuchFile(path) }
        guard files.moduleExists(path) else { throw MiniProgramError.noSuchFile(path) }
        return try files.moduleSource(path)
    }

    /// Whether the package has a file at `path`.
    public func packageFileExists(_ path: String) -> Bool { files?.moduleExists(path) ?? false }

    /// What the app's pages are drawn from (its files, `app.json`, the device).
    public var pageSource: PageSource { PageSource(app: app, config: config, device: device, files: files) }

    /// API calls and visited pages so far.
    public func statistics() async throws -> MiniProgramStatistics {
        try JSONValueDecoder().decode(
            MiniProgramStatistics.self, from: try await guarded { try await $0.call(HostNames.miniProgram("stats")) })
    }
}

extension MicroAppContainer {
    /// The handle on a running mini-program.
    /// - Throws: `ContainerError.noSuchInstance`, `MiniProgramError.notAMiniProgram`.
    public func miniProgram(_ instanceID: UInt64) throws -> MiniProgramSession {
        let app = try app(instanceID)
        guard let config = app.miniProgram else { throw MiniProgramError.notAMiniProgram(instanceID: instanceID) }
        return MiniProgramSession(
            app: app.handle.descriptor, config: config, device: configuration.miniProgram.device, context: app.context,
            files: app.files, hookTimeout: configuration.hookTimeout, runtime: app.runtime, spin: configuration.launchSpin)
    }
}

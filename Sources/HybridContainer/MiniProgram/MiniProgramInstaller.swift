// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization

/// Puts the mini-program framework into an app's context: the ES modules of
/// `Resources/mini-program/` (entry `main.js`), installed by ``FrameworkModules``, then
/// `__hcInstallMiniProgram(config)` called once with the app's page facts.
enum MiniProgramInstaller {
    /// The framework modules, prepared once per process. A resource that is not a valid module
    /// is a broken build: the failure is kept and reported by every install.
    static let framework: Result<FrameworkModules, FrameworkModules.Failure> = {
        do throws(FrameworkModules.Failure) {
            return .success(try FrameworkModules(files: HybridContainerScripts.miniProgramModules, entry: "main.js"))
        } catch {
            return .failure(error)
        }
    }()

    /// Installs the framework and runs it with the app's configuration.
    static func install(
        into context: isolated ScriptContext, config: MiniProgramConfig, options: MiniProgramOptions
    ) throws {
        try framework.get().install(into: context, installer: HostNames.installMiniProgram)
        try context.call(HostNames.installMiniProgram, [.string(try configurationText(config, options: options))])
    }

    /// The argument of `__hcInstallMiniProgram` as JSON text (the installer parses it): the
    /// platform API lists (64 KB, the same for every app, each flavour's as a string of JSON the
    /// framework parses on first use of its namespace) are serialised once per process, and
    /// JavaScriptCore's JSON parser builds the value faster than a conversion property by property.
    static func configurationText(_ config: MiniProgramConfig, options: MiniProgramOptions) throws -> String {
        let flavors = Set(options.namespaces.values).map(\.rawValue).sorted()
        let lists = try platformListsText.withLock { cache in
            if let text = cache[flavors] { return text }
            var platformAPIs = JSONObject()
            for flavor in flavors {
                guard let known = MiniProgramOptions.Flavor(rawValue: flavor) else { continue }
                // Each flavour's list as JSON text in a string: a namespace parses its own list when
                // the app first touches it (`my` of a WeChat app never is), not every list at install.
                platformAPIs[flavor] = .string(try PlatformAPIs.list(for: known).stringified() ?? "{}")
            }
            let text = JSONValue.object(platformAPIs).stringified() ?? "{}"
            cache[flavors] = text
            return text
        }
        let rest = try configuration(config, options: options).stringified() ?? "{}"
        return #"{"platformAPIs":"# + lists + (rest == "{}" ? "}" : "," + rest.dropFirst())
    }
    private static let platformListsText = Mutex<[[String]: String]>([:])

    /// The argument of `__hcInstallMiniProgram` but for `platformAPIs` (see ``configurationText(_:options:)``).
    static func configuration(_ config: MiniProgramConfig, options: MiniProgramOptions) throws -> JSONValue {
        [
            "hostAPIs": .object(JSONObject(sorting: options.hostAPIs.mapValues(JSONValue.string))),
            "appJSON": config.raw,
            "pages": .array(config.pages.map(JSONValue.string)),
            "subpackagePages": .array(config.subpackagePages.map(JSONValue.string)),
            "tabPages": .array(config.tabPages.map(JSONValue.string)),
            "entryPage": .string(config.entryPage),
            "namespaces": .object(JSONObject(sorting: options.namespaces.mapValues { .string($0.rawValue) })),
            "sdkVersions": [
                "wechat": .string(options.sdkVersion ?? options.device.sdkVersion ?? PlatformAPIs.baseLibrary(for: .wechat)),
                "alipay": .string(options.sdkVersion ?? options.device.sdkVersion ?? PlatformAPIs.baseLibrary(for: .alipay)),
            ],
            "device": options.device.configuration,
            "grantedScopes": .array(options.grantedScopes.sorted().map(JSONValue.string)),
            "maximumPageStack": .number(Double(max(1, options.maximumPageStack))),
            "layout": .bool(options.layoutEngine != nil),
        ]
    }
}

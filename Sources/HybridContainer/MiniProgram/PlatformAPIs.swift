// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// The documented API surface of each mini-program platform: every name of the public typings
/// with its kind (`async`, `sync`, `listener`, `unlisten`, `factory` with its methods, `task`
/// with its handle's methods), from `Resources/platform-apis/wx.json` (WeChat) and `my.json`
/// (Alipay). The framework defines every listed name in each namespace; what the host does not
/// implement fails in the platform's shape (see `surface.js`).
public enum PlatformAPIs {
    /// A list that could not be read: the build is broken (the resource is missing or not JSON).
    public struct Unavailable: Error, CustomStringConvertible {
        public let file: String
        public let reason: String
        public var description: String { "the platform API list \(file) is unavailable: \(reason)" }
    }

    /// The list of a flavour, read once per process.
    public static func list(for flavor: MiniProgramOptions.Flavor) throws -> JSONValue {
        switch flavor {
        case .wechat: try wechat.get()
        case .alipay: try alipay.get()
        }
    }

    /// The names and kinds of a flavour's APIs (`"request": "task"`).
    public static func kinds(for flavor: MiniProgramOptions.Flavor) throws -> [String: String] {
        guard case .object(let apis)? = try list(for: flavor)["apis"] else { return [:] }
        var kinds: [String: String] = [:]
        for (name, entry) in apis {
            if case .string(let kind)? = entry["kind"] { kinds[name] = kind }
        }
        return kinds
    }

    /// The base-library version a flavour's list describes (WeChat: its `baseLibrary`, the newest
    /// `since` of the typings; Alipay: ``MiniProgramOptions/alipayBaseLibrary``).
    public static func baseLibrary(for flavor: MiniProgramOptions.Flavor) -> String {
        if flavor == .wechat, case .string(let version)? = try? list(for: .wechat)["baseLibrary"] { return version }
        return MiniProgramOptions.alipayBaseLibrary
    }

    private static let wechat = load("wx.json")
    private static let alipay = load("my.json")

    private static func load(_ file: String) -> Result<JSONValue, Unavailable> {
        guard let folder = ScriptResource.resourcesFolder(of: .module) else {
            return .failure(Unavailable(file: file, reason: "no resources folder in the HybridContainer bundle"))
        }
        let url = folder.appendingPathComponent("platform-apis").appendingPathComponent(file)
        do {
            let value = try JSONValue(parsing: Data(contentsOf: url))
            guard case .object? = value["apis"] else { return .failure(Unavailable(file: file, reason: "no \"apis\" object")) }
            return .success(value)
        } catch {
            return .failure(Unavailable(file: file, reason: "\(error)"))
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Gives `require()` (and ES `import`) the files of an app: package-relative paths such as
/// `utils/format.js` or `pages/index/index.json`, never starting with `/`.
///
/// Called on the runtime thread while JavaScript waits, so both methods must be quick and must
/// not block on other tasks (read a local file; prefetch anything remote beforehand).
public protocol ModuleSourceProvider: Sendable {
    /// Whether a file exists at `path` (used to resolve `./x` to `x.js`, `x.json`, `x/index.js`).
    func moduleExists(_ path: String) -> Bool
    /// The bytes of the file at `path`. Throw (e.g. an integrity failure) to make `require`
    /// throw; the error's description becomes the JavaScript error message.
    func moduleSource(_ path: String) throws -> Data
}

/// Modules held in memory (tests, generated code, or files prefetched from a server).
public struct InMemoryModules: ModuleSourceProvider {
    /// Path → file contents.
    public let files: [String: Data]

    /// Creates a provider from path → contents.
    public init(_ files: [String: Data]) {
        self.files = files
    }

    /// Creates a provider from path → source text.
    public init(sources: [String: String]) {
        self.files = sources.mapValues { Data($0.utf8) }
    }

    public func moduleExists(_ path: String) -> Bool { files[path] != nil }

    public func moduleSource(_ path: String) throws -> Data {
        guard let data = files[path] else { throw ModuleLoadError.notFound(path) }
        return data
    }
}

/// Why a module file could not be turned into a module.
public enum ModuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case notUTF8(String)
    case transformFailed(path: String, line: Int, reason: String)
    case unsupportedType(String)
    /// A TypeScript file uses a construct that needs generated code (`enum`, decorators …).
    case typeScriptRefused(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): "module file \(path) does not exist"
        case .notUTF8(let path): "module file \(path) is not valid UTF-8"
        case .transformFailed(let path, let line, let reason): "\(path):\(line): cannot rewrite ES module syntax: \(reason)"
        case .unsupportedType(let path): "\(path) is neither a .js nor a .json module"
        case .typeScriptRefused(let path, let line, let reason): "\(path):\(line): \(reason)"
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

/// The native half of `require()`: resolution candidates are checked with `moduleExists`,
/// files are read from the configured `ModuleSourceProvider`, ES module syntax is rewritten,
/// and a module body is compiled into a function with its own file name as source URL (so
/// syntax errors and stacks name the file and line).
extension ContextCore {
    /// The wrapper's parameters; the body starts on the wrapper's first line.
    static let moduleWrapperHead =
        "(function (exports, require, module, __filename, __dirname, \(HostNames.moduleImport), \(HostNames.moduleImportMeta)) {"

    func moduleExists(_ arguments: NativeFunction.Arguments) throws -> JSValueRef? {
        let path = try converter.string(arguments[0])
        return JSValueMakeBoolean(globalContext, configuration.modules?.moduleExists(path) ?? false)
    }

    /// `readText(path)` (framework channel only) → the file's text: templates (`.wxml`, `.axml`)
    /// and other files the framework reads but does not run.
    func readModuleText(_ arguments: NativeFunction.Arguments) throws -> JSValueRef? {
        let path = try converter.string(arguments[0])
        guard let modules = configuration.modules else {
            throw NativeFunctionError(kind: .error, message: "\(path): this context has no module files")
        }
        let data = try modules.moduleSource(path)
        guard let text = String(validatingUTF8Data: data) else { throw ModuleLoadError.notUTF8(path) }
        return JSStringConversion.with(text) { JSValueMakeString(globalContext, $0) }
    }

    /// `sharedBuffer(name)` (framework channel only) → an `ArrayBuffer` over the shared region
    /// of that name (no copy: it sees other processes' writes), or `undefined`. The buffer keeps
    /// the region mapped until the collector frees it.
    func sharedBuffer(_ arguments: NativeFunction.Arguments) throws -> JSValueRef? {
        let name = try converter.string(arguments[0])
        guard let region = configuration.sharedRegions[name] else { return JSValueMakeUndefined(globalContext) }
        let owner = Unmanaged.passRetained(region).toOpaque()
        let buffer = JSObjectMakeArrayBufferWithBytesNoCopy(
            globalContext, region.baseAddress, region.byteCount,
            { _, owner in if let owner { Unmanaged<SharedMemoryRegion>.fromOpaque(owner).release() } }, owner, nil)
        guard let buffer else {
            Unmanaged<SharedMemoryRegion>.fromOpaque(owner).release()
            return JSValueMakeUndefined(globalContext)
        }
        return buffer
    }

    /// `compileModule(text, sourceURL, line)` (framework channel only) → a module factory
    /// `(exports, require, module, …)` for script text that sits inside another file (a WXS block
    /// of a template; WXS names JavaScript reserves are renamed, see ``WXSTransform``), with
    /// errors and stacks naming that file and line.
    func compileModuleText(_ arguments: NativeFunction.Arguments) throws -> JSValueRef? {
        let text = WXSTransform.transform(try converter.string(arguments[0]))
        let sourceURL = try converter.string(arguments[1])
        let requested = JSValueToNumber(globalContext, arguments[2], nil)
        // Clamped before the conversion: NaN, infinities and huge numbers would trap in Int32().
        let line = requested.isFinite ? Int32(min(max(requested, 1), 1_000_000)) : 1
        var exception: JSValueRef?
        let factory = JSStringConversion.with(Self.moduleWrapperHead + text + "\n})") { script in
            JSStringConversion.with(sourceURL) { url in JSEvaluateScript(globalContext, script, nil, url, line, &exception) }
        }
        if let exception { throw NativeFunctionError.Thrown(value: exception) }
        guard let factory else { throw NativeFunctionError(kind: .error, message: "\(sourceURL) did not compile") }
        return factory
    }

    /// `loadModule(path)` → `{ factory }` for JavaScript (also WXS `.wxs` and SJS `.sjs`
    /// template script modules), `{ json }` for JSON.
    func loadModule(_ arguments: NativeFunction.Arguments) throws -> JSValueRef? {
        let path = try converter.string(arguments[0])
        guard let modules = configuration.modules else {
            throw NativeFunctionError(kind: .error, message: "require('\(path)'): this context has no module files")
        }
        let data = try modules.moduleSource(path)
        guard let result = JSObjectMake(globalContext, nil, nil) else {
            throw NativeFunctionError(kind: .error, message: "require('\(path)'): out of memory")
        }
        if path.hasSuffix(".json") {
            guard let text = String(validatingUTF8Data: data) else { throw ModuleLoadError.notUTF8(path) }
            let value = JSStringConversion.with(text) { JSValueMakeFromJSONString(globalContext, $0) }
            guard let value else {
                throw NativeFunctionError(kind: .error, message: "\(path) is not valid JSON")
            }
            JSStringConversion.with("json") { JSObjectSetProperty(globalContext, result, $0, value, 0, nil) }
            return result
        }
        guard [".js", ".mjs", ".cjs", ".wxs", ".sjs"].contains(where: path.hasSuffix) else {
            throw ModuleLoadError.unsupportedType(path)
        }
        // Decoded and rewritten once per runtime for the same bytes (shared scripts).
        var exception: JSValueRef?
        let factory = try evaluateShared(.init(sourceURL: path, line: 1, content: .bytes(data)), exception: &exception) {
            guard let text = String(validatingUTF8Data: data) else { throw ModuleLoadError.notUTF8(path) }
            var body = text
            if path.hasSuffix(".wxs") {
                body = WXSTransform.transform(text)
            } else if !path.hasSuffix(".cjs") {
                do throws(ESModuleTransform.Failure) {
                    if let rewritten = try ESModuleTransform.transform(text) { body = rewritten }
                } catch {
                    throw NativeFunctionError(
                        kind: .error, message: "\(ModuleLoadError.transformFailed(path: path, line: error.line, reason: error.message))")
                }
            }
            return Self.moduleWrapperHead + body + "\n})"
        }
        if let exception { throw NativeFunctionError.Thrown(value: exception) }
        guard let factory else { throw NativeFunctionError(kind: .error, message: "\(path) did not compile") }
        JSStringConversion.with("factory") { JSObjectSetProperty(globalContext, result, $0, factory, 0, nil) }
        return result
    }
}

extension String {
    /// Decodes UTF-8, returning nil for invalid bytes (instead of repairing them).
    init?(validatingUTF8Data data: Data) {
        // The standard library's validation (Foundation's `String(bytes:encoding:)` was slower
        // on a launch's megabyte of module text).
        guard let decoded = String(validating: data, as: UTF8.self) else { return nil }
        self = decoded
    }
}

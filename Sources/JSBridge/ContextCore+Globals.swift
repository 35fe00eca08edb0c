// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// Installing a context's globals: the native functions (bridge, timers, console, text codecs,
/// modules) handed to the preludes, which keep them private and define the public globals.
extension ContextCore {
    func installGlobals() throws {
        let ctx = globalContext
        let probe = JSObjectMakeFunctionWithCallback(ctx, nil, { _, _, _, _, _, _ in nil })
        functionPrototype = JSValueToObject(ctx, JSObjectGetPrototype(ctx, probe), nil)
        let natives = JSObjectMake(ctx, nil, nil)!
        JSValueProtect(ctx, natives)
        defer { JSValueUnprotect(ctx, natives) }
        installNativeFunctions(into: natives)
        let dispatcher: JSValueRef? = try enter(origin: "prelude") { exception in
            let installer = evaluateShared(
                .init(sourceURL: Prelude.sourceURL, line: 1, content: .text(Prelude.source)), exception: &exception
            ) { Prelude.source }
            guard exception == nil, let installer, let function = JSValueToObject(ctx, installer, &exception) else {
                return nil
            }
            var argument: JSValueRef? = natives
            return JSObjectCallAsFunction(ctx, function, nil, 1, &argument, &exception)
        }
        guard let dispatcher, let dispatchObject = JSValueToObject(ctx, dispatcher, nil) else {
            throw ScriptError.valueConversion("the prelude did not return its event dispatcher")
        }
        JSValueProtect(ctx, dispatchObject)
        eventDispatcher = dispatchObject
        mainModuleRunner = try installModules(natives)
        let promisePrototype = try evaluate("Promise.prototype.then", sourceURL: Prelude.sourceURL, line: 1)
        if let promisePrototype, let then = JSValueToObject(ctx, promisePrototype, nil) {
            JSValueProtect(ctx, then)
            thenFunction = then
        }
        // The callback is held by a strong (rooting) handle, so it lives in the runtime's anchor
        // context: one owned by this context would keep the whole context alive forever.
        var exception: JSValueRef?
        JSGlobalContextSetUnhandledRejectionCallback(globalContext, runtime.rejectionCallback, &exception)
    }

    /// Evaluates the module prelude with the natives; returns its protected `runMain`.
    private func installModules(_ natives: JSObjectRef) throws -> JSObjectRef? {
        let ctx = globalContext
        let runner: JSValueRef? = try enter(origin: "module prelude") { exception in
            let installer = evaluateShared(
                .init(sourceURL: ModulePrelude.sourceURL, line: 1, content: .text(ModulePrelude.source)), exception: &exception
            ) { ModulePrelude.source }
            guard exception == nil, let installer, let function = JSValueToObject(ctx, installer, &exception) else { return nil }
            var argument: JSValueRef? = natives
            return JSObjectCallAsFunction(ctx, function, nil, 1, &argument, &exception)
        }
        guard let runner, let object = JSValueToObject(ctx, runner, nil) else { return nil }
        JSValueProtect(ctx, object)
        return object
    }

    /// Runs a file of the module provider as the main module.
    func runMainModule(_ path: String) throws {
        guard let runner = mainModuleRunner else { throw ScriptError.valueConversion("the module system is not installed") }
        try enter(origin: path) { exception in
            var argument: JSValueRef? = JSStringConversion.with(path) { JSValueMakeString(globalContext, $0) }
            _ = JSObjectCallAsFunction(globalContext, runner, nil, 1, &argument, &exception)
        }
    }

    /// Defines the native functions on `natives`, each as soon as it is made.
    ///
    /// Each must be reachable from `natives` (protected) before the next one is allocated: a
    /// function object held only in Swift memory (an array, a dictionary, a class's property) is
    /// invisible to the collector, which scans the native stack but not the malloc heap. Collected
    /// there, it was then stored into `natives` dead, and a later marking visited the freed cell
    /// (the `JSC_collectContinuously` crash, RELIABILITY.md "Collector stress").
    private func installNativeFunctions(into natives: JSObjectRef) {
        let ctx = globalContext
        func define(_ name: String, _ function: JSObjectRef) {
            JSStringConversion.with(name) { jsName in
                JSObjectSetProperty(ctx, natives, jsName, function, JSPropertyAttributes(kJSPropertyAttributeReadOnly), nil)
            }
        }
        // The hot bridge paths reach this object without retaining it: weak references give
        // it a side table, which makes every retain/release a slow path (about a tenth of a
        // sync call). Safe because these functions live only in this context's global and
        // no JavaScript of the context runs after `tearDown` (every entry checks
        // `isReleased`; timers and pending calls are cancelled there), which happens before
        // this object goes away.
        define(
            "call",
            makeNativeFunction { [unowned(unsafe) self] _, args in
                try Unmanaged.passUnretained(self)._withUnsafeGuaranteedRef { try $0.bridgeCall(args) }
            })
        define("callSync", makeCallSyncFunction())
        define("abortCall", makeNativeFunction { [unowned self] _, args in self.abortCall(args) })
        define("setTimeout", makeNativeFunction { [unowned self] _, args in try self.setTimer(args, repeats: false) })
        define("setInterval", makeNativeFunction { [unowned self] _, args in try self.setTimer(args, repeats: true) })
        define("clearTimeout", makeNativeFunction { [unowned self] _, args in self.clearTimer(args) })
        define("clearInterval", makeNativeFunction { [unowned self] _, args in self.clearTimer(args) })
        define(
            "reportError",
            makeNativeFunction { [unowned self] _, args in
                self.reportUncaught(args[0], origin: (try? self.converter.string(args[1])) ?? "script")
                return nil
            })
        define("encodeUTF8", makeNativeFunction { [unowned self] _, args in try self.encodeUTF8(args) })
        define("encodeUTF8Into", makeNativeFunction { [unowned self] _, args in try self.encodeUTF8Into(args) })
        define("decodeUTF8", makeNativeFunction { [unowned self] _, args in try self.decodeUTF8(args) })
        define("loadModule", makeNativeFunction { [unowned self] _, args in try self.loadModule(args) })
        define("moduleExists", makeNativeFunction { [unowned self] _, args in try self.moduleExists(args) })
        for level in ConsoleMessage.Level.allCases {
            define(
                level.rawValue,
                makeNativeFunction { [unowned self] _, args in
                    self.console(level, args)
                    return nil
                })
        }
    }

    /// Evaluates trusted framework code. While it runs, the global `__hcFrameworkBridge` holds
    /// `{ call, callSync, readText, exists, compileModule, sharedBuffer }` functions (`readText`,
    /// `exists` and `compileModule` read the app's files, as `require` does, and compile a template's
    /// inline script module; `sharedBuffer` hands out ``ScriptContext/Configuration/sharedRegions``) that may reach framework-only APIs; the property is deleted
    /// when the evaluation ends (whatever its outcome), so only code that captured it during this
    /// evaluation keeps it. App code runs later and never sees it.
    func evaluateFramework(_ source: String, sourceURL: String) throws -> JSValueRef? {
        let ctx = globalContext
        guard !isReleased else { throw ScriptError.contextReleased }
        let channel = JSObjectMake(ctx, nil, nil)
        let attributes = JSPropertyAttributes(kJSPropertyAttributeReadOnly | kJSPropertyAttributeDontDelete)
        let call = makeNativeFunction { [unowned self] _, args in try self.bridgeCall(args, framework: true) }
        let callSync = makeNativeFunction { [unowned self] _, args in try self.bridgeCallSync(args, framework: true) }
        JSStringConversion.with("call") { JSObjectSetProperty(ctx, channel, $0, call, attributes, nil) }
        JSStringConversion.with("callSync") { JSObjectSetProperty(ctx, channel, $0, callSync, attributes, nil) }
        let readText = makeNativeFunction { [unowned self] _, args in try self.readModuleText(args) }
        let exists = makeNativeFunction { [unowned self] _, args in try self.moduleExists(args) }
        JSStringConversion.with("readText") { JSObjectSetProperty(ctx, channel, $0, readText, attributes, nil) }
        JSStringConversion.with("exists") { JSObjectSetProperty(ctx, channel, $0, exists, attributes, nil) }
        let compileModule = makeNativeFunction { [unowned self] _, args in try self.compileModuleText(args) }
        JSStringConversion.with("compileModule") { JSObjectSetProperty(ctx, channel, $0, compileModule, attributes, nil) }
        let sharedBuffer = makeNativeFunction { [unowned self] _, args in try self.sharedBuffer(args) }
        JSStringConversion.with("sharedBuffer") { JSObjectSetProperty(ctx, channel, $0, sharedBuffer, attributes, nil) }
        let global = JSContextGetGlobalObject(ctx)
        let name = Self.frameworkChannelName
        JSStringConversion.with(name) {
            JSObjectSetProperty(ctx, global, $0, channel, JSPropertyAttributes(kJSPropertyAttributeDontEnum), nil)
        }
        defer { _ = JSStringConversion.with(name) { JSObjectDeleteProperty(ctx, global, $0, nil) } }
        return try evaluate(source, sourceURL: sourceURL, line: 1)
    }

    /// The global that holds the framework channel during ``evaluateFramework(_:sourceURL:)``.
    static let frameworkChannelName = HostNames.frameworkChannel

    /// `JSBridge.callSync` (``CallSyncFunction``): finds this context through the runtime.
    private func makeCallSyncFunction() -> JSObjectRef {
        CallSyncFunction.make(in: globalContext)
    }

    /// A callable JavaScript function backed by `body` (which runs on this thread).
    func makeNativeFunction(_ body: @escaping NativeFunction.Body) -> JSObjectRef {
        let box = Unmanaged.passRetained(NativeFunction(counter: runtime.liveNativeFunctions, body)).toOpaque()
        let object = JSObjectMake(globalContext, runtime.nativeFunctionClass, box)!
        if let functionPrototype { JSObjectSetPrototype(globalContext, object, functionPrototype) }
        return object
    }
}

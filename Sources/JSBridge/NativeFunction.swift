// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// A Swift closure JavaScript can call, stored as the private data of a callable object.
///
/// The body runs on the runtime thread. Throwing a `NativeFunctionError` (or any error)
/// raises a JavaScript exception of the matching type in the caller.
final class NativeFunction {
    typealias Body = (_ this: JSObjectRef?, _ arguments: Arguments) throws -> JSValueRef?

    /// The arguments of one call, with `undefined` for missing ones.
    struct Arguments {
        let ctx: JSContextRef
        let buffer: UnsafeBufferPointer<JSValueRef?>

        var count: Int { buffer.count }

        subscript(index: Int) -> JSValueRef {
            if index < buffer.count, let value = buffer[index] { return value }
            return JSValueMakeUndefined(ctx)
        }

        func isPresent(_ index: Int) -> Bool {
            index < buffer.count && !JSValueIsUndefined(ctx, buffer[index])
        }

        func function(_ index: Int) -> JSObjectRef? {
            let value = self[index]
            guard JSValueIsObject(ctx, value), let object = JSValueToObject(ctx, value, nil),
                JSObjectIsFunction(ctx, object)
            else { return nil }
            return object
        }
    }

    let body: Body
    private let counter: LiveCounter

    init(counter: LiveCounter, _ body: @escaping Body) {
        self.body = body
        self.counter = counter
        counter.count += 1
    }

    deinit {
        counter.count -= 1
    }

    /// The class of every native function object: private data holds the retained box.
    static func makeClass() -> JSClassRef {
        makeCallableClass(
            { ctx, function, this, count, arguments, exception in
                guard let ctx, let function, let raw = JSObjectGetPrivate(function) else { return nil }
                do {
                    let args = Arguments(ctx: ctx, buffer: UnsafeBufferPointer(start: arguments, count: count))
                    // The object holds the box until it is finalized, so the call borrows it (no retain).
                    let result = try Unmanaged<NativeFunction>.fromOpaque(raw)._withUnsafeGuaranteedRef { try $0.body(this, args) }
                    return result ?? JSValueMakeUndefined(ctx)
                } catch {
                    exception?.pointee = NativeFunctionError.makeJSError(ctx, from: error)
                    return nil
                }
            },
            finalize: { object in
                if let raw = JSObjectGetPrivate(object) {
                    Unmanaged<NativeFunction>.fromOpaque(raw).release()
                }
            })
    }

    /// A class of callable objects named "NativeFunction" with these callbacks.
    static func makeCallableClass(
        _ call: JSObjectCallAsFunctionCallback, finalize: JSObjectFinalizeCallback? = nil
    ) -> JSClassRef {
        var definition = kJSClassDefinitionEmpty
        definition.className = UnsafeRawPointer(("NativeFunction" as StaticString).utf8Start)
            .assumingMemoryBound(to: CChar.self)
        definition.callAsFunction = call
        definition.finalize = finalize
        return JSClassCreate(&definition)
    }
}

/// Counts the native functions of one runtime that JavaScriptCore has not finalized yet
/// (a leak check for tests). Touched only on the runtime thread, where boxes are created and
/// finalized.
final class LiveCounter {
    var count = 0 {
        didSet { if count > oldValue { created += 1 } }
    }
    /// Every box ever created.
    private(set) var created = 0
}

/// An error a native function raises as a JavaScript exception.
struct NativeFunctionError: Error {
    enum Kind: String {
        case typeError = "TypeError"
        case rangeError = "RangeError"
        case error = "Error"
    }

    let kind: Kind
    let message: String

    static func type(_ message: String) -> NativeFunctionError { .init(kind: .typeError, message: message) }
    static func range(_ message: String) -> NativeFunctionError { .init(kind: .rangeError, message: message) }

    /// A JavaScript value already built by the native code, thrown as is.
    ///
    /// `@unchecked Sendable` (required of `Error`): it is created and caught inside one native
    /// callback on the runtime thread and never stored or passed anywhere else.
    struct Thrown: Error, @unchecked Sendable {
        let value: JSValueRef
    }

    static func makeJSError(_ ctx: JSContextRef, from error: any Error) -> JSValueRef? {
        if let thrown = error as? Thrown { return thrown.value }
        let native = error as? NativeFunctionError ?? NativeFunctionError(kind: .error, message: String(describing: error))
        let message = JSStringConversion.with(native.message) { JSValueMakeString(ctx, $0) }
        let global = JSContextGetGlobalObject(ctx)
        let constructor = JSStringConversion.with(native.kind.rawValue) { JSObjectGetProperty(ctx, global, $0, nil) }
        if let constructor, JSValueIsObject(ctx, constructor), let object = JSValueToObject(ctx, constructor, nil),
            JSObjectIsConstructor(ctx, object)
        {
            var argument: JSValueRef? = message
            return JSObjectCallAsConstructor(ctx, object, 1, &argument, nil)
        }
        var argument: JSValueRef? = message
        return JSObjectMakeError(ctx, 1, &argument, nil)
    }
}

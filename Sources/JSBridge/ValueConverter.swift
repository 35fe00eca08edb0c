// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

/// Converts between JavaScriptCore values and `JSONValue`, on the runtime thread.
///
/// JS → Swift follows `JSON.stringify`'s rules (functions and symbols dropped from objects,
/// `toJSON` honoured, e.g. for dates) but keeps `undefined` at the top level and in arrays,
/// and turns `ArrayBuffer`s and typed arrays into `.binary` without copying through base64.
/// Swift → JS builds plain objects and arrays; `.binary` becomes an `ArrayBuffer`.
struct ValueConverter {
    /// Nesting deeper than this is refused (it is also how cycles are caught).
    static let maxDepth = 256
    /// Elements an array may have to cross the bridge.
    static let maxArrayLength = 16 << 20
    /// Values (objects, arrays and leaves together) one conversion may visit: bounds the work a
    /// wide cyclic graph would take (`o.a = o; o.b = o` visits 2^depth values), which the depth
    /// limit alone does not.
    static let maxValueCount = 4 << 20

    let ctx: JSContextRef
    let names: PropertyNames

    // MARK: JavaScript → JSONValue

    func jsonValue(_ value: JSValueRef) throws -> JSONValue {
        var budget = Self.maxValueCount
        return try jsonValue(value, depth: 0, budget: &budget)
    }

    private func jsonValue(_ value: JSValueRef, depth: Int, budget: inout Int) throws -> JSONValue {
        budget -= 1
        guard budget >= 0 else {
            throw ScriptError.valueConversion("more than \(Self.maxValueCount) values (a cyclic or too large structure)")
        }
        switch JSValueGetType(ctx, value) {
        case kJSTypeUndefined, kJSTypeSymbol: return .undefined
        case kJSTypeNull: return .null
        case kJSTypeBoolean: return .bool(JSValueToBoolean(ctx, value))
        case kJSTypeNumber: return .number(JSValueToNumber(ctx, value, nil))
        case kJSTypeString: return .string(try string(value))
        case kJSTypeBigInt: return try bigInt(value)
        default: return try object(value, depth: depth, budget: &budget)
        }
    }

    private func object(_ value: JSValueRef, depth: Int, budget: inout Int) throws -> JSONValue {
        guard depth < Self.maxDepth else {
            throw ScriptError.valueConversion("nested deeper than \(Self.maxDepth) levels (or cyclic)")
        }
        var exception: JSValueRef?
        guard let object = JSValueToObject(ctx, value, &exception) else { return .undefined }
        if let binary = try binaryData(object) { return .binary(binary) }
        if JSObjectIsFunction(ctx, object) { return .undefined }
        if JSValueIsArray(ctx, value) {
            // `length` may be anything a Proxy answers (NaN, 1e300, -1): checked, and bounded so
            // a forged length cannot make the conversion loop for hours.
            let length = JSValueToNumber(ctx, try property(object, names.length), nil)
            guard length.isFinite, length >= 0, length <= Double(Self.maxArrayLength), let count = Int(exactly: length) else {
                throw ScriptError.valueConversion(
                    "an array of length \(JSNumberFormat.string(length)) cannot cross the bridge (at most \(Self.maxArrayLength) elements)")
            }
            var elements: [JSONValue] = []
            elements.reserveCapacity(count)
            for index in 0..<count {
                let element = JSObjectGetPropertyAtIndex(ctx, object, UInt32(index), &exception)
                try rethrow(exception)
                elements.append(try jsonValue(try present(element), depth: depth + 1, budget: &budget))
            }
            return .array(elements)
        }
        let toJSON = try property(object, names.toJSON)
        if JSValueIsObject(ctx, toJSON), let function = JSValueToObject(ctx, toJSON, nil), JSObjectIsFunction(ctx, function) {
            let replaced = JSObjectCallAsFunction(ctx, function, object, 0, nil, &exception)
            try rethrow(exception)
            return try jsonValue(try present(replaced), depth: depth + 1, budget: &budget)
        }
        let propertyNames = JSObjectCopyPropertyNames(ctx, object)
        defer { JSPropertyNameArrayRelease(propertyNames) }
        // A Proxy's throwing `ownKeys` trap leaves its exception pending on the VM (this function
        // has no exception parameter); the next API call with one picks it up, so it becomes a
        // conversion error here instead of escaping into the script from the native caller.
        var pending: JSValueRef?
        _ = JSValueToNumber(ctx, JSValueMakeNumber(ctx, 0), &pending)
        try rethrow(pending)
        let count = JSPropertyNameArrayGetCount(propertyNames)
        var members = JSONObject()
        members.reserveCapacity(count)
        for index in 0..<count {
            let name = JSPropertyNameArrayGetNameAtIndex(propertyNames, index)!
            let member = JSObjectGetProperty(ctx, object, name, &exception)
            try rethrow(exception)
            let converted = try jsonValue(try present(member), depth: depth + 1, budget: &budget)
            if case .undefined = converted { continue }
            members[JSStringConversion.string(name)] = converted
        }
        return .object(members)
    }

    /// A value JSC returned, or a conversion error when it returned none (it does so while a
    /// watchdog termination is pending).
    private func present(_ value: JSValueRef?) throws -> JSValueRef {
        guard let value else { throw ScriptError.valueConversion("the script was terminated during the conversion") }
        return value
    }

    private func binaryData(_ object: JSObjectRef) throws -> Data? {
        var exception: JSValueRef?
        let type = JSValueGetTypedArrayType(ctx, object, &exception)
        switch type {
        case kJSTypedArrayTypeNone:
            return nil
        case kJSTypedArrayTypeArrayBuffer:
            let length = JSObjectGetArrayBufferByteLength(ctx, object, &exception)
            guard length > 0, let bytes = JSObjectGetArrayBufferBytesPtr(ctx, object, &exception) else { return Data() }
            return Data(bytes: bytes, count: length)
        default:
            let bytes = typedArrayBytes(object)
            guard let base = bytes.baseAddress, bytes.count > 0 else { return Data() }
            return Data(bytes: base, count: bytes.count)
        }
    }

    /// The bytes a typed array views (its buffer's bytes from `byteOffset`, `byteLength` long).
    func typedArrayBytes(_ object: JSObjectRef) -> UnsafeMutableRawBufferPointer {
        let length = JSObjectGetTypedArrayByteLength(ctx, object, nil)
        let offset = JSObjectGetTypedArrayByteOffset(ctx, object, nil)
        guard length > 0, let base = JSObjectGetTypedArrayBytesPtr(ctx, object, nil) else {
            return UnsafeMutableRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeMutableRawBufferPointer(start: base + offset, count: length)
    }

    private func bigInt(_ value: JSValueRef) throws -> JSONValue {
        let text = try string(value)
        guard let double = Double(text), abs(double) <= 9_007_199_254_740_992 else {
            throw ScriptError.valueConversion("BigInt \(text)n does not fit a JavaScript number; pass it as a string")
        }
        return .number(double)
    }

    func string(_ value: JSValueRef) throws -> String {
        var exception: JSValueRef?
        guard let jsString = JSValueToStringCopy(ctx, value, &exception) else {
            try rethrow(exception)
            return ""
        }
        defer { JSStringRelease(jsString) }
        return JSStringConversion.string(jsString)
    }

    func property(_ object: JSObjectRef, _ name: JSStringRef) throws -> JSValueRef {
        var exception: JSValueRef?
        let value = JSObjectGetProperty(ctx, object, name, &exception)
        try rethrow(exception)
        return value ?? JSValueMakeUndefined(ctx)
    }

    private func rethrow(_ exception: JSValueRef?) throws {
        if let exception { throw ExceptionReader(ctx: ctx, names: names).scriptError(exception) }
    }

    // MARK: JSONValue → JavaScript

    func jsValue(_ value: JSONValue) -> JSValueRef {
        switch value {
        case .undefined: return JSValueMakeUndefined(ctx)
        case .null: return JSValueMakeNull(ctx)
        case .bool(let bool): return JSValueMakeBoolean(ctx, bool)
        case .number(let number): return JSValueMakeNumber(ctx, number)
        case .string(let string):
            return JSStringConversion.with(string) { JSValueMakeString(ctx, $0) }
        case .binary(let data): return arrayBuffer(data)
        case .array(let elements):
            // Elements are attached one by one so each is reachable from the (stack-held)
            // array before the next allocation can trigger a collection.
            // nil while the watchdog's termination is pending (JSC refuses to allocate then).
            guard let array = JSObjectMakeArray(ctx, 0, nil, nil) else { return JSValueMakeUndefined(ctx) }
            for (index, element) in elements.enumerated() {
                JSObjectSetPropertyAtIndex(ctx, array, UInt32(index), jsValue(element), nil)
            }
            return array
        case .object(let members):
            guard let object = JSObjectMake(ctx, nil, nil) else { return JSValueMakeUndefined(ctx) }
            for (key, member) in members {
                JSStringConversion.with(key) { name in
                    JSObjectSetProperty(ctx, object, name, jsValue(member), JSPropertyAttributes(kJSPropertyAttributeNone), nil)
                }
            }
            return object
        }
    }

    /// One copy into memory the ArrayBuffer then owns (freed by its deallocator).
    func arrayBuffer(_ data: Data) -> JSValueRef {
        let count = data.count
        guard let bytes = malloc(max(count, 1)) else { return JSValueMakeUndefined(ctx) }
        data.withUnsafeBytes { source in
            if let base = source.baseAddress { memcpy(bytes, base, count) }
        }
        let buffer = JSObjectMakeArrayBufferWithBytesNoCopy(
            ctx, bytes, count, { bytes, _ in free(bytes) }, nil, nil)
        return buffer ?? JSValueMakeUndefined(ctx)
    }

    /// A `Uint8Array` holding a copy of `bytes`.
    func uint8Array<C: Collection<UInt8>>(_ bytes: C) -> JSValueRef {
        guard let array = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, bytes.count, nil) else {
            return JSValueMakeUndefined(ctx)
        }
        if bytes.count > 0 {
            typedArrayBytes(array).copyBytes(from: bytes)
        }
        return array
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// The one place where a thrown JavaScript value becomes a Swift `JSException`.
struct ExceptionReader {
    let ctx: JSContextRef
    let names: PropertyNames

    func scriptError(_ exception: JSValueRef) -> ScriptError {
        .exception(read(exception))
    }

    func read(_ exception: JSValueRef) -> JSException {
        let thrown = (try? ValueConverter(ctx: ctx, names: names).jsonValue(exception)) ?? .undefined
        guard JSValueIsObject(ctx, exception), let object = JSValueToObject(ctx, exception, nil) else {
            return JSException(name: "Error", message: plainString(exception), thrownValue: thrown)
        }
        return JSException(
            name: stringProperty(object, names.name) ?? "Error",
            message: message(of: object, exception),
            stack: stringProperty(object, names.stack).flatMap { $0.isEmpty ? nil : $0 },
            sourceURL: stringProperty(object, names.sourceURL),
            line: intProperty(object, names.line),
            column: intProperty(object, names.column),
            thrownValue: thrown)
    }

    /// `message`, else the platforms' `errorMessage`/`errMsg` (a rejected API call's reason is
    /// often a plain object, whose `String()` is the useless "[object Object]"), prefixed with
    /// the API name and code when the object names them; else `String(value)`, else its JSON.
    private func message(of object: JSObjectRef, _ value: JSValueRef) -> String {
        if let message = stringProperty(object, names.message), !message.isEmpty { return message }
        guard let detail = stringProperty(object, names.errorMessage) ?? stringProperty(object, names.errMsg) else {
            let plain = plainString(value)
            if plain == "[object Object]", let json = try? ValueConverter(ctx: ctx, names: names).jsonValue(value) {
                return json.description
            }
            return plain
        }
        var prefix: [String] = []
        if let api = stringProperty(object, names.api) { prefix.append(api) }
        if let code = intProperty(object, names.error) { prefix.append("error \(code)") }
        return prefix.isEmpty ? detail : prefix.joined(separator: " ") + ": " + detail
    }

    private func stringProperty(_ object: JSObjectRef, _ name: JSStringRef) -> String? {
        guard let value = JSObjectGetProperty(ctx, object, name, nil),
            !JSValueIsUndefined(ctx, value), !JSValueIsNull(ctx, value)
        else { return nil }
        return plainString(value)
    }

    private func intProperty(_ object: JSObjectRef, _ name: JSStringRef) -> Int? {
        guard let value = JSObjectGetProperty(ctx, object, name, nil), JSValueIsNumber(ctx, value) else {
            return nil
        }
        return Int(exactly: JSValueToNumber(ctx, value, nil))
    }

    private func plainString(_ value: JSValueRef) -> String {
        guard let jsString = JSValueToStringCopy(ctx, value, nil) else { return "<unprintable value>" }
        defer { JSStringRelease(jsString) }
        return JSStringConversion.string(jsString)
    }
}

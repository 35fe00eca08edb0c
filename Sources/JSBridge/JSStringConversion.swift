// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// Conversions between Swift strings and JavaScriptCore strings (UTF-16 both ways).
enum JSStringConversion {
    /// Creates a JSStringRef the caller must release.
    static func make(_ string: String) -> JSStringRef {
        var utf16 = Array(string.utf16)
        return utf16.withUnsafeMutableBufferPointer { buffer in
            JSStringCreateWithCharacters(buffer.baseAddress, buffer.count)
        }
    }

    static func string(_ jsString: JSStringRef) -> String {
        let length = JSStringGetLength(jsString)
        guard length > 0, let characters = JSStringGetCharactersPtr(jsString) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: characters, count: length), as: UTF16.self)
    }

    /// Runs `body` with a temporary JSStringRef.
    static func with<R>(_ string: String, _ body: (JSStringRef) throws -> R) rethrows -> R {
        let jsString = make(string)
        defer { JSStringRelease(jsString) }
        return try body(jsString)
    }
}

/// Property names created once per runtime and kept for its lifetime.
///
/// JSStringRef is an immutable, thread-safe, reference-counted string; still, this cache is
/// only used on the runtime thread together with the contexts that need it.
final class PropertyNames {
    let length = JSStringConversion.make("length")
    let message = JSStringConversion.make("message")
    let name = JSStringConversion.make("name")
    let stack = JSStringConversion.make("stack")
    let line = JSStringConversion.make("line")
    let column = JSStringConversion.make("column")
    let sourceURL = JSStringConversion.make("sourceURL")
    let toJSON = JSStringConversion.make("toJSON")
    let then = JSStringConversion.make("then")
    let error = JSStringConversion.make("error")
    let errorMessage = JSStringConversion.make("errorMessage")
    let errMsg = JSStringConversion.make("errMsg")
    let api = JSStringConversion.make("api")
    let errorConstructor = JSStringConversion.make("Error")

    deinit {
        for string in [
            length, message, name, stack, line, column, sourceURL, toJSON, then, error, errorMessage, errMsg, api, errorConstructor,
        ] {
            JSStringRelease(string)
        }
    }
}

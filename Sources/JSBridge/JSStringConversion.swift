// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

/// Conversions between Swift strings and JavaScriptCore strings.
enum JSStringConversion {
    /// Creates a JSStringRef the caller must release.
    ///
    /// From the string's own UTF-8 bytes: JavaScriptCore converts them in one pass and keeps an
    /// all-ASCII string (most scripts, names and values) in its compact 8-bit form, which its
    /// parser also reads faster. Copying `string.utf16` character by character instead was a
    /// large share of a launch (the app's scripts) and of calls with string values.
    static func make(_ string: String) -> JSStringRef {
        let byteCount = string.utf8.count
        return string.withCString { bytes in
            if strlen(bytes) == byteCount { return JSStringCreateWithUTF8CString(bytes) }
            // An embedded NUL would end the C string early: through UTF-16 instead.
            var utf16 = Array(string.utf16)
            return utf16.withUnsafeMutableBufferPointer { buffer in
                JSStringCreateWithCharacters(buffer.baseAddress, buffer.count)
            }
        }
    }

    /// A Swift string with the same characters (lone surrogates become U+FFFD).
    ///
    /// Strings go through JavaScriptCore's UTF-8 conversion (short ones into a stack buffer): an
    /// all-ASCII (8-bit) string is copied as it is, where asking for its UTF-16 characters makes
    /// JavaScriptCore widen it into a new buffer and Swift then transcode it back — that was a
    /// quarter of a `getStorageSync` (`hybrid-bench storage-profile`).
    static func string(_ jsString: JSStringRef) -> String {
        let length = JSStringGetLength(jsString)
        guard length > 0 else { return "" }
        let capacity = JSStringGetMaximumUTF8CStringSize(jsString)
        let utf8 = { (buffer: UnsafeMutableBufferPointer<CChar>) -> String? in
            // The byte count written, NUL included; 0 when the string is not valid UTF-16.
            let written = JSStringGetUTF8CString(jsString, buffer.baseAddress, capacity)
            guard written > 0 else { return nil }
            let string = buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: written) {
                String(decoding: UnsafeBufferPointer(start: $0, count: written - 1), as: UTF8.self)
            }
            // JavaScriptCore stops at a lone surrogate (without saying so): then the result is
            // short of the string's UTF-16 length, and the UTF-16 path below repairs it instead.
            return string.utf16.count == length ? string : nil
        }
        // Long strings (a render's JSON text) through a heap buffer, the same way.
        let converted =
            length <= shortLength
            ? withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity, utf8)
            : { () -> String? in
                let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: capacity)
                defer { buffer.deallocate() }
                return utf8(buffer)
            }()
        if let converted { return converted }
        guard let characters = JSStringGetCharactersPtr(jsString) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: characters, count: length), as: UTF16.self)
    }

    /// Strings up to this many UTF-16 units convert through a stack buffer (3 bytes each at most).
    private static let shortLength = 1024

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

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Errors in words for people at a terminal: a file problem names the file and what is wrong
/// with it ("no such file: k.pub"), never Foundation's raw `Error Domain=NSCocoaErrorDomain …`.
enum ErrorText {
    /// `error` as one line; `path` names the file it concerns, when known.
    static func describe(_ error: any Error, path: String? = nil) -> String {
        if let cocoa = error as? CocoaError {
            let file = path ?? cocoa.filePath ?? cocoa.url?.path ?? "the file"
            switch cocoa.code {
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file: \(file)"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied: \(file)"
            case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "not readable as UTF-8 text: \(file)"
            case .fileWriteOutOfSpace: return "no space left on the device for \(file)"
            case .fileWriteFileExists: return "already exists: \(file)"
            default:
                if let posix = cocoa.underlying as? POSIXError { return "\(file): \(String(cString: strerror(posix.code.rawValue)))" }
                return "\(file): \(cocoa.localizedDescription)"
            }
        }
        if let posix = error as? POSIXError {
            return (path.map { "\($0): " } ?? "") + String(cString: strerror(posix.code.rawValue))
        }
        let text = "\(error)"
        return path.map { text.contains($0) ? text : "\($0): \(text)" } ?? text
    }
}

extension CocoaError {
    fileprivate var underlying: (any Error)? { userInfo[NSUnderlyingErrorKey] as? any Error }
}

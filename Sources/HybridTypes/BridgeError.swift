// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The numeric error codes a JavaScript caller sees in `{error, errorMessage}` (DESIGN §3).
public struct BridgeErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// 1: there is no API by that name.
    public static let noSuchAPI = BridgeErrorCode(rawValue: 1)
    /// 2: the parameters are missing, of the wrong type or out of range.
    public static let invalidParameters = BridgeErrorCode(rawValue: 2)
    /// 3: the handler failed.
    public static let internalError = BridgeErrorCode(rawValue: 3)
    /// 4: the app is not allowed to call this API.
    public static let noPermission = BridgeErrorCode(rawValue: 4)
    /// 5: the handler did not answer in time.
    public static let timeout = BridgeErrorCode(rawValue: 5)
    /// 6: a network operation failed.
    public static let networkError = BridgeErrorCode(rawValue: 6)
    /// 9: the app aborted the call (`JSBridge.abort(promise)`, `RequestTask.abort()`).
    public static let aborted = BridgeErrorCode(rawValue: 9)

    /// The first code plugins may define for themselves.
    public static let firstPluginDefined = 1000

    /// A plugin-defined code (≥ 1000).
    public static func plugin(_ value: Int) -> BridgeErrorCode {
        precondition(value >= firstPluginDefined, "plugin-defined bridge error codes start at 1000")
        return BridgeErrorCode(rawValue: value)
    }

    public var description: String { String(rawValue) }
}

/// An error delivered to JavaScript as `{error: code, errorMessage: message}`.
///
/// Handlers throw it to choose the code; any other error thrown by a handler reaches
/// JavaScript as code 3 (internal error) with the error's description as its message.
public struct BridgeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code the caller sees in `error`.
    public var code: BridgeErrorCode
    /// The text the caller sees in `errorMessage`.
    public var message: String

    /// Creates an error with a code and message.
    public init(_ code: BridgeErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Maps any error to a bridge error: bridge errors keep their code, others become code 3.
    public init(wrapping error: any Error) {
        if let bridgeError = error as? BridgeError {
            self = bridgeError
        } else if error is CancellationError {
            self.init(.internalError, "the call was cancelled")
        } else if let decoding = error as? DecodingError {
            self.init(.invalidParameters, BridgeError.describe(decoding))
        } else {
            self.init(.internalError, String(describing: error))
        }
    }

    public var description: String { "bridge error \(code.rawValue): \(message)" }

    /// A readable sentence for a decoding failure: which field and what was wrong.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let joined = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "params" : "params.\(joined)"
        }
        switch error {
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        @unknown default:
            return String(describing: error)
        }
    }
}

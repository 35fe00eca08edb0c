// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Why a network fetch failed. Every case names the URL.
///
/// A small extensible struct (the model is NIO's `FileSystemError`): match on ``code`` (stable
/// across releases; new codes may be added without breaking a host's `switch`), read
/// ``message`` for people and ``underlyingError`` for the cause (an I/O or network error),
/// when there is one. The static functions named like the codes build each kind.
public struct FetchError: CodedError, Sendable, Hashable {
    public static let domain = "fetch"

    /// The failure with its facts (internal: hosts match on ``code``).
    package let details: Details
    public let underlyingError: (any Error)?

    package init(_ details: Details, cause: (any Error)? = nil) {
        self.details = details
        self.underlyingError = cause
    }

    public var code: ErrorCode<FetchError> { ErrorCode(details.name) }
    public var message: String { details.description }

    /// Equal when code and facts are equal (causes are not compared).
    public static func == (lhs: FetchError, rhs: FetchError) -> Bool { lhs.details == rhs.details }

    public func hash(into hasher: inout Hasher) { hasher.combine(details) }

    /// A `fetch.invalidURL` failure.
    public static func invalidURL(_ value: String) -> FetchError {
        FetchError(.invalidURL(value))
    }
    /// A `fetch.timedOut` failure.
    public static func timedOut(url: String, attempts: Int) -> FetchError {
        FetchError(.timedOut(url: url, attempts: attempts))
    }
    /// A `fetch.connectionFailed` failure.
    public static func connectionFailed(url: String, reason: String, attempts: Int, cause: (any Error)? = nil) -> FetchError {
        FetchError(.connectionFailed(url: url, reason: reason, attempts: attempts), cause: cause)
    }
    /// A `fetch.httpStatus` failure.
    public static func httpStatus(url: String, status: Int, attempts: Int) -> FetchError {
        FetchError(.httpStatus(url: url, status: status, attempts: attempts))
    }
    /// A `fetch.bodyTooLarge` failure.
    public static func bodyTooLarge(url: String, limit: Int64) -> FetchError {
        FetchError(.bodyTooLarge(url: url, limit: limit))
    }
    /// A `fetch.truncatedBody` failure.
    public static func truncatedBody(url: String, expected: Int64, received: Int64) -> FetchError {
        FetchError(.truncatedBody(url: url, expected: expected, received: received))
    }
    /// A `fetch.tooManyRedirects` failure.
    public static func tooManyRedirects(url: String) -> FetchError {
        FetchError(.tooManyRedirects(url: url))
    }
    /// A `fetch.redirectRefused` failure.
    public static func redirectRefused(url: String, location: String, reason: String) -> FetchError {
        FetchError(.redirectRefused(url: url, location: location, reason: reason))
    }
    /// A `fetch.checksumMismatch` failure.
    public static func checksumMismatch(url: String, expected: String, actual: String) -> FetchError {
        FetchError(.checksumMismatch(url: url, expected: expected, actual: actual))
    }
    /// A `fetch.sizeMismatch` failure.
    public static func sizeMismatch(url: String, expected: Int64, actual: Int64) -> FetchError {
        FetchError(.sizeMismatch(url: url, expected: expected, actual: actual))
    }
    /// A `fetch.cancelled` failure.
    public static func cancelled(url: String) -> FetchError {
        FetchError(.cancelled(url: url))
    }
    /// A `fetch.io` failure.
    public static func io(url: String, reason: String, cause: (any Error)? = nil) -> FetchError {
        FetchError(.io(url: url, reason: reason), cause: cause)
    }

    /// True for failures worth retrying (the network, or the server's momentary state).
    var isTransient: Bool { details.isTransient }

    /// True when the server could not be reached or did not answer in time.
    public var isNetworkFailure: Bool { details.isNetworkFailure }

    /// The HTTP status of an `httpStatus` failure.
    public var httpStatus: Int? {
        if case .httpStatus(_, let status, _) = details { return status }
        return nil
    }

    /// The same failure after `attempts` attempts.
    func withAttempts(_ attempts: Int) -> FetchError { FetchError(details.withAttempts(attempts), cause: underlyingError) }

    package enum Details: Sendable, Hashable, CustomStringConvertible {
        case invalidURL(String)
        case timedOut(url: String, attempts: Int)
        case connectionFailed(url: String, reason: String, attempts: Int)
        case httpStatus(url: String, status: Int, attempts: Int)
        case bodyTooLarge(url: String, limit: Int64)
        case truncatedBody(url: String, expected: Int64, received: Int64)
        case tooManyRedirects(url: String)
        /// A redirect the fetcher's ``HTTPFetcher/RedirectPolicy`` does not follow.
        case redirectRefused(url: String, location: String, reason: String)
        case checksumMismatch(url: String, expected: String, actual: String)
        case sizeMismatch(url: String, expected: Int64, actual: Int64)
        case cancelled(url: String)
        case io(url: String, reason: String)

        package var description: String {
            switch self {
            case .invalidURL(let url): return "invalid URL \(url)"
            case .timedOut(let url, let attempts): return "\(url) timed out (\(attempts) attempt(s))"
            case .connectionFailed(let url, let reason, let attempts): return "cannot reach \(url): \(reason) (\(attempts) attempt(s))"
            case .httpStatus(let url, let status, let attempts): return "\(url) answered HTTP \(status) (\(attempts) attempt(s))"
            case .bodyTooLarge(let url, let limit): return "\(url) sent more than \(limit) bytes"
            case .truncatedBody(let url, let expected, let received): return "\(url) promised \(expected) bytes but sent \(received)"
            case .tooManyRedirects(let url): return "\(url) redirects too often (or in a loop)"
            case .redirectRefused(let url, let location, let reason): return "\(url) redirects to \(location), which is refused: \(reason)"
            case .checksumMismatch(let url, let expected, let actual): return "\(url) has SHA-256 \(actual), expected \(expected)"
            case .sizeMismatch(let url, let expected, let actual): return "\(url) is \(actual) bytes, expected \(expected)"
            case .cancelled(let url): return "fetching \(url) was cancelled"
            case .io(let url, let reason): return "cannot store \(url): \(reason)"
            }
        }

        /// True for failures worth retrying (the network, or the server's momentary state).
        package var isTransient: Bool {
            switch self {
            case .timedOut, .connectionFailed, .truncatedBody: return true
            case .httpStatus(_, let status, _): return status >= 500 || status == 429 || status == 408
            default: return false
            }
        }

        /// True when the server could not be reached or did not answer in time.
        package var isNetworkFailure: Bool {
            switch self {
            case .timedOut, .connectionFailed: return true
            default: return false
            }
        }

        package func withAttempts(_ attempts: Int) -> Details {
            switch self {
            case .timedOut(let url, _): return .timedOut(url: url, attempts: attempts)
            case .connectionFailed(let url, let reason, _): return .connectionFailed(url: url, reason: reason, attempts: attempts)
            case .httpStatus(let url, let status, _): return .httpStatus(url: url, status: status, attempts: attempts)
            default: return self
            }
        }
    }
}

extension FetchError.Details {
    /// The case name, the last part of the code.
    package var name: String {
        switch self {
        case .invalidURL: return "invalidURL"
        case .timedOut: return "timedOut"
        case .connectionFailed: return "connectionFailed"
        case .httpStatus: return "httpStatus"
        case .bodyTooLarge: return "bodyTooLarge"
        case .truncatedBody: return "truncatedBody"
        case .tooManyRedirects: return "tooManyRedirects"
        case .redirectRefused: return "redirectRefused"
        case .checksumMismatch: return "checksumMismatch"
        case .sizeMismatch: return "sizeMismatch"
        case .cancelled: return "cancelled"
        case .io: return "io"
        }
    }
}

extension ErrorCode where Domain == FetchError {
    /// `fetch.invalidURL`
    public static let invalidURL = ErrorCode("invalidURL")
    /// `fetch.timedOut`
    public static let timedOut = ErrorCode("timedOut")
    /// `fetch.connectionFailed`
    public static let connectionFailed = ErrorCode("connectionFailed")
    /// `fetch.httpStatus`
    public static let httpStatus = ErrorCode("httpStatus")
    /// `fetch.bodyTooLarge`
    public static let bodyTooLarge = ErrorCode("bodyTooLarge")
    /// `fetch.truncatedBody`
    public static let truncatedBody = ErrorCode("truncatedBody")
    /// `fetch.tooManyRedirects`
    public static let tooManyRedirects = ErrorCode("tooManyRedirects")
    /// `fetch.redirectRefused`
    public static let redirectRefused = ErrorCode("redirectRefused")
    /// `fetch.checksumMismatch`
    public static let checksumMismatch = ErrorCode("checksumMismatch")
    /// `fetch.sizeMismatch`
    public static let sizeMismatch = ErrorCode("sizeMismatch")
    /// `fetch.cancelled`
    public static let cancelled = ErrorCode("cancelled")
    /// `fetch.io`
    public static let io = ErrorCode("io")
}

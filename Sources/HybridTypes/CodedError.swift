// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The stable code of a ``CodedError``: `<domain>.<name>`, e.g. `package.hashMismatch`.
///
/// Codes are values, not enum cases: a release may add codes without breaking a host's
/// `switch` (which needs a `default`), and a code's spelling never changes.
public struct ErrorCode<Domain: CodedError>: Hashable, Sendable, CustomStringConvertible {
    /// The name within the domain, e.g. `hashMismatch`.
    public let name: String

    /// A code of `Domain` (each error type declares its codes as static constants).
    public init(_ name: String) { self.name = name }

    /// `<domain>.<name>`.
    public var rawValue: String { Domain.domain + "." + name }

    public var description: String { rawValue }
}

/// An error of the library's public API (the model is NIO's `FileSystemError`): a stable
/// ``code``, a ``message`` for people and the ``underlyingError`` that caused it, if any.
public protocol CodedError: Error, CustomStringConvertible {
    /// The first part of every code of this type (`package`, `fetch`, `container`).
    static var domain: String { get }
    /// What kind of failure this is.
    var code: ErrorCode<Self> { get }
    /// What happened, in words.
    var message: String { get }
    /// What caused it, when another error did (an I/O or network error, a package error, …).
    var underlyingError: (any Error)? { get }
}

extension CodedError {
    /// The message, followed by the cause unless the message already ends with it.
    public var description: String {
        guard let underlyingError else { return message }
        let cause = String(describing: underlyingError)
        return message.hasSuffix(cause) ? message : message + " (cause: " + cause + ")"
    }
}

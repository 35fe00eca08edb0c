// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A response read fully into memory (bounded by `maximumBodyBytes`).
public struct FetchedResponse: Sendable {
    public let url: URL
    public let status: Int
    /// Header fields, names lowercased.
    public let headers: [String: String]
    public let body: Data
}

/// HTTP(S) GETs with timeouts, retries with exponential backoff and jitter, size limits and
/// redirect limits, on AsyncHTTPClient's shared client.
public struct HTTPFetcher: Sendable {
    /// How requests behave.
    public struct Configuration: Sendable {
        /// Deadline of one attempt, connection included.
        public var timeout: Duration
        /// Attempts for transient failures (network errors, timeouts, 5xx, 408, 429).
        public var maximumAttempts: Int
        /// Backoff before the second attempt; doubles each time, with ±50% jitter.
        public var initialBackoff: Duration
        /// The longest backoff.
        public var maximumBackoff: Duration
        /// The largest body accepted into memory.
        public var maximumBodyBytes: Int64
        /// Sent as `User-Agent`.
        public var userAgent: String
        /// Which redirects `get` follows.
        public var redirects: RedirectPolicy

        /// Creates a configuration.
        public init(
            timeout: Duration = .seconds(15), maximumAttempts: Int = 3, initialBackoff: Duration = .milliseconds(200),
            maximumBackoff: Duration = .seconds(5), maximumBodyBytes: Int64 = 32 << 20,
            userAgent: String = "HybridContainer/1", redirects: RedirectPolicy = .anyOrigin
        ) {
            self.timeout = timeout
            self.maximumAttempts = max(1, maximumAttempts)
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
            self.maximumBodyBytes = maximumBodyBytes
            self.userAgent = userAgent
            self.redirects = redirects
        }
    }

    /// Which redirects `get` follows (at most 5, never from https to http).
    public enum RedirectPolicy: Sendable, Hashable {
        /// Any http(s) host (packages and channel files are verified by hash and signature).
        case anyOrigin
        /// Only to the origin (scheme, host, port) of the URL asked for: the online fallback,
        /// whose base URL names the one server an app's files may come from.
        case sameOrigin
    }

    /// Redirects followed by one `get`.
    static let maximumRedirects = 5

    /// A client that follows no redirects: `get` follows them itself, checking each hop.
    static let manualRedirectClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public let configuration: Configuration
    let client: HTTPClient

    /// Uses AsyncHTTPClient's process-wide shared client (redirects followed, cycles refused).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.client = HTTPClient.shared
    }

    /// GETs `url`, retrying transient failures. Non-2xx answers other than 304 are errors.
    public func get(_ url: URL, headers: [(String, String)] = []) async throws -> FetchedResponse {
        try await withRetries(url) { try await getOnce(url, headers: headers) }
    }

    /// Runs `attempt` up to `maximumAttempts` times while it fails transiently.
    func withRetries<T>(_ url: URL, _ attempt: () async throws -> T) async throws -> T {
        var backoff = configuration.initialBackoff
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try await attempt()
            } catch let error as FetchError {
                guard error.isTransient, attempts < configuration.maximumAttempts else { throw error.withAttempts(attempts) }
            } catch is CancellationError {
                throw FetchError.cancelled(url: url.absoluteString)
            }
            let jitter = Double.random(in: 0.5...1.5)
            try? await Task.sleep(for: backoff * jitter)
            if Task.isCancelled { throw FetchError.cancelled(url: url.absoluteString) }
            backoff = min(backoff * 2, configuration.maximumBackoff)
        }
    }

    func makeRequest(_ url: URL, headers: [(String, String)]) throws -> HTTPClientRequest {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil,
            NetworkPort.isUsable(url)
        else {
            throw FetchError.invalidURL(url.absoluteString)
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return request
    }

    /// Executes one request, mapping every client error to a `FetchError`.
    func execute(_ request: HTTPClientRequest, url: URL, client: HTTPClient? = nil) async throws -> HTTPClientResponse {
        do {
            return try await (client ?? self.client).execute(request, timeout: TimeAmount(configuration.timeout))
        } catch {
            throw Self.map(error, url: url)
        }
    }

    private func getOnce(_ url: URL, headers: [(String, String)]) async throws -> FetchedResponse {
        var current = url
        var redirects = 0
        var response = try await execute(try makeRequest(current, headers: headers), url: current, client: Self.manualRedirectClient)
        while [301, 302, 303, 307, 308].contains(response.status.code), let location = response.headers.first(name: "location") {
            _ = try? await response.body.collect(upTo: 64 << 10)
            guard redirects < Self.maximumRedirects else { throw FetchError.tooManyRedirects(url: url.absoluteString) }
            redirects += 1
            current = try nextHop(from: current, location: location, original: url)
            response = try await execute(try makeRequest(current, headers: headers), url: current, client: Self.manualRedirectClient)
        }
        let status = Int(response.status.code)
        guard (200..<300).contains(status) || status == 304 else {
            throw FetchError.httpStatus(url: url.absoluteString, status: status, attempts: 1)
        }
        let limit = configuration.maximumBodyBytes
        let declared = response.headers.first(name: "content-length").flatMap(Int64.init)
        if let declared, declared > limit { throw FetchError.bodyTooLarge(url: url.absoluteString, limit: limit) }
        var body = Data()
        do {
            for try await chunk in response.body {
                guard Int64(body.count + chunk.readableBytes) <= limit else {
                    throw FetchError.bodyTooLarge(url: url.absoluteString, limit: limit)
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as FetchError {
            throw error
        } catch {
            throw Self.map(error, url: url)
        }
        if let declared, declared != Int64(body.count) {
            throw FetchError.truncatedBody(url: url.absoluteString, expected: declared, received: Int64(body.count))
        }
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        return FetchedResponse(url: url, status: status, headers: fields, body: body)
    }

    /// Where a redirect leads, if the policy follows it.
    private func nextHop(from current: URL, location: String, original: URL) throws -> URL {
        guard let next = URL(string: location, relativeTo: current)?.absoluteURL,
            let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https", next.host != nil
        else { throw FetchError.redirectRefused(url: original.absoluteString, location: location, reason: "not an http(s) URL") }
        if current.scheme?.lowercased() == "https" && scheme == "http" {
            throw FetchError.redirectRefused(
                url: original.absoluteString, location: next.absoluteString, reason: "a downgrade from https to http")
        }
        if configuration.redirects == .sameOrigin, !Self.sameOrigin(next, original) {
            throw FetchError.redirectRefused(url: original.absoluteString, location: next.absoluteString, reason: "another origin")
        }
        return next
    }

    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func port(_ url: URL) -> Int { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80) }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased() && port(a) == port(b)
    }

    static func map(_ error: any Error, url: URL) -> FetchError {
        let text = url.absoluteString
        if let fetchError = error as? FetchError { return fetchError }
        if error is CancellationError { return .cancelled(url: text) }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout:
                return .timedOut(url: text, attempts: 1)
            case .redirectLimitReached, .redirectCycleDetected:
                return .tooManyRedirects(url: text)
            case .cancelled:
                return .cancelled(url: text)
            case .invalidURL, .emptyHost, .emptyScheme:
                return .invalidURL(text)
            case .remoteConnectionClosed:
                return .connectionFailed(url: text, reason: "the server closed the connection", attempts: 1)
            case .bodyLengthMismatch:
                return .truncatedBody(url: text, expected: -1, received: -1)
            default:
                return .connectionFailed(url: text, reason: "\(clientError)", attempts: 1)
            }
        }
        if let ioError = error as? IOError { return .connectionFailed(url: text, reason: ioError.description, attempts: 1) }
        return .connectionFailed(url: text, reason: "\(error)", attempts: 1, cause: error)
    }
}

extension TimeAmount {
    /// Saturates at `Int64.max` nanoseconds instead of overflowing (a trap) on huge durations.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, sumOverflow) = product.addingReportingOverflow(attoseconds / 1_000_000_000)
        self = .nanoseconds(overflow || sumOverflow ? (seconds < 0 ? .min : .max) : sum)
    }
}

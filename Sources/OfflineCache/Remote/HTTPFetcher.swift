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

        /// Creates a configuration.
        public init(
            timeout: Duration = .seconds(15), maximumAttempts: Int = 3, initialBackoff: Duration = .milliseconds(200),
            maximumBackoff: Duration = .seconds(5), maximumBodyBytes: Int64 = 32 << 20,
            userAgent: String = "HybridContainer/1"
        ) {
            self.timeout = timeout
            self.maximumAttempts = max(1, maximumAttempts)
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
            self.maximumBodyBytes = maximumBodyBytes
            self.userAgent = userAgent
        }
    }

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
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw FetchError.invalidURL(url.absoluteString)
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return request
    }

    /// Executes one request, mapping every client error to a `FetchError`.
    func execute(_ request: HTTPClientRequest, url: URL) async throws -> HTTPClientResponse {
        do {
            return try await client.execute(request, timeout: TimeAmount(configuration.timeout))
        } catch {
            throw Self.map(error, url: url)
        }
    }

    private func getOnce(_ url: URL, headers: [(String, String)]) async throws -> FetchedResponse {
        let response = try await execute(try makeRequest(url, headers: headers), url: url)
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
        return .connectionFailed(url: text, reason: "\(error)", attempts: 1)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

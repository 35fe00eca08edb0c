import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// `request({url, method, headers, data, dataType, timeout})` → `{status, headers, data}`:
/// native HTTP for apps, limited to the manifest's `allowedDomains`, rate-limited per app and
/// guarded per host by a circuit breaker (after `breakerThreshold` consecutive failures the
/// host is refused for `breakerCoolDown`, then one trial request is let through).
///
/// Errors: 4 domain not allowed, 2 bad parameters, 5 timeout, 6 network error,
/// 1002 rate limited, 1003 circuit open. Permission `request`.
public struct RequestPlugin: Plugin {
    public let name = "request"
    public static let rateLimited = BridgeErrorCode.plugin(1002)
    public static let circuitOpen = BridgeErrorCode.plugin(1003)

    /// Limits of the plugin.
    public struct Settings: Sendable {
        public var requestsPerSecond: Double
        public var burst: Double
        public var breakerThreshold: Int
        public var breakerCoolDown: Duration
        public var defaultTimeout: Duration
        public var maximumResponseBytes: Int

        /// Creates settings: 20 requests/s (burst 40), breaker at 5 failures for 30 s,
        /// 15 s timeout, 10 MiB responses.
        public init(
            requestsPerSecond: Double = 20, burst: Double = 40, breakerThreshold: Int = 5,
            breakerCoolDown: Duration = .seconds(30), defaultTimeout: Duration = .seconds(15),
            maximumResponseBytes: Int = 10 << 20
        ) {
            self.requestsPerSecond = requestsPerSecond
            self.burst = burst
            self.breakerThreshold = breakerThreshold
            self.breakerCoolDown = breakerCoolDown
            self.defaultTimeout = defaultTimeout
            self.maximumResponseBytes = maximumResponseBytes
        }
    }

    public let settings: Settings
    let limiter: RateLimiter
    let breaker: CircuitBreaker

    /// Creates the plugin.
    public init(settings: Settings = Settings()) {
        self.settings = settings
        limiter = RateLimiter(rate: settings.requestsPerSecond, burst: settings.burst)
        breaker = CircuitBreaker(threshold: settings.breakerThreshold, coolDown: settings.breakerCoolDown)
    }

    struct Params: Decodable {
        var url: String
        var method: String?
        var headers: [String: String]?
        var data: JSONValue?
        var dataType: String?
        var timeout: Double?
    }

    public var methods: [PluginMethod] {
        let plugin = self
        return [.async("request", permission: "request", timeout: .seconds(120)) { call in try await plugin.perform(call) }]
    }

    func perform(_ call: PluginCall) async throws -> JSONValue {
        let params = try call.decode(Params.self)
        guard let url = URL(string: params.url), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = url.host?.lowercased()
        else { throw call.reject(.invalidParameters, "request: url must be an absolute http(s) URL") }
        let app = call.app.descriptor
        guard Self.isAllowed(host: host, domains: app.allowedDomains) else {
            throw call.reject(.noPermission, "request: \(host) is not in \(app.appId)'s allowedDomains")
        }
        guard limiter.take(app.appId) else {
            throw call.reject(Self.rateLimited, "request: rate limit of \(settings.requestsPerSecond)/s exceeded")
        }
        guard breaker.allow(host) else {
            throw call.reject(Self.circuitOpen, "request: circuit open for \(host) after repeated failures; retry later")
        }
        let method = (params.method ?? "GET").uppercased()
        guard ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"].contains(method) else {
            throw call.reject(.invalidParameters, "request: unsupported method \(method)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in params.headers ?? [:] { request.headers.add(name: name, value: value) }
        switch params.data {
        case nil, .null?, .undefined?: break
        case .string(let text)?: request.body = .bytes(ByteBuffer(string: text))
        case .binary(let data)?: request.body = .bytes(ByteBuffer(data: data))
        case let value?:
            request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(value)))
            if !request.headers.contains(name: "Content-Type") { request.headers.add(name: "Content-Type", value: "application/json") }
        }
        let timeout = params.timeout.map { Duration.milliseconds(Int64($0)) } ?? settings.defaultTimeout
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            let (seconds, attoseconds) = timeout.components
            response = try await HTTPClient.shared.execute(
                request, timeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
            body = try await response.body.collect(upTo: settings.maximumResponseBytes)
        } catch {
            breaker.record(host, success: false)
            if let clientError = error as? HTTPClientError,
                clientError == .deadlineExceeded || clientError == .readTimeout || clientError == .connectTimeout
            {
                throw call.reject(.timeout, "request: \(url.absoluteString) timed out")
            }
            throw call.reject(.networkError, "request: \(url.absoluteString) failed: \(error)")
        }
        breaker.record(host, success: response.status.code < 500)
        var headers: [String: JSONValue] = [:]
        for header in response.headers { headers[header.name.lowercased()] = .string(header.value) }
        let bytes = Data(buffer: body)
        let data: JSONValue
        switch params.dataType?.lowercased() ?? "json" {
        case "arraybuffer": data = .binary(bytes)
        case "text": data = .string(String(decoding: bytes, as: UTF8.self))
        default: data = (try? JSONDecoder().decode(JSONValue.self, from: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
        }
        return ["status": .number(Double(response.status.code)), "headers": .object(headers), "data": data]
    }

    /// `host` equals an allowed domain or is a subdomain of one.
    static func isAllowed(host: String, domains: [String]) -> Bool {
        domains.contains { domain in
            let allowed = domain.lowercased()
            return host == allowed || host.hasSuffix("." + allowed)
        }
    }
}

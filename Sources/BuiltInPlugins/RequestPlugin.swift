// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Plugins

/// `request({url, method, headers, data, dataType, timeout})` → `{status, headers, data}`:
/// native HTTP for apps, limited to the manifest's `allowedDomains`, rate-limited per app and
/// guarded per host by a circuit breaker (after `breakerThreshold` consecutive failures the
/// host is refused for `breakerCoolDown`, then one trial request is let through).
///
/// Redirects, headers and hosts follow ``NetworkAccessPolicy`` (every hop is checked).
///
/// Errors: 4 domain not allowed (first hop or a redirect), 2 bad parameters (a forbidden
/// header, a timeout that is not 1–120,000 ms, …), 5 timeout, 6 network error,
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

    /// Creates the plugin; its rate limiter and circuit breaker read `time`.
    public init(settings: Settings = Settings(), time: TimeSource = .continuous) {
        self.settings = settings
        limiter = RateLimiter(rate: settings.requestsPerSecond, burst: settings.burst, time: time)
        breaker = CircuitBreaker(threshold: settings.breakerThreshold, coolDown: settings.breakerCoolDown, time: time)
    }

    struct Params: Decodable {
        var url: String
        var method: String?
        var headers: [String: String]?
        var data: JSONValue?
        var dataType: String?
        /// Milliseconds, 1 to ``maximumTimeoutMilliseconds``.
        var timeout: Double?
        /// `"follow"` (default: redirects followed within `allowedDomains`) or `"manual"` (the
        /// 3xx response itself is the result).
        var redirect: String?
    }

    /// The longest `timeout` an app may ask for, in milliseconds (the method's own deadline).
    public static let maximumTimeoutMilliseconds: Double = 120_000

    /// The client apps' requests go through. AsyncHTTPClient's shared client follows redirects
    /// on its own (to any host); this one follows none, so ``NetworkAccessPolicy`` checks every hop,
    /// and does not retry a connection that was refused.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        // A refused connection fails the call at once, as on the platforms (retrying it would
        // hold the app's call for its whole timeout and then answer a timeout).
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public var methods: [PluginMethod] {
        let plugin = self
        return [.async("request", permission: "request", timeout: .seconds(120)) { call in try await plugin.perform(call) }]
    }

    /// A request as it goes out on one hop.
    private struct Hop {
        var url: URL
        var method: String
        var headers: [(String, String)]
        var body: ByteBuffer?
    }

    func perform(_ call: PluginCall) async throws -> JSONValue {
        // Every parameter is checked before the rate limiter and the breaker are touched, so a
        // bad call never takes a half-open breaker's trial without recording its outcome.
        let params = try call.decode(Params.self)
        let app = call.app.descriptor
        let url = try NetworkAccessPolicy.checkedURL(params.url, domains: app.allowedDomains, api: "request", appId: app.appId.rawValue)
        let method = (params.method ?? "GET").uppercased()
        guard ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"].contains(method) else {
            throw call.reject(.invalidParameters, "request: unsupported method \(method)")
        }
        let appHeaders = params.headers ?? [:]
        try NetworkAccessPolicy.checkHeaders(appHeaders, api: "request")
        let timeout =
            try params.timeout.map {
                try AppNumbers.duration(milliseconds: $0, field: "request: timeout", in: 1...Self.maximumTimeoutMilliseconds)
            } ?? settings.defaultTimeout
        let followRedirects: Bool
        switch params.redirect?.lowercased() ?? "follow" {
        case "follow": followRedirects = true
        case "manual": followRedirects = false
        default: throw call.reject(.invalidParameters, "request: redirect must be \"follow\" or \"manual\"")
        }
        let dataType = params.dataType?.lowercased() ?? "json"
        guard ["json", "text", "arraybuffer"].contains(dataType) else {
            throw call.reject(.invalidParameters, "request: dataType must be json, text or arraybuffer")
        }
        var hop = Hop(url: url, method: method, headers: appHeaders.map { ($0.key, $0.value) }, body: nil)
        switch params.data {
        case nil, .null?, .undefined?: break
        case .string(let text)?: hop.body = ByteBuffer(string: text)
        case .binary(let data)?: hop.body = ByteBuffer(data: data)
        case let value?:
            guard let json = value.stringified() else {
                throw call.reject(.invalidParameters, "request: data must be a string, an ArrayBuffer or JSON (no binary inside objects)")
            }
            hop.body = ByteBuffer(string: json)
            if !appHeaders.keys.contains(where: { $0.lowercased() == "content-type" }) {
                hop.headers.append(("Content-Type", "application/json"))
            }
        }
        guard limiter.take(app.appId.rawValue) else {
            throw call.reject(Self.rateLimited, "request: rate limit of \(settings.requestsPerSecond)/s exceeded")
        }
        let host = url.host?.lowercased() ?? ""
        guard breaker.allow(host) else {
            throw call.reject(Self.circuitOpen, "request: circuit open for \(host) after repeated failures; retry later")
        }
        // From here on exactly one `record` answers the `allow` above.
        let response: (status: UInt, headers: HTTPHeaders, body: ByteBuffer)
        do {
            response = try await execute(hop, follow: followRedirects, deadline: .now + timeout, app: app)
        } catch let error as BridgeError {
            // The host answered; only our policy refused where it pointed.
            breaker.record(host, success: error.code == .noPermission)
            throw error
        } catch {
            breaker.record(host, success: false)
            throw call.reject(.networkError, "request: \(url.absoluteString) failed: \(error)")
        }
        breaker.record(host, success: response.status < 500)
        var headers = JSONObject()
        for header in response.headers { headers[header.name.lowercased()] = .string(header.value) }
        let bytes = Data(buffer: response.body)
        let data: JSONValue
        switch dataType {
        case "arraybuffer": data = .binary(bytes)
        case "text": data = .string(String(decoding: bytes, as: UTF8.self))
        // Parsed keeping the key order, as JSON.parse would.
        default: data = (try? JSONValue(parsing: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
        }
        return ["status": .number(Double(response.status)), "headers": .object(headers), "data": data]
    }

    /// Sends `hop`, following redirects the policy allows, until `deadline`.
    private func execute(
        _ first: Hop, follow: Bool, deadline: ContinuousClock.Instant, app: AppDescriptor
    ) async throws -> (status: UInt, headers: HTTPHeaders, body: ByteBuffer) {
        var hop = first
        var redirects = 0
        while true {
            var request = HTTPClientRequest(url: hop.url.absoluteString)
            request.method = HTTPMethod(rawValue: hop.method)
            for (name, value) in hop.headers { request.headers.add(name: name, value: value) }
            if let body = hop.body { request.body = .bytes(body) }
            let remaining = deadline - .now
            guard remaining > .zero else { throw BridgeError(.timeout, "request: \(first.url.absoluteString) timed out") }
            let response: HTTPClientResponse
            do {
                response = try await Self.client.execute(request, timeout: .nanoseconds(AppNumbers.nanoseconds(remaining)))
                let status = response.status.code
                if follow, [301, 302, 303, 307, 308].contains(status), let location = response.headers.first(name: "location") {
                    _ = try? await response.body.collect(upTo: 64 << 10)
                    guard redirects < NetworkAccessPolicy.maximumRedirects else {
                        throw BridgeError(.networkError, "request: more than \(NetworkAccessPolicy.maximumRedirects) redirects")
                    }
                    redirects += 1
                    let next = try NetworkAccessPolicy.redirectTarget(
                        from: hop.url, location: location, domains: app.allowedDomains, api: "request", appId: app.appId.rawValue)
                    if status == 303 || ((status == 301 || status == 302) && hop.method == "POST") {
                        hop.method = "GET"
                        hop.body = nil
                        hop.headers.removeAll { $0.0.lowercased() == "content-type" }
                    }
                    if !NetworkAccessPolicy.sameOrigin(first.url, next) {
                        hop.headers.removeAll { NetworkAccessPolicy.credentialHeaders.contains($0.0.lowercased()) }
                    }
                    hop.url = next
                    continue
                }
                let body = try await response.body.collect(upTo: settings.maximumResponseBytes)
                return (status, response.headers, body)
            } catch let error as BridgeError {
                throw error
            } catch let error as HTTPClientError
                where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout
            {
                throw BridgeError(.timeout, "request: \(first.url.absoluteString) timed out")
            } catch is NIOTooManyBytesError {
                throw BridgeError(.networkError, "request: the response is larger than \(settings.maximumResponseBytes) bytes")
            }
        }
    }

    /// `host` equals an allowed domain or is a subdomain of one.
    static func isAllowed(host: String, domains: [String]) -> Bool {
        NetworkAccessPolicy.isAllowed(host: host, domains: domains)
    }
}

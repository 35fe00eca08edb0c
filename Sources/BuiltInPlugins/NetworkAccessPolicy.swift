// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Plugins

/// The one policy for every networked JSAPI (`request` today; downloads, uploads and sockets use
/// the same checks as they arrive): which URLs an app may reach, which headers it may set, and
/// which redirects are followed.
///
/// - Every hop is checked: a redirect is followed only to an http(s) URL whose host is in the
///   app's `allowedDomains`, never from https to http, at most ``maximumRedirects`` times.
///   A redirect elsewhere fails with code 4 (a host outside the list, or a downgrade).
/// - Headers an app may not set (code 2): ``forbiddenHeaderNames``, every `Proxy-*` and
///   `Sec-*` name, names that are not HTTP tokens, values with CR, LF, NUL or other control
///   characters. `Cookie` and `Authorization` an app sets go to the host it named only: they are
///   dropped when a redirect leaves that origin.
public enum NetworkAccessPolicy {
    /// Redirects followed per call before it fails with code 6.
    public static let maximumRedirects = 5

    /// Header names (lowercased) an app may not set: they belong to the HTTP client (framing,
    /// connection management) or would let an app pick another virtual host behind an allowed
    /// address (`Host`).
    public static let forbiddenHeaderNames: Set<String> = [
        "host", "content-length", "transfer-encoding", "connection", "upgrade", "keep-alive", "te", "trailer",
        "expect", "http2-settings",
    ]

    /// Header prefixes (lowercased) an app may not set.
    public static let forbiddenHeaderPrefixes = ["proxy-", "sec-"]

    /// Headers dropped when a redirect leaves the origin the app named.
    static let credentialHeaders: Set<String> = ["cookie", "authorization"]

    /// `true` if `host` equals an allowed domain or is a subdomain of one.
    public static func isAllowed(host: String, domains: [String]) -> Bool { AppDescriptor.host(host, isIn: domains) }

    /// The URL an app asked for, if it is an absolute http(s) URL to an allowed host.
    /// - Throws: code 2 for a malformed URL, code 4 for a host outside `domains`.
    static func checkedURL(
        _ text: String, domains: [String], api: String, appId: String, schemes: Set<String> = ["http", "https"]
    ) throws(BridgeError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), schemes.contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw BridgeError(.invalidParameters, "\(api): url must be an absolute \(schemes.sorted().joined(separator: "/")) URL") }
        // Parsers disagree on userinfo and backslashes (`http://evil.com\@allowed/` has host
        // evil.com for browsers, allowed for Foundation): such URLs are refused outright.
        guard url.user == nil, url.password == nil, !text.contains("\\") else {
            throw BridgeError(.invalidParameters, "\(api): url must not hold credentials or backslashes")
        }
        guard NetworkPort.isUsable(url) else {
            throw BridgeError(.invalidParameters, "\(api): url port \(url.port ?? 0) is outside 1–65535")
        }
        guard isAllowed(host: host, domains: domains) else {
            throw BridgeError(.noPermission, "\(api): \(host.lowercased()) is not in \(appId)'s allowedDomains")
        }
        // The scheme that was checked is the one handed on (`WSS://` would otherwise reach clients
        // that match `wss` case-sensitively and fall back to plain text on port 80).
        guard url.scheme != scheme else { return url }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.scheme = scheme
        guard let normalized = components?.url else {
            throw BridgeError(.invalidParameters, "\(api): url must be an absolute \(schemes.sorted().joined(separator: "/")) URL")
        }
        return normalized
    }

    /// The next hop of a redirect from `current` to `location`, if the policy lets it be followed.
    /// - Throws: code 4 for a host outside `domains` or an https → http downgrade; code 6 for a
    ///   location that is not an http(s) URL.
    static func redirectTarget(
        from current: URL, location: String, domains: [String], api: String, appId: String
    ) throws(BridgeError) -> URL {
        guard let next = URL(string: location, relativeTo: current)?.absoluteURL,
            let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = next.host, !host.isEmpty
        else { throw BridgeError(.networkError, "\(api): the server redirected to an invalid location") }
        if next.user != nil || next.password != nil || location.contains("\\") {
            throw BridgeError(.networkError, "\(api): the server redirected to a URL with credentials or backslashes")
        }
        guard NetworkPort.isUsable(next) else {
            throw BridgeError(.networkError, "\(api): the server redirected to port \(next.port ?? 0), outside 1–65535")
        }
        if current.scheme?.lowercased() == "https" && scheme == "http" {
            throw BridgeError(.noPermission, "\(api): refused a redirect from https to http (\(host.lowercased()))")
        }
        guard isAllowed(host: host, domains: domains) else {
            throw BridgeError(
                .noPermission, "\(api): the server redirected to \(host.lowercased()), which is not in \(appId)'s allowedDomains")
        }
        return next
    }

    /// True if `a` and `b` share scheme, host and port.
    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased()
            && effectivePort(a) == effectivePort(b)
    }

    private static func effectivePort(_ url: URL) -> Int? {
        url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
    }

    /// Checks the headers an app set.
    /// - Throws: code 2 naming the first header an app may not set and why.
    static func checkHeaders(_ headers: some Sequence<(key: String, value: String)>, api: String) throws(BridgeError) {
        for (name, value) in headers {
            guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte) else {
                throw BridgeError(.invalidParameters, "\(api): header name \(quoted(name)) is not a valid HTTP field name")
            }
            let lowered = name.lowercased()
            if forbiddenHeaderNames.contains(lowered) || forbiddenHeaderPrefixes.contains(where: lowered.hasPrefix) {
                throw BridgeError(.invalidParameters, "\(api): apps may not set the \(name) header")
            }
            guard value.utf8.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7f) }) else {
                throw BridgeError(.invalidParameters, "\(api): the value of header \(name) contains a control character (CR, LF, NUL …)")
            }
        }
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            + "\""
    }
}

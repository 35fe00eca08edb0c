// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import AsyncHTTPClient
import Foundation
import HybridContainer

/// Remote images of pages (`<image src="https://…">`), fetched by the host for the picture, as
/// `downloadFile` would fetch them for the app: only from hosts in the app's `allowedDomains`,
/// http(s) only, no redirects, an image content type, at most ``maximumBytes`` within
/// ``deadline``. Anything else is drawn as a placeholder. The engine itself still reaches no
/// network (``PageEngine``). Answers (and refusals) are kept for the process, up to
/// ``maximumCachedBytes``.
public actor RemoteImages {
    /// The images of every picture in this process.
    public static let shared = RemoteImages()

    /// The largest image fetched.
    public static let maximumBytes = 5 << 20
    /// The longest one fetch may take.
    public static let deadline: Duration = .seconds(10)
    /// The most images fetched for one document (the rest are placeholders).
    public static let maximumPerDocument = 64
    /// What the cache holds at most; the oldest answers go first.
    public static let maximumCachedBytes = 64 << 20

    /// An image's bytes and its file extension (`png`, `jpg`, `gif`, `webp`, `svg`).
    public struct Image: Sendable, Hashable {
        public let data: Data
        public let fileExtension: String
    }

    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(3))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    private var cache: [String: Image?] = [:]
    private var order: [String] = []
    private var cachedBytes = 0

    /// How many fetches went to the network (tests).
    public private(set) var fetches = 0

    public init() {}

    /// The URL `src` names when it is a remote image an app with `app`'s domains may show.
    public static func allowedURL(_ src: String, app: AppDescriptor) -> URL? {
        let text = src.hasPrefix("//") ? "https:" + src : src
        guard !text.contains("\\"), let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty, url.user == nil, url.password == nil,
            app.allowsHost(host)
        else { return nil }
        return url
    }

    /// The image at `url`, nil when it cannot be fetched within the limits (kept: not asked again).
    public func image(at url: URL) async -> Image? {
        let key = url.absoluteString
        if let known = cache[key] { return known }
        fetches += 1
        let image = await Self.fetch(url)
        remember(key, image)
        return image
    }

    private func remember(_ key: String, _ image: Image?) {
        guard cache[key] == nil else { return }
        cache[key] = image
        order.append(key)
        cachedBytes += image?.data.count ?? 0
        while cachedBytes > Self.maximumCachedBytes, let oldest = order.first {
            order.removeFirst()
            cachedBytes -= (cache.removeValue(forKey: oldest) ?? nil)?.data.count ?? 0
        }
    }

    private static func fetch(_ url: URL) async -> Image? {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "Accept", value: "image/*")
        do {
            let response = try await client.execute(request, timeout: .seconds(deadline.components.seconds))
            guard (200..<300).contains(response.status.code) else { return nil }
            let type = (response.headers.first(name: "content-type") ?? "").lowercased()
            guard let fileExtension = fileExtension(contentType: type) else { return nil }
            var body = try await response.body.collect(upTo: maximumBytes)
            guard let bytes = body.readBytes(length: body.readableBytes), !bytes.isEmpty else { return nil }
            return Image(data: Data(bytes), fileExtension: fileExtension)
        } catch {
            return nil
        }
    }

    static func fileExtension(contentType: String) -> String? {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch type {
        case "image/png": return "png"
        case "image/jpeg", "image/jpg": return "jpg"
        case "image/gif": return "gif"
        case "image/webp": return "webp"
        case "image/svg+xml": return "svg"
        case "image/bmp": return "bmp"
        default: return nil
        }
    }
}

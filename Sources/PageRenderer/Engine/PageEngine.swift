// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer

#if canImport(Glibc)
import Glibc
#endif

/// A headless browser engine (Debian's Chromium) in its own process, started on the first
/// picture and reused for the next ones. Its failures are the picture's: a crash, a hang past
/// ``Options/deadline`` or a kill fails the picture with a ``PageEngineError`` and the next
/// picture starts a new process. Nothing of the engine runs until a picture is asked for.
public actor PageEngine {
    public struct Options: Sendable {
        /// The longest any one step (start, load, screenshot) may take.
        public var deadline: Duration = .seconds(30)
        /// The engine's executable; nil: `$HC_CHROMIUM` or `chromium` on PATH.
        public var executable: String?

        public init(deadline: Duration = .seconds(30), executable: String? = nil) {
            self.deadline = deadline
            self.executable = executable
        }
    }

    public let options: Options
    /// Every request the page might make beyond its `file://` folder.
    static let blockedURLPatterns = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*", "*://*:*"]
    private var process: EngineProcess?
    private var connection: DevToolsConnection?
    private var session: String?
    private var isShutDown = false
    /// How many engine processes were started (a restart after a crash counts).
    public private(set) var starts = 0

    public init(options: Options = .init()) {
        self.options = options
    }

    /// The engine's process id while it runs (tests kill it to try recovery).
    public var processID: Int32? { process.map { Int32($0.pid) } }

    /// A PNG of the document at `url` (a `file://` page) drawn on a `width × height` CSS-pixel
    /// viewport at `scale` device pixels per CSS pixel, after it loaded, its fonts are ready and
    /// two frames were drawn.
    public func picture(of url: URL, width: Double, height: Double, scale: Double) async throws -> Data {
        try await load(url, width: width, height: height, scale: scale)
        return try await guarded {
            let (connection, session) = try await started()
            return try await screenshot(connection, session)
        }
    }

    /// Loads the document at `url` on a `width × height` CSS-pixel viewport at `scale` and
    /// waits until it is drawn (loaded, fonts and images ready, two frames).
    public func load(_ url: URL, width: Double, height: Double, scale: Double) async throws {
        try await guarded {
            let (connection, session) = try await started()
            let deadline = options.deadline
            _ = try await connection.send(
                "Emulation.setDeviceMetricsOverride",
                [
                    "width": .number(width.rounded()), "height": .number(height.rounded()), "deviceScaleFactor": .number(scale),
                    "mobile": false,
                ],
                session: session, timeout: deadline)
            _ = try await connection.send("Page.navigate", ["url": .string(url.absoluteString)], session: session, timeout: deadline)
            try await waitUntilDrawn(connection, session)
        }
    }

    /// A PNG of the document as it is now (after changes made in place: its fonts and images
    /// ready and two frames drawn first).
    public func capture() async throws -> Data {
        try await guarded {
            let (connection, session) = try await started()
            // The document is loaded: its fonts and images settle; the screenshot draws a new frame itself.
            _ = try await Self.evaluate(
                "document.fonts.ready.then(() => Promise.all([...document.images].map((image) => image.decode().catch(() => null))))"
                    + ".then(() => location.href)", connection, session, timeout: options.deadline)
            return try await screenshot(connection, session)
        }
    }

    private func screenshot(_ connection: DevToolsConnection, _ session: String) async throws -> Data {
        let shot = try await connection.send(
            "Page.captureScreenshot", ["format": "png", "fromSurface": true], session: session, timeout: options.deadline)
        guard let base64 = shot["data"]?.stringValue, let png = Data(base64Encoded: base64) else {
            throw PageEngineError.protocolError(method: "Page.captureScreenshot", message: "no image in the answer")
        }
        return png
    }

    /// Evaluates `expression` in the current document and returns its JSON value (layout queries).
    public func evaluate(_ expression: String) async throws -> JSONValue {
        try await guarded {
            let (connection, session) = try await started()
            return try await Self.evaluate(expression, connection, session, timeout: options.deadline)
        }
    }

    /// The bounding rectangle (CSS pixels, relative to the page's area below the navigation
    /// bar) of the first element matching `selector` in the document last drawn, nil if none.
    public func boundingClientRect(_ selector: String) async throws -> (x: Double, y: Double, width: Double, height: Double)? {
        let literal = JSONValue.string(selector).stringified() ?? "\"\""
        let value = try await evaluate(
            """
            (() => { const page = document.querySelector('wx-page'); const element = page && page.querySelector(\(literal));
              if (!element) return null; const r = element.getBoundingClientRect(), p = page.getBoundingClientRect();
              return { x: r.left - p.left, y: r.top - p.top, width: r.width, height: r.height }; })()
            """)
        guard let x = value["x"]?.numberValue, let y = value["y"]?.numberValue, let width = value["width"]?.numberValue,
            let height = value["height"]?.numberValue
        else { return nil }
        return (x, y, width, height)
    }

    /// Stops the engine's process; later pictures fail with ``PageEngineError/shutDown``.
    public func shutdown() {
        isShutDown = true
        stopProcess()
    }

    private func guarded<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard !isShutDown else { throw PageEngineError.shutDown }
        do {
            return try await body()
        } catch let error as PageEngineError {
            switch error {
            case .timedOut, .exited, .launchFailed: stopProcess()
            default: break
            }
            throw error
        }
    }

    private func stopProcess() {
        process?.stop()
        process = nil
        connection = nil
        session = nil
    }

    private func started() async throws -> (DevToolsConnection, String) {
        // An engine that died between pictures is replaced here, before the picture needs it.
        if let connection, let session, let process, !process.isStopped, !connection.isClosed { return (connection, session) }
        stopProcess()
        // A write to an engine that just died must fail with EPIPE, not end the host.
        signal(SIGPIPE, SIG_IGN)
        let executable = try options.executable ?? EngineProcess.executable()
        let process = try EngineProcess(executable: executable)
        starts += 1
        let connection = DevToolsConnection(process: process)
        self.process = process
        self.connection = connection
        let target = try await connection.send("Target.createTarget", ["url": "about:blank"], timeout: options.deadline)
        guard let targetId = target["targetId"]?.stringValue else {
            throw PageEngineError.protocolError(method: "Target.createTarget", message: "no target id")
        }
        let attached = try await connection.send(
            "Target.attachToTarget", ["targetId": .string(targetId), "flatten": true], timeout: options.deadline)
        guard let session = attached["sessionId"]?.stringValue else {
            throw PageEngineError.protocolError(method: "Target.attachToTarget", message: "no session id")
        }
        // The page reads its own folder and nothing else: an app's sheet cannot make the engine
        // fetch from the network (`url(https://…)`, `@font-face`), whatever its allowedDomains.
        _ = try await connection.send("Network.enable", [:], session: session, timeout: options.deadline)
        _ = try await connection.send(
            "Network.setBlockedURLs", ["urls": .array(Self.blockedURLPatterns.map(JSONValue.string))], session: session,
            timeout: options.deadline)
        self.session = session
        return (connection, session)
    }

    /// The document loaded, its fonts and images ready, two animation frames drawn. A navigation
    /// still committing can destroy the first evaluation's context: tried again, within the deadline.
    private func waitUntilDrawn(_ connection: DevToolsConnection, _ session: String) async throws {
        let ready = """
            new Promise((resolve) => { if (document.readyState === 'complete') resolve(); else addEventListener('load', () => resolve()); })
              .then(() => document.fonts.ready)
              .then(() => Promise.all([...document.images].map((image) => image.decode().catch(() => null))))
              .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(location.href)))))
            """
        var lastError: (any Error)?
        for _ in 0..<5 {
            do {
                let href = try await Self.evaluate(ready, connection, session, timeout: options.deadline)
                if href.stringValue?.hasPrefix("file:") == true { return }
            } catch PageEngineError.protocolError(_, let message) {
                lastError = PageEngineError.protocolError(method: "Runtime.evaluate", message: message)
            }
        }
        throw lastError ?? PageEngineError.protocolError(method: "Runtime.evaluate", message: "the page never finished loading")
    }

    static func evaluate(
        _ expression: String, _ connection: DevToolsConnection, _ session: String, timeout: Duration
    ) async throws -> JSONValue {
        let answer = try await connection.send(
            "Runtime.evaluate", ["expression": .string(expression), "awaitPromise": true, "returnByValue": true],
            session: session, timeout: timeout)
        if let exception = answer["exceptionDetails"] {
            let text = exception["exception"]?["description"]?.stringValue ?? exception["text"]?.stringValue ?? "\(exception)"
            throw PageEngineError.protocolError(method: "Runtime.evaluate", message: text)
        }
        return answer["result"]?["value"] ?? .undefined
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Synchronization
import Testing

@Suite("Launch sources: package file, folder, online copy, fused app served online")
struct LaunchSourceTests {
    /// Serves a package's files (manifest, signature and app files) the way an online copy is laid out.
    /// `signatureStatus`: answer `manifest.sig` with this HTTP status instead of the signature.
    func serveOnlineCopy(of package: URL, key: PackageSigningKey, signatureStatus: Int? = nil) async throws -> LoopbackServer {
        let verified = try PackageVerifier.verify(packageAt: package, trusting: TrustedKeys([key.publicKey]))
        let signature = try ManifestSignature(signing: verified.manifestBytes, with: key).encoded()
        let fixture = try ContainerFixture()
        _ = fixture
        var files: [String: Data] = ["/manifest.json": verified.manifestBytes, "/manifest.sig": signature]
        let store = try PackageStore(
            configuration: .init(
                root: FileManager.default.temporaryDirectory.appendingPathComponent("online-copy-\(UUID().uuidString)"),
                trustedKeys: TrustedKeys([key.publicKey])))
        try store.install(packageAt: package)
        let active = try #require(try store.activePackage(verified.manifest.appId))
        for path in verified.manifest.files.keys {
            files["/" + path] = try Data(contentsOf: active.filesDirectory.appendingPathComponent(path))
        }
        let served = files
        return try await LoopbackServer.start { request in
            if let signatureStatus, request.path == "/manifest.sig" { return .response(status: signatureStatus) }
            return served[request.path].map { .ok($0) } ?? .notFound
        }
    }

    @Test("a package file is installed and launched; a folder needs developer mode")
    func packageFileAndFolder() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        let package = try fixture.pack("filed", script: "App({ onLaunch() { JSBridge.callSync('log', { entry: 'filed up' }); } })")
        let app = try await container.launch(.packageFile(package))
        #expect(app.appId.rawValue == "filed" && app.source == .offline)
        #expect(fixture.log.all.contains("filed up"))
        let folder = fixture.root.appendingPathComponent("folder-app")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("App({})".utf8).write(to: folder.appendingPathComponent("index.js"))
        try Data(#"{"appId": "folder", "name": "Folder", "version": "0.1", "entry": "index.js"}"#.utf8)
            .write(to: folder.appendingPathComponent("manifest.json"))
        await #expect {
            try await container.launch(.directory(folder))
        } throws: { error in
            guard case .developerModeRequired? = (error as? ContainerError)?.details else { return false }
            return true
        }
        let developer = try await fixture.container {
            $0.developerMode = true; $0.storeDirectory = fixture.root.appendingPathComponent("dev-store")
        }
        let dev = try await developer.launch(.directory(folder))
        #expect(dev.source == .developer && dev.version.description == "0.1")
        await developer.shutdown()
        await container.shutdown()
    }

    @Test("an app that is not installed launches from its online copy, signature and hash checked")
    func onlineLaunch() async throws {
        let fixture = try ContainerFixture()
        let package = try fixture.pack(
            "remote", script: "App({ onLaunch(o) { JSBridge.callSync('log', { entry: 'remote ' + o.source }); } })")
        let server = try await serveOnlineCopy(of: package, key: fixture.key)
        let container = try await fixture.container()
        let app = try await container.launch(.online(appId: "remote", fallbackBaseURL: server.baseURL))
        #expect(app.source == .online)
        #expect(fixture.log.all.contains("remote online"))
        let info = try await container.context(of: app.instanceID).evaluate("JSBridge.callSync('getAppInfo')")
        #expect(info["offline"] == false)
        // A copy signed by a stranger is refused.
        let stranger = try ContainerFixture()
        let foreign = try await serveOnlineCopy(of: try stranger.pack("remote", script: "App({})"), key: stranger.key)
        await #expect {
            try await container.launch(.online(appId: "remote", fallbackBaseURL: foreign.baseURL))
        } throws: { error in
            guard let error = error as? ContainerError, error.code == .loadFailed else { return false }
            return (error.underlyingError as? PackageError)?.code == .unknownSigner
        }
        await container.shutdown()
        await server.shutdown()
        await foreign.shutdown()
    }

    @Test("a manifest.sig the server fails to serve is a network failure with its cause, not an unsigned copy")
    func signatureFetchFailureKeepsItsCause() async throws {
        let fixture = try ContainerFixture()
        let package = try fixture.pack("remote", script: "App({})")
        let failing = try await serveOnlineCopy(of: package, key: fixture.key, signatureStatus: 500)
        let missing = try await serveOnlineCopy(of: package, key: fixture.key, signatureStatus: 404)
        let container = try await fixture.container()
        do {
            _ = try await container.launch(.online(appId: "remote", fallbackBaseURL: failing.baseURL))
            Issue.record("a copy whose signature could not be fetched was launched")
        } catch let error as ContainerError {
            #expect(error.code == .loadFailed && error.appId == "remote")
            let cause = try #require(error.underlyingError as? FetchError, "\(error)")
            #expect(cause.code == .httpStatus && cause.httpStatus == 500)
        }
        do {
            _ = try await container.launch(.online(appId: "remote", fallbackBaseURL: missing.baseURL))
            Issue.record("an unsigned online copy was launched outside developer mode")
        } catch let error as ContainerError {
            #expect(error.code == .loadFailed)
            #expect((error.underlyingError as? PackageError)?.code == .unsignedPackageRefused)
        }
        await container.shutdown()
        await failing.shutdown()
        await missing.shutdown()
    }

    @Test("error codes are stable strings; equality compares facts, not causes")
    func codesAreStable() {
        #expect(PackageError.hashMismatch(path: "a.js", expected: "1", actual: "2").code.rawValue == "package.hashMismatch")
        #expect(FetchError.timedOut(url: "u", attempts: 1).code.rawValue == "fetch.timedOut")
        #expect(ContainerError.shutDown.code.rawValue == "container.shutDown")
        let io = PackageError.storeIO(operation: "write", path: "/x", reason: "disk full", cause: CocoaError(.fileWriteOutOfSpace))
        #expect(io == PackageError.storeIO(operation: "write", path: "/x", reason: "disk full"))
        #expect((io.underlyingError as? CocoaError)?.code == .fileWriteOutOfSpace)
        #expect(io.message == "package store could not write /x: disk full")
    }

    @Test("a fused app with an online copy is launched from it instead")
    func fusedGoesOnline() async throws {
        let fixture = try ContainerFixture()
        let good = try fixture.pack("sturdy", script: "App({})", version: "1.0.0")
        let server = try await serveOnlineCopy(of: good, key: fixture.key)
        let container = try await fixture.container {
            $0.fuseThreshold = 1
            $0.onlineApps = [.init(appId: AppID(rawValue: "sturdy")!, fallbackBaseURL: server.baseURL)]
        }
        try fixture.install("sturdy", script: "throw new Error('broken offline package')", version: "2.0.0", into: container)
        await #expect(throws: ContainerError.self) { try await container.launch(.installed("sturdy")) }
        let app = try await container.launch(.installed("sturdy"))
        #expect(app.source == .online && app.version.description == "1.0.0")
        #expect(fixture.log.all.contains { $0.contains("sturdy served online: fused") })
        await container.shutdown()
        await server.shutdown()
    }

    @Test("a per-app plugin gets one instance per app instance, set up and torn down")
    func perAppScope() async throws {
        let fixture = try ContainerFixture()
        let log = fixture.log
        var configuration = try fixture.configuration()
        try configuration.plugins.register(
            perApp: "session",
            methods: [.sync("sessionId", permission: nil) { call in .number(Double(call.app.descriptor.instanceID)) }]
        ) { app in SessionPlugin(instance: app.descriptor.instanceID, log: log) }
        let container = try await MicroAppContainer(configuration: configuration)
        try fixture.install("scoped", script: "App({})", into: container)
        let first = try await container.launch(.installed("scoped"))
        let second = try await container.launch(.installed("scoped"))
        try await container.destroy(first.instanceID)
        #expect(
            log.all.filter { $0.hasPrefix("session") } == [
                "session \(first.instanceID) setUp", "session \(second.instanceID) setUp", "session \(first.instanceID) tearDown",
            ])
        #expect(
            try await container.context(of: second.instanceID).evaluate("JSBridge.callSync('sessionId')")
                == .number(Double(second.instanceID)))
        await container.shutdown()
    }
}

struct SessionPlugin: Plugin {
    let name = "session"
    let instance: UInt64
    let log: EventLog

    func setUp(_ app: AppHandle) async throws { log.append("session \(instance) setUp") }
    func tearDown(_ app: AppHandle) async { log.append("session \(instance) tearDown") }
}

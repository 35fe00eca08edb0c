// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

/// Every example app under Examples/ runs through the container with the built-ins and
/// prints what its comments promise.
@Suite("The example apps")
struct ExamplesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples").standardized

    /// Packs, installs and runs one example until idle; returns its console lines.
    func run(
        _ name: String, query: [String: String] = [:], container: MicroAppContainer, fixture: ContainerFixture
    )
        async throws -> [String]
    {
        let package = fixture.root.appendingPathComponent("\(name)-\(UUID().uuidString).zip")
        try PackageBuilder.build(from: Self.examples.appendingPathComponent(name), signingKey: fixture.key, output: package)
        let app = try await container.launch(.packageFile(package), options: LaunchOptions(query: query))
        let idle = await (try container.context(of: app.instanceID)).waitUntilIdle(timeout: .seconds(60))
        #expect(idle, "\(name) never went idle")
        try await container.destroy(app.instanceID)
        return fixture.log.all.compactMap { line in
            guard line.hasPrefix("event: [\(name)] ") else { return nil }
            return String(line.dropFirst("event: [\(name)] ".count))
        }
    }

    @Test("hello, todo, timers and weather do what they say")
    func examples() async throws {
        let fixture = try ContainerFixture()
        let web = fixture.root.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: web.appendingPathComponent("api"), withIntermediateDirectories: true)
        try Data(#"{"city": "Oslo", "temperature": -3, "sky": "snowy"}"#.utf8).write(to: web.appendingPathComponent("api/weather.json"))
        let server = try await LoopbackServer.serving(web)
        let container = try await fixture.container { $0.probationPeriod = .zero }

        let hello = try await run("hello", container: container, fixture: fixture)
        #expect(hello.contains("visit number 1 (kept in SQLite between launches)"))
        #expect(hello.contains { $0.hasPrefix("expected refusal: error 4") })
        #expect(try await run("hello", container: container, fixture: fixture).contains("visit number 2 (kept in SQLite between launches)"))

        let todo = try await run("todo", container: container, fixture: fixture)
        #expect(todo.contains("[ ] item added at launch 1"))

        let timers = try await run("timers", container: container, fixture: fixture)
        #expect(timers.contains("order of the first turn: script → promise job → timeout"))
        #expect(timers.contains { $0.hasPrefix("onError caught") })

        let weather = try await run("weather", query: ["api": server.url("/api").absoluteString], container: container, fixture: fixture)
        #expect(weather.contains("HTTP 200: Oslo is -3°C and snowy"))
        #expect(weather.contains { $0.hasPrefix("example.com refused as expected (error 4") })

        await container.shutdown()
        await server.shutdown()
    }

    @Test(
        "the platform-features mini-program (TypeScript page, subpackage, require.async, global, key order) passes --all-pages from the CLI"
    )
    func platformFeatures() async throws {
        let folder = Self.examples.appendingPathComponent("platform-miniprogram").path
        let store = try ContainerFixture().root.appendingPathComponent("cli-store").path
        let result = try await ChildProcess.run(
            "container-demo", ["run", folder, "--all-pages", "--store", store], safetyLimit: .seconds(120))
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("JavaScript errors: 0"), "\(result.stdout)")
        #expect(result.stdout.contains("keys title,tags,done; global true; lazy tool from the subpackage; canIUse('stopWifi') false"))
        #expect(result.stdout.contains("Unsupported API calls: "))
        #expect(result.stdout.contains("selector answers: [null]"))
    }

    @Test(
        "the library example (npm library with a helper, decorator card, TypeScript badge, WXS, compiled-framework page, cloud, canvas) passes --all-pages and draws its trees"
    )
    func libraryExample() async throws {
        let folder = Self.examples.appendingPathComponent("library-miniprogram").path
        let store = try ContainerFixture().root.appendingPathComponent("cli-store").path
        let smoke = try await ChildProcess.run(
            "container-demo", ["run", folder, "--all-pages", "--store", store, "--device", "iphone-15"], safetyLimit: .seconds(120))
        #expect(smoke.status == 0, "\(smoke.stdout)\n\(smoke.stderr)")
        for line in [
            "JavaScript errors: 0", "Template errors: 0", "device iPhone iPhone 15, SDK 3.14.2, window 393x852", "box animated",
            "canvas 200x100: 2 drawing steps recorded", "ad: InterstitialAd.show:fail not supported by this host",
        ] {
            #expect(smoke.stdout.contains(line), "\(line)\n\(smoke.stdout)")
        }
        let index = try await ChildProcess.run(
            "container-demo", ["run", folder, "--print-tree", "--tap", "#press >>> .mini-button", "--store", store],
            safetyLimit: .seconds(120))
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stdout.contains("    view.mini-button.mini-button--primary.custom-class \"Press\"\n"), "\(index.stdout)")
        #expect(index.stdout.contains("      text.card-title \"A decorator-built card\"\n"))
        #expect(index.stdout.contains("    text.badge \"info: typed\"\n"))
        #expect(index.stdout.contains("    text.badge \"danger: typed\"\n"), "the TypeScript badge follows the tap")
        let grammar = try await ChildProcess.run(
            "container-demo", ["run", folder, "--page", "pages/grammar/grammar", "--print-tree", "--store", store],
            safetyLimit: .seconds(120))
        #expect(grammar.stdout.contains("  view#bem.lib-tag.lib-tag--on.lib-tag--big \"day 3, digits true\"\n"), "\(grammar.stdout)")
        #expect(grammar.stdout.contains("  text.profile \"Ada (admin, 2026)\"\n"))
        let framework = try await ChildProcess.run(
            "container-demo", ["run", folder, "--page", "pages/framework/framework", "--print-tree", "--tap", ".header", "--store", store],
            safetyLimit: .seconds(120))
        #expect(framework.stdout.contains("    text.deep \"deep text\"\n"), "\(framework.stdout)")
        #expect(framework.stdout.contains("    view.wrapped \"in a wrapper\"\n"))
        #expect(framework.stdout.contains("    \"tapped h\"\n"))
    }

    @Test("the render examples print their trees before and after taps driven from the CLI, and pass --all-pages")
    func renderFromCLI() async throws {
        let fixture = try ContainerFixture()
        let store = fixture.root.appendingPathComponent("cli-store").path
        let folder = Self.examples.appendingPathComponent("render-miniprogram").path
        let result = try await ChildProcess.run(
            "container-demo", ["run", folder, "--print-tree", "--tap", "#inc", "--input", "#nothing-here=1", "--store", store],
            safetyLimit: .seconds(120))
        #expect(result.status != 0, "a selector that matches nothing fails the run")
        #expect(result.stderr.contains("no node matches \"#nothing-here\""), "\(result.stderr)")
        let driven = try await ChildProcess.run(
            "container-demo", ["run", folder, "--print-tree", "--tap", "#inc", "--tap", ".fruit", "--store", store],
            safetyLimit: .seconds(120))
        #expect(driven.status == 0, "\(driven.stdout)\n\(driven.stderr)")
        let trees = driven.stdout.components(separatedBy: "page pages/index/index\n")
        #expect(trees.count == 3, "two trees on stdout and nothing else: \(driven.stdout)")
        #expect(trees.first == "")
        #expect(trees.dropFirst().first?.contains("    text#count.label \"Count: 0\"\n") == true)
        #expect(trees.last?.contains("    text#count.label \"Count: 1\"\n") == true)
        #expect(trees.last?.contains("    view#picked \"Picked apple\"\n") == true)
        for example in ["render-miniprogram", "alipay-miniprogram"] {
            let smoke = try await ChildProcess.run(
                "container-demo", ["run", Self.examples.appendingPathComponent(example).path, "--all-pages", "--store", store],
                safetyLimit: .seconds(120))
            #expect(smoke.status == 0, "\(smoke.stdout)\n\(smoke.stderr)")
            #expect(smoke.stdout.contains("Template errors: 0"), "\(smoke.stdout)")
        }
    }
}

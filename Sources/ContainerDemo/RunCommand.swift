// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer
import Logging
import PageRenderer

/// `container-demo run <target>`: one app from a folder (developer mode), a package file or the store.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an app: a folder (developer mode), a package file, or an installed appId.",
        discussion: """
            Console output goes to stdout; lifecycle and diagnostics to stderr. The app runs until \
            it is idle (no timers or pending calls) or --duration ends (an app that never goes idle is \
            stopped then: onStop/onHide, then destroy), then stops and is destroyed. \
            Exits with status 1 if the app raised JavaScript errors.

            Mini-programs render headless: --page opens a page (with --query as its query), --tap and \
            --input drive it by selector once it is ready (in command-line order), --print-tree prints \
            its rendered tree (stable text form, for snapshots) after onReady and after the actions.

            With --all-pages (mini-programs: an app.json entry), every page listed in app.json, \
            subpackages included, is opened in turn (reLaunch) through onLoad, onShow, onReady, \
            onHide and onUnload; a summary of pages visited, API calls by name and JavaScript errors \
            with file:line follows. Each page gets --settle seconds to go idle; one that does not (an \
            animation interval) is listed as busy and the run goes on. Use it as a CI check of a mini-program.

            Pictures (headless Chromium, started on demand): --screenshot FILE.png draws the driven page \
            after onReady (FILE-N.png after the N-th action); with --all-pages, --pictures DIR writes \
            DIR/<route>.png and DIR/index.html, and --compare BASEDIR compares each page with \
            BASEDIR/<route>.png, writes <route>.diff.png for the pages that differ and exits 1 naming them.

            Seeing what the app did: --trace FILE.json writes a timeline (launch and its steps, hooks, JSAPI \
            calls with their result codes, setData, navigation, fallbacks; counters) for Perfetto or \
            chrome://tracing; --dump storage|data|routes prints the app's storage, each page's data and the \
            page stack at the end of the run (--json: as one JSON object).
            """)

    @Argument(help: "A folder, a package file (.zip) or an installed appId.")
    var target: String

    @Option(name: .customLong("query"), help: "A launch parameter k=v (repeatable).")
    var queryItems: [String] = []

    @Option(help: "Stop the app after this many seconds if it is not idle.")
    var duration: Double = 30

    @Flag(help: "Mini-programs: visit every page of app.json, print a summary, fail on any JavaScript error.")
    var allPages = false

    @Option(help: "With --all-pages: seconds each page may take to go idle before the run moves on (it is then listed as busy).")
    var settle: Double = 3

    @Option(help: "Mini-programs: open this page (a route of app.json, with --query as its query) instead of the entry page.")
    var page: String?

    @Option(help: "Mini-programs: tap the first node this selector matches, after the page is ready (repeatable, in order with --input).")
    var tap: [String] = []

    @Option(help: "Mini-programs: SELECTOR=VALUE fires an input event with that value (repeatable, in order with --tap).")
    var input: [String] = []

    @Flag(
        help:
            "Mini-programs: print the page's rendered tree after onReady and again after the taps and inputs (stdout; app console goes to stderr)."
    )
    var printTree = false

    @Option(
        help: """
            Mini-programs: the virtual device every info API answers from: a built-in profile \
            (\(VirtualDevice.builtIns.map(\.name).joined(separator: ", ")); default iphone-se) or a JSON file whose keys \
            are getSystemInfoSync's field names.
            """)
    var device: String?

    @Option(help: "Mini-programs: a scope the headless user has granted (scope.userLocation …; repeatable). Default: none.")
    var grant: [String] = []

    @Option(help: "Mini-programs: write a PNG of the page after onReady (and FILE-N.png after the N-th --tap/--input).")
    var screenshot: String?

    @Option(help: "With --all-pages: write DIR/<route>.png for every page and DIR/index.html, a contact sheet.")
    var pictures: String?

    @Option(help: "With --all-pages: compare every page's picture with BASEDIR/<route>.png; exit 1 naming the pages that differ.")
    var compare: String?

    @Option(help: "With --compare: the share of a picture's pixels that may differ (antialiasing), 0 to 1.")
    var tolerance: Double = 0.001

    @Option(help: "With --compare: where difference images go (default: the --pictures folder, else ./picture-differences).")
    var differences: String?

    @Option(help: "Launch an app that is not installed from its online copy at this URL.")
    var fallback: String?

    @Option(
        help:
            "Write the run's spans and counters to this file in the Chrome trace-event format (open it in ui.perfetto.dev or chrome://tracing)."
    )
    var trace: String?

    @Option(help: "At the end of the run print a panel: storage, data (each page's), routes (the page stack). Repeatable.")
    var dump: [PanelDump.Panel] = []

    @Flag(help: "With --dump: print the panels as one JSON object.")
    var json = false

    @Option(
        help: """
            Make the app's JavaScript debuggable with WebKit's Web Inspector on 127.0.0.1:PORT \
            (e.g. MiniBrowser inspector://127.0.0.1:PORT): targets named appId #instance; debugger; \
            statements and breakpoints pause the app (no watchdog while inspecting); the run lasts --duration.
            """)
    var inspect: Int?

    @OptionGroup var trust: TrustOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let telemetry = try Telemetry(tracePath: trace)
        do {
            try await runApp(telemetry: telemetry)
        } catch {
            await telemetry.finish()
            throw error
        }
        await telemetry.finish()
    }

    private func runApp(telemetry: Telemetry) async throws {
        if let inspect {
            do {
                try RemoteInspection.start(port: inspect)
            } catch {
                throw ValidationError("--inspect: \(error)")
            }
            Terminal.diagnostic(
                "  • inspector on 127.0.0.1:\(inspect) (MiniBrowser inspector://127.0.0.1:\(inspect)); targets: appId #instance")
        }
        guard duration.isFinite, duration > 0, duration <= 86_400 else { throw ValidationError("--duration takes 0 to 86400 seconds") }
        guard settle.isFinite, settle > 0, settle <= 3_600 else { throw ValidationError("--settle takes 0 to 3600 seconds") }
        var query: [String: String] = [:]
        for item in queryItems {
            guard let separator = item.firstIndex(of: "=") else { throw ValidationError("--query takes k=v, got \(item)") }
            query[String(item[..<separator])] = String(item[item.index(after: separator)...])
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        let source: LaunchSource
        if let fallback {
            guard let url = URL(string: fallback), url.scheme != nil else { throw ValidationError("invalid --fallback URL \(fallback)") }
            source = .online(appId: target, fallbackBaseURL: url)
        } else if exists && isDirectory.boolValue {
            Terminal.diagnostic("warning: \(target) runs in developer mode (unsigned, not verified)")
            source = .directory(URL(fileURLWithPath: target))
        } else if exists {
            source = .packageFile(URL(fileURLWithPath: target))
        } else if target.contains("/") || target.hasPrefix(".") || target.hasSuffix(".zip") {
            // A path, not an appId: say what is missing instead of "invalid appId".
            throw ValidationError("no such folder, package file or installed app: \(target)")
        } else {
            source = .installed(target)
        }
        let actions = try PageAction.inCommandLineOrder(taps: tap, inputs: input)
        let virtualDevice = try DeviceOption.resolve(device)
        let grants = Set(grant)
        guard tolerance.isFinite, (0...1).contains(tolerance) else { throw ValidationError("--tolerance takes 0 to 1") }
        if (pictures != nil || compare != nil) && !allPages { throw ValidationError("--pictures and --compare need --all-pages") }
        let drivesPage = page != nil || printTree || !actions.isEmpty || screenshot != nil
        // Runs that take pictures follow every page in the engine from its first render, so the
        // app's layout queries answer from it; the engine itself starts with the first question.
        let live = screenshot != nil || pictures != nil || compare != nil ? LivePages() : nil
        let host = try await DemoHost(
            storeDirectory: storeOptions.storeURL, trustedKeys: try trust.trustedKeys(rememberedIn: storeOptions.storeURL),
            developerMode: { if case .directory = source { true } else { false } }(), consoleToStandardError: printTree
        ) {
            $0.miniProgram.device = virtualDevice
            $0.miniProgram.grantedScopes = grants
            $0.miniProgram.layoutEngine = live
            if let tracer = telemetry.tracer { $0.tracer = tracer }
            if inspect != nil {
                // A paused app is not a runaway one: no watchdog, no stalled-thread quarantine.
                $0.executionTimeLimit = .seconds(86_400)
                $0.runtimeStallLimit = .seconds(3 * 86_400)
                $0.hookTimeout = .seconds(86_400)
            }
            if let factory = telemetry.logHandlerFactory { $0.logger = Logger(label: "hybrid.container", factory: factory) }
        }
        let panels = dump.isEmpty ? nil : PanelDump(panels: dump, json: json, storageDatabase: host.storageDatabase)
        do {
            if allPages {
                let run = PicturesRun(
                    pictures: pictures, compare: compare, differences: differences, tolerance: tolerance, live: live ?? LivePages())
                let container = host.container
                let visit: (@Sendable (MiniProgramSession, Int, String) async throws -> Void)? =
                    run.isActive || panels != nil
                    ? { @Sendable session, index, route in
                        let count = session.config.allPages.count
                        if run.isActive { await run.visit(session, index: index, of: count, route: route) }
                        if index == count - 1 { try await panels?.print(session.app, container: container) }
                    } : nil
                let report = try await host.container.smokeTest(
                    source, options: LaunchOptions(query: query), pageTimeout: .seconds(settle), visit: visit)
                Terminal.output(report.description)
                let picturesPassed = run.isActive ? await run.finish(appName: target) : true
                await host.container.shutdown()
                if !report.passed || !picturesPassed { throw ExitCode(1) }
                return
            }
            if drivesPage {
                // The engine starts with the first picture; it is stopped however the drive ends.
                do {
                    try await host.drivePage(
                        source, page: page, query: query, actions: actions, printTree: printTree,
                        screenshot: screenshot.flatMap { file in live.map { (file, $0) } }, deadline: .seconds(duration),
                        panels: panels)
                } catch {
                    await live?.shutdown()
                    throw error
                }
                await live?.shutdown()
            } else {
                try await host.runToCompletion(
                    source, query: query, duration: .seconds(duration), panels: panels, stayUntilDuration: inspect != nil)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.diagnostic("error: \(ErrorText.describe(error))")
            await host.container.shutdown()
            await live?.shutdown()
            throw ExitCode(1)
        }
        await host.container.shutdown()
        if host.errorCount > 0 { throw ExitCode(1) }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer
import PageRenderer

/// One step `run --tap/--input` performs on a rendered page.
enum PageAction: Sendable, Equatable {
    case tap(String)
    case input(selector: String, value: String)

    /// The actions in the order they appear on the command line (ArgumentParser keeps each
    /// option's own order only; the raw arguments give the interleaving).
    static func inCommandLineOrder(
        taps: [String], inputs: [String], arguments: [String] = CommandLine.arguments
    ) throws -> [PageAction] {
        var kinds: [String] = []
        for argument in arguments {
            if argument == "--tap" || argument.hasPrefix("--tap=") { kinds.append("tap") }
            if argument == "--input" || argument.hasPrefix("--input=") { kinds.append("input") }
        }
        if kinds.count != taps.count + inputs.count {
            kinds = Array(repeating: "tap", count: taps.count) + Array(repeating: "input", count: inputs.count)
        }
        var tapIterator = taps.makeIterator()
        var inputIterator = inputs.makeIterator()
        return try kinds.compactMap { kind -> PageAction? in
            if kind == "tap" { return tapIterator.next().map(PageAction.tap) }
            guard let item = inputIterator.next() else { return nil }
            guard let separator = item.firstIndex(of: "=") else { throw ValidationError("--input takes SELECTOR=VALUE, got \(item)") }
            return .input(selector: String(item[..<separator]), value: String(item[item.index(after: separator)...]))
        }
    }
}

extension DemoHost {
    /// Launches a mini-program, opens `page` (or stays on the entry page), waits for it to be ready
    /// and idle, prints its tree, performs `actions` (waiting for idle after each), prints the tree
    /// again, then stops and destroys the app. Every wait ends at `deadline`.
    func drivePage(
        _ source: LaunchSource, page: String?, query: [String: String], actions: [PageAction], printTree: Bool,
        screenshot: (file: String, live: LivePages)? = nil, deadline: Duration, panels: PanelDump? = nil
    ) async throws {
        let app = try await container.launch(source, options: LaunchOptions(query: query))
        let context = try await container.context(of: app.instanceID)
        let session = try await container.miniProgram(app.instanceID)
        func settle(_ what: String) async {
            if !(await context.waitUntilIdle(timeout: deadline)) { Terminal.diagnostic("  • still busy after \(what) (\(deadline))") }
        }
        await settle("launch")
        // The entry page already opened with the launch query: it is not opened twice.
        if let page, try await session.pages().last?.route != (page.hasPrefix("/") ? String(page.dropFirst()) : page) {
            let route = page.hasPrefix("/") ? String(page.dropFirst()) : page
            var components = URLComponents()
            components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            let search = query.isEmpty ? "" : "?" + (components.percentEncodedQuery ?? "")
            try await session.navigate(.reLaunch("/" + route + search))
            await settle(route)
        }
        if printTree { Terminal.output(String(try await session.treeText().dropLast())) }
        if let screenshot { try await PicturesRun.screenshot(session, live: screenshot.live, file: screenshot.file, step: 0) }
        for (step, action) in actions.enumerated() {
            switch action {
            case .tap(let selector):
                let handlers = try await session.tap(selector)
                Terminal.diagnostic("  • tap \(selector): \(handlers) handler(s)")
            case .input(let selector, let value):
                let handlers = try await session.trigger(selector, event: "input", detail: ["value": .string(value)])
                Terminal.diagnostic("  • input \(selector)=\(value): \(handlers) handler(s)")
            }
            await settle("\(action)")
            if let screenshot {
                try await PicturesRun.screenshot(session, live: screenshot.live, file: screenshot.file, step: step + 1)
            }
        }
        if printTree && !actions.isEmpty { Terminal.output(String(try await session.treeText().dropLast())) }
        let diagnostics = try await session.templateDiagnostics()
        for tag in diagnostics.unknownTags { Terminal.diagnostic("  • unknown tag: \(tag)") }
        for missing in diagnostics.missingComponents { Terminal.diagnostic("  ✗ \(missing)") }
        try await panels?.print(app, container: container)
        if await container.state(of: app.instanceID) == .started { try await container.stop(app.instanceID) }
        try await container.destroy(app.instanceID)
        if !diagnostics.missingComponents.isEmpty { throw ExitCode(1) }
    }
}

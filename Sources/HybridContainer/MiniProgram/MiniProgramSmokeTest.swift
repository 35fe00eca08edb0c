// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// What a smoke run of a mini-program found.
public struct MiniProgramSmokeReport: Sendable, CustomStringConvertible {
    /// Every page of `app.json`, main package first.
    public var pages: [String]
    /// Pages loaded, in order.
    public var visited: [String]
    /// API calls by `namespace.name`.
    public var apiCalls: [String: Int]
    /// Calls of documented APIs this host does not support, by `namespace.name`: not errors
    /// (the app got the platform's failure), but what it would miss here.
    public var unsupportedCalls: [String: Int] = [:]
    /// JavaScript errors the app raised (with `location` as file:line when known).
    public var failures: [AppFailure]
    /// Navigations that were refused.
    public var navigationErrors: [String]
    /// Pages that did not go idle in time.
    public var busyPages: [String]
    /// Template errors (also among ``failures``), unknown tags and missing components.
    public var templates: TemplateDiagnostics? = nil

    /// Every page visited, no JavaScript or navigation error.
    public var passed: Bool {
        navigationErrors.isEmpty && failures.isEmpty && Set(visited).isSuperset(of: pages)
            && (templates?.missingComponents.isEmpty ?? true)
    }

    /// A summary for people: pages, API calls by name, errors with file:line, verdict.
    public var description: String {
        var lines: [String] = []
        let seen = Set(visited)
        lines.append("Pages: \(pages.filter(seen.contains).count) of \(pages.count) visited")
        for page in pages { lines.append("  \(seen.contains(page) ? "✓" : "✗") \(page)") }
        let calls = apiCalls.sorted { $0.key < $1.key }
        lines.append("API calls: \(calls.reduce(0) { $0 + $1.value })")
        for (name, count) in calls { lines.append("  \(name) ×\(count)") }
        let unsupported = unsupportedCalls.sorted { $0.key < $1.key }
        if !unsupported.isEmpty {
            lines.append("Unsupported API calls: \(unsupported.reduce(0) { $0 + $1.value }) (failed as the platform fails them)")
            for (name, count) in unsupported { lines.append("  \(name) ×\(count)") }
        }
        lines.append("JavaScript errors: \(failures.count)")
        for failure in failures {
            lines.append("  \(failure.location ?? "unknown location"): \(failure.origin): \(failure.message)")
        }
        if !navigationErrors.isEmpty {
            lines.append("Navigation errors: \(navigationErrors.count)")
            for error in navigationErrors { lines.append("  \(error)") }
        }
        if let templates {
            lines.append("Template errors: \(templates.templateErrors.count)")
            for error in templates.templateErrors { lines.append("  \(error)") }
            if !templates.missingComponents.isEmpty {
                lines.append("Missing components: \(templates.missingComponents.count)")
                for missing in templates.missingComponents { lines.append("  \(missing)") }
            }
            if !templates.unknownTags.isEmpty {
                lines.append("Unknown tags (rendered as plain elements): \(templates.unknownTags.count)")
                for tag in templates.unknownTags { lines.append("  \(tag)") }
            }
        }
        if !busyPages.isEmpty { lines.append("Still busy when left: \(busyPages.joined(separator: ", "))") }
        lines.append(passed ? "Smoke run passed." : "Smoke run FAILED.")
        return lines.joined(separator: "\n")
    }
}

extension MicroAppContainer {
    /// Smoke-tests a mini-program: launches it, opens every page of `app.json` (subpackages
    /// included) in turn with `reLaunch` — so each goes through onLoad, onShow, onReady, onHide
    /// and onUnload, its template rendered with its components — waits for each to go idle (up to
    /// `pageTimeout`), then stops and destroys it.
    /// A CI check for hosts: `report.passed` is false on any JavaScript or navigation error.
    /// `visit`, when given, runs on each page once it settled (pictures of every page: its index
    /// in `config.allPages` and its route); what it throws is a navigation error of that page.
    /// - Throws: launch errors; `MiniProgramError.notAMiniProgram` for a script app.
    public func smokeTest(
        _ source: LaunchSource, options: LaunchOptions = LaunchOptions(), pageTimeout: Duration = .seconds(10),
        visit: (@Sendable (MiniProgramSession, _ index: Int, _ route: String) async throws -> Void)? = nil
    ) async throws -> MiniProgramSmokeReport {
        let descriptor = try await launch(source, options: options)
        let instance = try app(descriptor.instanceID)
        let session: MiniProgramSession
        do {
            session = try miniProgram(descriptor.instanceID)
        } catch {
            try? await destroy(descriptor.instanceID)
            throw error
        }
        var report = MiniProgramSmokeReport(
            pages: session.config.allPages, visited: [], apiCalls: [:], failures: [], navigationErrors: [], busyPages: [])
        if !(await instance.context.waitUntilIdle(timeout: pageTimeout)) { report.busyPages.append("launch") }
        for (index, route) in session.config.allPages.enumerated() {
            do {
                try await session.navigate(.reLaunch("/" + route))
            } catch {
                report.navigationErrors.append("\(route): \(error)")
            }
            if !(await instance.context.waitUntilIdle(timeout: pageTimeout)) { report.busyPages.append(route) }
            do {
                try await visit?(session, index, route)
            } catch {
                report.navigationErrors.append("\(route): \(error)")
            }
        }
        let statistics = try await session.statistics()
        report.visited = statistics.visited
        report.apiCalls = statistics.apiCalls
        report.unsupportedCalls = statistics.unsupportedCalls
        report.templates = try await session.templateDiagnostics()
        if await instance.state == .started { try await stop(descriptor.instanceID) }
        try await destroy(descriptor.instanceID)
        report.failures = await instance.failures
        return report
    }
}

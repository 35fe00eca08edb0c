// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer

/// The IDE's panels, headless: `run … --dump storage|data|routes` prints, at the end of the run
/// (before the app is destroyed), the app's storage, each page's data and the page stack, as
/// text or (`--json`) one JSON object on stdout.
struct PanelDump: Sendable {
    enum Panel: String, CaseIterable, ExpressibleByArgument, Sendable {
        case storage, data, routes
    }

    let panels: [Panel]
    let json: Bool
    let storageDatabase: URL

    /// Reads the panels of `app` (still running) and prints them.
    func print(_ app: AppDescriptor, container: MicroAppContainer) async throws {
        let output = try await read(app, container: container)
        if json {
            Terminal.output(JSONValue.object(output).stringified() ?? "{}")
            return
        }
        for panel in panels {
            guard let value = output[panel.rawValue] else { continue }
            Terminal.output(Self.text(panel, value, app: app))
        }
    }

    /// The panels as one JSON object: `storage` (key → value), `routes` (the stack, bottom
    /// first), `data` (page data by `route#id`).
    func read(_ app: AppDescriptor, container: MicroAppContainer) async throws -> JSONObject {
        var output = JSONObject()
        let session = try? await container.miniProgram(app.instanceID)
        let stack = try await session?.pages() ?? []
        for panel in panels {
            switch panel {
            case .storage:
                let entries = try StoragePlugin(databaseURL: storageDatabase).entries(of: app.appId.rawValue)
                output["storage"] = .object(JSONObject(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }))
            case .routes:
                output["routes"] = .array(
                    stack.map { page in
                        [
                            "route": .string(page.route), "id": .number(Double(page.id)),
                            "query": .object(JSONObject(sorting: page.query.mapValues(JSONValue.string))),
                        ]
                    })
            case .data:
                var pages = JSONObject()
                if let session {
                    for page in stack { pages["\(page.route)#\(page.id)"] = try await session.data(ofPage: page.id) }
                }
                output["data"] = .object(pages)
            }
        }
        return output
    }

    static func text(_ panel: Panel, _ value: JSONValue, app: AppDescriptor) -> String {
        var lines = ["── \(panel.rawValue) of \(app.appId)#\(app.instanceID) ──"]
        switch panel {
        case .storage:
            let members = value.objectValue ?? [:]
            if members.isEmpty { lines.append("  (empty)") }
            for (key, stored) in members { lines.append("  \(key) = \(stored.stringified() ?? "?")") }
        case .routes:
            let pages = value.arrayValue ?? []
            if pages.isEmpty { lines.append("  (not a mini-program, or no page open)") }
            for (index, page) in pages.enumerated() {
                let query = page.objectValue?["query"]?.objectValue ?? [:]
                let search = query.isEmpty ? "" : "?" + query.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: "&")
                lines.append("  \(index + 1). \(page.objectValue?["route"]?.stringValue ?? "?")\(search)")
            }
        case .data:
            let pages = value.objectValue ?? [:]
            if pages.isEmpty { lines.append("  (not a mini-program, or no page open)") }
            for (page, data) in pages { lines.append("  \(page): \(data.stringified() ?? "?")") }
        }
        return lines.joined(separator: "\n")
    }
}

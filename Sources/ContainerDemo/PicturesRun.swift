// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import PageRenderer

/// `run --screenshot`, `--all-pages --pictures DIR` and `--compare BASEDIR`: pictures of pages
/// drawn by the page engine, a contact sheet, and visual regression against earlier pictures.
/// The pages are followed live (``LivePages`` is the container's layout engine for such runs), so
/// queries made in `onLoad`/`onReady` already answer from the engine's layout.
actor PicturesRun {
    let live: LivePages
    let picturesDirectory: URL?
    let compareDirectory: URL?
    let differencesDirectory: URL
    /// The share of a picture's pixels that may differ from its baseline (antialiasing).
    let tolerance: Double
    private(set) var entries: [ContactSheet.Entry] = []
    private(set) var differing: [String] = []
    private(set) var missingBaselines: [String] = []
    private(set) var failedPictures: [String] = []

    init(pictures: String?, compare: String?, differences: String?, tolerance: Double, live: LivePages) {
        self.live = live
        picturesDirectory = pictures.map { URL(fileURLWithPath: $0) }
        compareDirectory = compare.map { URL(fileURLWithPath: $0) }
        differencesDirectory = URL(fileURLWithPath: differences ?? pictures ?? "picture-differences")
        self.tolerance = tolerance
    }

    nonisolated var isActive: Bool { picturesDirectory != nil || compareDirectory != nil }

    /// Pictures the page that just settled, writes it, compares it; failures are recorded, not thrown.
    func visit(_ session: MiniProgramSession, index: Int, of count: Int, route: String) async {
        Terminal.diagnostic("  picture \(index + 1)/\(count) \(route)")
        let png: Data
        do {
            png = try await session.screenshot(live: live)
        } catch {
            failedPictures.append(route)
            entries.append(.init(route: route, status: "picture failed: \(ErrorText.describe(error))", picture: nil))
            return
        }
        var entry = ContactSheet.Entry(route: route, status: "ok", picture: route + ".png")
        do {
            if let picturesDirectory { try Self.write(png, to: picturesDirectory.appendingPathComponent(route + ".png")) }
            if let compareDirectory { try compare(png, route: route, baseline: compareDirectory, entry: &entry) }
        } catch {
            failedPictures.append(route)
            entry.status = "could not be written or compared: \(ErrorText.describe(error))"
        }
        entries.append(entry)
    }

    private func compare(_ png: Data, route: String, baseline folder: URL, entry: inout ContactSheet.Entry) throws {
        let baselineURL = folder.appendingPathComponent(route + ".png")
        guard let baselineData = try? Data(contentsOf: baselineURL) else {
            missingBaselines.append(route)
            entry.status = "no baseline (\(baselineURL.path))"
            return
        }
        let difference = PictureDifference.compare(try PNGImage(decoding: png), with: try PNGImage(decoding: baselineData))
        guard difference.fraction > tolerance else { return }
        differing.append(route)
        let name = route + ".diff.png"
        try Self.write(difference.image.pngData(), to: differencesDirectory.appendingPathComponent(name))
        entry.status = String(format: "differs: %.2f%% of pixels", difference.fraction * 100)
        if picturesDirectory?.standardizedFileURL == differencesDirectory.standardizedFileURL { entry.difference = name }
    }

    private static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// Writes `index.html`, prints the comparison, stops the engine; false when the run must fail.
    func finish(appName: String) async -> Bool {
        await live.shutdown()
        if let picturesDirectory {
            let sheet = ContactSheet.html(title: "\(appName): \(entries.count) page(s)", entries: entries)
            do {
                try Self.write(Data(sheet.utf8), to: picturesDirectory.appendingPathComponent("index.html"))
                Terminal.output(
                    "Pictures: \(entries.count - failedPictures.count) of \(entries.count) in \(picturesDirectory.path) (index.html)")
            } catch {
                Terminal.diagnostic("error: index.html: \(ErrorText.describe(error))")
                return false
            }
        }
        for route in failedPictures { Terminal.output("  ✗ picture of \(route) failed") }
        if compareDirectory != nil {
            for route in missingBaselines { Terminal.output("  ? \(route): no baseline picture") }
            if differing.isEmpty {
                Terminal.output("Compare: no page differs from its baseline (tolerance \(tolerance * 100)% of pixels).")
            } else {
                Terminal.output("Compare: \(differing.count) page(s) differ (difference images in \(differencesDirectory.path)):")
                for route in differing { Terminal.output("  ✗ \(route)") }
            }
        }
        return failedPictures.isEmpty && differing.isEmpty
    }

    /// `--screenshot FILE.png` of the page being driven: `FILE.png` after onReady, `FILE-N.png`
    /// after the N-th action.
    static func screenshot(_ session: MiniProgramSession, live: LivePages, file: String, step: Int) async throws {
        let url = URL(fileURLWithPath: file)
        let suffix = url.pathExtension.isEmpty ? "png" : url.pathExtension
        let target =
            step == 0
            ? url
            : url.deletingLastPathComponent().appendingPathComponent(url.deletingPathExtension().lastPathComponent + "-\(step).\(suffix)")
        try write(try await session.screenshot(live: live), to: target)
        Terminal.diagnostic("  • picture: \(target.path)")
    }
}

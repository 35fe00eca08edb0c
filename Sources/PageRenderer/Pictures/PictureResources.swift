// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Synchronization

/// The images of one document, as files next to it, so the engine reads them from there and
/// nothing else of the machine: package images copied (read as the app reads them), remote ones
/// the app's `allowedDomains` allow fetched by the host (``RemoteImages``) beforehand. Any other
/// image is drawn as a placeholder.
final class PictureResources: Sendable {
    private struct Files {
        /// By package path.
        var copied: [String: String] = [:]
        /// By URL.
        var fetched: [String: String] = [:]
        var written = 0
    }

    private let folder: URL
    private let source: PageSource
    private let remote: RemoteImages
    private let files = Mutex(Files())

    init(folder: URL, source: PageSource, remote: RemoteImages = .shared) {
        self.folder = folder
        self.source = source
        self.remote = remote
    }

    /// The file name to draw `src` from (relative to the document), nil for a placeholder.
    func url(for src: String, route: String) -> String? {
        if let url = RemoteImages.allowedURL(src, app: source.app) {
            return files.withLock { $0.fetched[url.absoluteString] }
        }
        guard !src.contains("://"), !src.hasPrefix("//"), !src.hasPrefix("data:") else { return nil }
        let clean = String(src.split(separator: "?", maxSplits: 1).first ?? "")
        guard let path = PackagePath.resolve(clean, from: route, defaultExtension: "") else { return nil }
        return files.withLock { files -> String? in
            if let name = files.copied[path] { return name }
            guard source.packageFileExists(path), let data = try? source.packageFile(path) else { return nil }
            let pathExtension = (path as NSString).pathExtension
            guard let name = write(data, extension: pathExtension.isEmpty ? "bin" : pathExtension, &files) else { return nil }
            files.copied[path] = name
            return name
        }
    }

    /// Fetches the remote images of `tree` the app may show (at most
    /// ``RemoteImages/maximumPerDocument`` per document), so ``url(for:route:)`` finds them.
    func fetchRemoteImages(in tree: RenderNode) async {
        var urls: [URL] = []
        Self.imageSources(in: tree) { src in
            if let url = RemoteImages.allowedURL(src, app: source.app), !urls.contains(url) { urls.append(url) }
        }
        let wanted = files.withLock { files in
            urls.filter { files.fetched[$0.absoluteString] == nil }
                .prefix(max(0, RemoteImages.maximumPerDocument - files.fetched.count))
        }
        let remote = self.remote
        let images = await withTaskGroup(of: (URL, RemoteImages.Image?).self) { group in
            for url in wanted { group.addTask { (url, await remote.image(at: url)) } }
            var all: [(URL, RemoteImages.Image?)] = []
            for await each in group { all.append(each) }
            return all
        }
        files.withLock { files in
            for case (let url, let image?) in images {
                if let name = write(image.data, extension: image.fileExtension, &files) { files.fetched[url.absoluteString] = name }
            }
        }
    }

    private func write(_ data: Data, extension fileExtension: String, _ files: inout Files) -> String? {
        let name = "image-\(files.written).\(fileExtension)"
        guard (try? data.write(to: folder.appendingPathComponent(name))) != nil else { return nil }
        files.written += 1
        return name
    }

    static func imageSources(in node: RenderNode, _ visit: (String) -> Void) {
        if node.tag == "image", let src = node.attributes?["src"]?.stringValue, !src.isEmpty { visit(src) }
        for child in node.children ?? [] { imageSources(in: child, visit) }
    }
}

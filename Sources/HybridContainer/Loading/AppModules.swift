// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// The files of an installed version, for `require()`: only files listed in its manifest
/// exist, and each read is checked against its manifest hash (the reader's identity cache
/// keeps repeated loads to one open, fstat and read).
struct InstalledAppModules: ModuleSourceProvider {
    let active: ActivePackage
    let reader: VerifiedFileReader

    func moduleExists(_ path: String) -> Bool { active.manifest.files[path] != nil }

    func moduleSource(_ path: String) throws -> Data {
        guard let expected = active.manifest.files[path] else { throw ModuleLoadError.notFound(path) }
        return try reader.read(path, inPath: active.filesPath, expectedSHA256: expected)
    }
}

/// A plain folder in developer mode: regular files under the folder, read as they are
/// (symbolic links leading outside the folder are refused).
struct DirectoryAppModules: ModuleSourceProvider {
    let root: String

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath().path
    }

    private func resolved(_ path: String) -> String? {
        let candidate = URL(fileURLWithPath: root).appendingPathComponent(path).resolvingSymlinksInPath().path
        guard candidate.hasPrefix(root + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return candidate
    }

    func moduleExists(_ path: String) -> Bool { resolved(path) != nil }

    func moduleSource(_ path: String) throws -> Data {
        guard let file = resolved(path), let data = FileManager.default.contents(atPath: file) else {
            throw ModuleLoadError.notFound(path)
        }
        return data
    }
}

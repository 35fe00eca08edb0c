// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Why ``LivePages`` could not answer.
public enum LivePagesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No mini-program instance with this id was attached (or it ended).
    case notAttached(instanceID: UInt64)
    /// The page has not rendered (or was unloaded, or its tree could not be followed).
    case pageNotDrawn(instanceID: UInt64, pageId: Int)
    /// A tree patch did not fit the page's tree.
    case badPatch(String)
    /// ``LivePages/shutdown()`` was called.
    case shutDown

    public var description: String {
        switch self {
        case .notAttached(let instanceID): "no mini-program instance \(instanceID) is followed"
        case .pageNotDrawn(let instanceID, let pageId): "page \(pageId) of instance \(instanceID) is not drawn"
        case .badPatch(let detail): "a tree patch did not fit the page: \(detail)"
        case .shutDown: "the live pages are shut down"
        }
    }
}

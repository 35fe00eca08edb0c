// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension AppID {
    /// Validates and wraps an identifier, throwing `PackageError.invalidAppID` when it is not valid.
    public init(validating value: String) throws {
        guard let id = AppID(rawValue: value) else { throw PackageError.invalidAppID(value) }
        self = id
    }
}

extension PackageVersion {
    /// Parses a version string, throwing `PackageError.invalidVersion`.
    public init(validating text: String) throws {
        guard let version = PackageVersion(text) else { throw PackageError.invalidVersion(text) }
        self = version
    }
}

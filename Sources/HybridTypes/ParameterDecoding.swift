// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

extension JSONValue {
    /// Decodes call parameters of `api`; a mismatch becomes a code-2 ``BridgeError`` naming the field.
    public func decodeParameters<T: Decodable>(_ type: T.Type, api: String) throws -> T {
        do {
            return try JSONValueDecoder().decode(type, from: self)
        } catch let error as DecodingError {
            throw BridgeError(.invalidParameters, "\(api): \(BridgeError.describe(error))")
        }
    }
}

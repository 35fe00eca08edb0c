// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// Resolved bridge methods by API name, looked up straight from a JavaScript string's UTF-16
/// characters: no Swift `String` is made and nothing is hashed twice on the hot path of
/// `JSBridge.callSync`/`call`. Only successful resolutions are kept (refusals and unknown names
/// take the slow path, which logs them). Confined to the runtime thread; cleared when the
/// context's dispatcher changes.
struct MethodCache {
    /// One resolved name. A class, so a cache hit hands over one reference (one retain) rather
    /// than copying the name, the characters and the method's closure.
    final class Entry {
        let characters: [UInt16]
        let api: String
        let method: BridgeMethod
        /// The name is reserved for the framework channel (``BridgeMethod/frameworkPrefix``).
        let frameworkOnly: Bool
        /// The handler of a sync method, taken out of `method.kind` once.
        let syncHandler: BridgeMethod.SyncHandler?
        /// The request of a call without parameters, built once (the cache is per context, and
        /// emptied when the context's caller changes).
        let bareRequest: BridgeRequest

        init(characters: [UInt16], api: String, method: BridgeMethod, frameworkOnly: Bool, caller: BridgeCaller) {
            self.characters = characters
            self.api = api
            self.method = method
            self.frameworkOnly = frameworkOnly
            if case .sync(let handler) = method.kind { syncHandler = handler } else { syncHandler = nil }
            bareRequest = BridgeRequest(api: api, params: .emptyObject, caller: caller)
        }
    }

    private var buckets: [UInt64: [Entry]] = [:]
    private(set) var count = 0
    /// Bounds memory for scripts that call many distinct names.
    static let limit = 1024

    /// FNV-1a over the UTF-16 code units.
    static func hash(_ characters: UnsafeBufferPointer<UInt16>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for unit in characters {
            hash = (hash ^ UInt64(unit)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    func lookup(_ characters: UnsafeBufferPointer<UInt16>, hash: UInt64) -> Entry? {
        guard let bucket = buckets[hash] else { return nil }
        for entry in bucket where entry.characters.count == characters.count && entry.characters.elementsEqual(characters) {
            return entry
        }
        return nil
    }

    /// Caches the resolution (while under `limit`) and returns its entry.
    @discardableResult
    mutating func insert(
        _ characters: UnsafeBufferPointer<UInt16>, hash: UInt64, api: String, method: BridgeMethod, frameworkOnly: Bool,
        caller: BridgeCaller
    ) -> Entry {
        let entry = Entry(characters: Array(characters), api: api, method: method, frameworkOnly: frameworkOnly, caller: caller)
        guard count < Self.limit else { return entry }
        buckets[hash, default: []].append(entry)
        count += 1
        return entry
    }

    mutating func removeAll() {
        buckets.removeAll()
        count = 0
    }
}

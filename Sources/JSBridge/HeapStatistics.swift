// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import HybridTypes

/// What a runtime's garbage-collected heap holds now (JavaScriptCore's own census): for finding
/// out where an instance's memory goes. Taken after `JSRuntime.collectGarbage()`, two censuses'
/// ``difference(from:)`` is what the work between them left alive.
public struct HeapStatistics: Sendable, Equatable {
    /// Bytes of live cells in the heap.
    public var heapSize: Int
    /// Bytes the heap has reserved (live cells and free space in its blocks).
    public var heapCapacity: Int
    /// Bytes held outside the heap by cells and reported to it (array buffers, strings' storage …).
    public var extraMemorySize: Int
    /// Live cells.
    public var objectCount: Int
    /// Global objects (one per live context, plus the runtime's anchor).
    public var globalObjectCount: Int
    /// Live cells per class name (`Function`, `Object`, `Structure`, `JSLexicalEnvironment` …).
    public var objectTypeCounts: [String: Int]

    /// Creates statistics from their values.
    public init(
        heapSize: Int, heapCapacity: Int, extraMemorySize: Int, objectCount: Int, globalObjectCount: Int,
        objectTypeCounts: [String: Int]
    ) {
        self.heapSize = heapSize
        self.heapCapacity = heapCapacity
        self.extraMemorySize = extraMemorySize
        self.objectCount = objectCount
        self.globalObjectCount = globalObjectCount
        self.objectTypeCounts = objectTypeCounts
    }

    /// What this census has more (or fewer) of than `earlier`; classes with no change are left out.
    public func difference(from earlier: HeapStatistics) -> HeapStatistics {
        var counts: [String: Int] = [:]
        for name in Set(objectTypeCounts.keys).union(earlier.objectTypeCounts.keys) {
            let change = (objectTypeCounts[name] ?? 0) - (earlier.objectTypeCounts[name] ?? 0)
            if change != 0 { counts[name] = change }
        }
        return HeapStatistics(
            heapSize: heapSize - earlier.heapSize, heapCapacity: heapCapacity - earlier.heapCapacity,
            extraMemorySize: extraMemorySize - earlier.extraMemorySize, objectCount: objectCount - earlier.objectCount,
            globalObjectCount: globalObjectCount - earlier.globalObjectCount, objectTypeCounts: counts)
    }

    /// The two censuses together (of two runtimes' heaps).
    public func adding(_ other: HeapStatistics) -> HeapStatistics {
        HeapStatistics(
            heapSize: heapSize + other.heapSize, heapCapacity: heapCapacity + other.heapCapacity,
            extraMemorySize: extraMemorySize + other.extraMemorySize, objectCount: objectCount + other.objectCount,
            globalObjectCount: globalObjectCount + other.globalObjectCount,
            objectTypeCounts: objectTypeCounts.merging(other.objectTypeCounts, uniquingKeysWith: +))
    }

    /// Reads JavaScriptCore's census object (on the runtime thread, through `context`).
    static func read(in context: JSContextRef) -> HeapStatistics {
        let census = JSGetMemoryUsageStatistics(context)
        var exception: JSValueRef?
        let json = JSValueCreateJSONString(context, census, 0, &exception)
        defer { if let json { JSStringRelease(json) } }
        let value = json.flatMap { try? JSONValue(parsing: JSStringConversion.string($0)) } ?? .null
        func integer(_ key: String) -> Int {
            guard case .number(let number)? = value[key] else { return 0 }
            return AppNumbers.clampedInteger(number)
        }
        var counts: [String: Int] = [:]
        if case .object(let types)? = value["objectTypeCounts"] {
            for (name, count) in types {
                if case .number(let number) = count { counts[name] = AppNumbers.clampedInteger(number) }
            }
        }
        return HeapStatistics(
            heapSize: integer("heapSize"), heapCapacity: integer("heapCapacity"),
            extraMemorySize: integer("extraMemorySize"), objectCount: integer("objectCount"),
            globalObjectCount: integer("globalObjectCount"), objectTypeCounts: counts)
    }
}

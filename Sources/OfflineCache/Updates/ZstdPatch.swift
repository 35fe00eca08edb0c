// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CZstd
import Foundation

/// Binary deltas with zstd's patch-from: the old file is the compression prefix
/// (dictionary), so bytes shared with it cost almost nothing.
public enum ZstdPatch {
    /// Why a patch could not be made or applied.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public let reason: String
        public var description: String { "zstd patch: \(reason)" }

        /// Creates a failure.
        public init(reason: String) { self.reason = reason }
    }

    /// The window must cover the old file plus the new one.
    static func windowLog(_ base: Int, _ target: Int) -> Int32 {
        var log: Int32 = 10
        while log < 30 && (1 << log) < base + target { log += 1 }
        return log
    }

    /// A patch turning `base` into `target`.
    public static func make(from base: Data, to target: Data, level: Int32 = 19) throws -> Data {
        guard let context = ZSTD_createCCtx() else { throw Failure(reason: "cannot create a compression context") }
        defer { ZSTD_freeCCtx(context) }
        let window = windowLog(base.count, target.count)
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level))
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, window))
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_enableLongDistanceMatching, 1))
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1))
        let bound = ZSTD_compressBound(target.count)
        var output = Data(count: bound)
        let written = try base.withUnsafeBytes { baseBuffer in
            try check(ZSTD_CCtx_refPrefix(context, baseBuffer.baseAddress, baseBuffer.count))
            return try target.withUnsafeBytes { targetBuffer in
                try output.withUnsafeMutableBytes { outputBuffer in
                    try check(
                        ZSTD_compress2(
                            context, outputBuffer.baseAddress, bound, targetBuffer.baseAddress, targetBuffer.count))
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// Applies a patch to `base`; `expectedSize` bounds the output (the new manifest knows it
    /// only by hash, so callers pass a generous limit).
    public static func apply(_ patch: Data, to base: Data, maximumSize: Int) throws -> Data {
        guard let context = ZSTD_createDCtx() else { throw Failure(reason: "cannot create a decompression context") }
        defer { ZSTD_freeDCtx(context) }
        try check(ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, 31))
        let declared = patch.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        guard declared != ZSTD_CONTENTSIZE_ERROR else { throw Failure(reason: "not a zstd frame") }
        let capacity = declared == ZSTD_CONTENTSIZE_UNKNOWN ? maximumSize : Int(declared)
        guard capacity <= maximumSize else { throw Failure(reason: "patched file would exceed \(maximumSize) bytes") }
        var output = Data(count: max(capacity, 1))
        let written = try base.withUnsafeBytes { baseBuffer in
            try check(ZSTD_DCtx_refPrefix(context, baseBuffer.baseAddress, baseBuffer.count))
            return try patch.withUnsafeBytes { patchBuffer in
                try output.withUnsafeMutableBytes { outputBuffer in
                    try check(
                        ZSTD_decompressDCtx(
                            context, outputBuffer.baseAddress, outputBuffer.count, patchBuffer.baseAddress, patchBuffer.count))
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }

    @discardableResult
    private static func check(_ code: Int) throws -> Int {
        if ZSTD_isError(code) != 0 { throw Failure(reason: String(cString: ZSTD_getErrorName(code))) }
        return code
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// Glue shared by the fuzz targets.
///
/// Built with `-DFUZZING -sanitize=fuzzer`, a target's entry point hands control to libFuzzer
/// (`LLVMFuzzerRunDriver`); SwiftPM names an executable's entry point `<module>_main` on Linux,
/// which is why each target exports that name itself. Built normally, the entry point replays
/// the files given as arguments, so the seed corpora and any crash reproducer run in `make test`.
public typealias FuzzBody = @Sendable (Data) -> Void

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The body libFuzzer calls, set once before the driver starts.
/// `nonisolated(unsafe)`: written once on the main thread before libFuzzer runs, then only read.
nonisolated(unsafe) private var currentBody: FuzzBody?

/// libFuzzer's own entry references this symbol; it runs the same body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    currentBody?(bytes.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
}

public func runFuzzTarget(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: @escaping FuzzBody
) -> CInt {
    currentBody = body
    // One run before libFuzzer starts, so globals made lazily on first use (keys, contexts)
    // are not reported as leaks of the first input.
    body(Data())
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in fuzzerTestOneInput(bytes, size) }
}
#endif

/// Runs `body` on each file named on the command line; returns the exit status.
public func replayCorpus(_ body: FuzzBody) -> CInt {
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            return 1
        }
        body(data)
    }
    return 0
}

/// A slot written once by a task before a semaphore is signalled, read after the wait (the
/// targets that drive async JavaScriptCore work from libFuzzer's synchronous callback).
/// `@unchecked Sendable`: the semaphore orders the one write before the read.
public final class Box<T>: @unchecked Sendable {
    public var value: T?

    public init() {}
}

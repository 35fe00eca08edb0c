#!/usr/bin/env bash
# Runs the context churn test (50 contexts with timers, bridge calls and listeners, each
# released) under AddressSanitizer's LeakSanitizer. Exits non-zero if anything leaks.
#
# valgrind is not used: valgrind 3.19 dies with an internal SIGSEGV as soon as JavaScriptCore
# starts (even with JSC_useJIT=0), so LeakSanitizer is the leak checker that works here.
# LeakSanitizer sees malloc/Swift allocations (native function boxes, contexts, buffers);
# JavaScriptCore's own heap is checked by the test itself (native objects are finalized).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests --sanitize=address --scratch-path .build-asan
LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0" ASAN_OPTIONS=detect_leaks=1 \
    .build-asan/debug/HybridContainerPackageTests.xctest --testing-library swift-testing --filter "ReleaseTests|LaunchDestroyLoopTests"
echo "leak-check: no leaks reported"

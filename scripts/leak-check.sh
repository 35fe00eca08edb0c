#!/usr/bin/env bash
# Runs the context create/use/release loop (ReleaseTests) under valgrind's leak checker.
# JavaScriptCore's JIT confuses valgrind, so JIT is turned off for this run (JSC_useJIT=0).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "leak-check: valgrind is not installed (apt-get install -y valgrind)" >&2; exit 1; }
swift build --build-tests
JSC_useJIT=0 valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --error-exitcode=3 --suppressions=scripts/valgrind.supp --log-file=.build/leak-check.log \
    .build/debug/HybridContainerPackageTests.xctest --testing-library swift-testing --filter ReleaseTests
grep -E "definitely lost|indirectly lost|possibly lost|ERROR SUMMARY" .build/leak-check.log

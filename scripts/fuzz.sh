#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/) with -sanitize=fuzzer,address in .build-fuzz and runs
# each from a copy of its seed corpus in Fuzz/Corpus:
#   scripts/fuzz.sh time SECONDS   random exploration for SECONDS per target (`make fuzz`)
#   scripts/fuzz.sh runs N         N inputs per target with a fixed seed, repeatable (`make test`)
# Crashes are written to .build-fuzz/artifacts/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-time}"
amount="${2:-30}"
if [ "$mode" = runs ]; then budget=(-runs="$amount" -seed=1); else budget=(-max_total_time="$amount"); fi
targets=(manifest package module-transform values bridge template)
# lld: gold crashes reporting errors in sanitized Swift objects.
flags=(--scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld)
for target in "${targets[@]}"; do
  swift build "${flags[@]}" --product "fuzz-$target"
done
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p .build-fuzz/artifacts
status=0
for target in "${targets[@]}"; do
  work="$(mktemp -d)"
  cp Fuzz/Corpus/"$target"/* "$work"/
  echo "== fuzz-$target ($mode $amount)"
  # Leaks are not fuzzed for: JavaScriptCore keeps caches (atoms, structures) and swift-crypto
  # a key buffer that LeakSanitizer reports; `make leak-check` checks the runtime with JSC's
  # caches suppressed. Memory errors (AddressSanitizer) and crashes are what fail here.
  if ! ASAN_OPTIONS=detect_leaks=0 "$bin/fuzz-$target" -detect_leaks=0 "${budget[@]}" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix=".build-fuzz/artifacts/$target-" "$work" > ".build-fuzz/$target.log" 2>&1; then
    echo "fuzz-$target FAILED; see .build-fuzz/$target.log and .build-fuzz/artifacts/"
    tail -n 40 ".build-fuzz/$target.log"
    status=1
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE" ".build-fuzz/$target.log" || true
  rm -rf "$work"
done
exit "$status"

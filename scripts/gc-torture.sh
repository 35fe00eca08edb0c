#!/usr/bin/env bash
# Runs the built test suite under JavaScriptCore's collector stress options, one configuration
# after another (`make gc-torture`, by hand: a few minutes per configuration here), or a short
# slice of it (`scripts/gc-torture.sh slice`, part of `make test`).
#
# The options are read from the environment by the JavaScriptCore of Debian's
# libjavascriptcoregtk-4.1 (release build): `JSC_dumpOptions=1` lists what took effect.
# `collectContinuously` needs the concurrent collector (with `useConcurrentGC=0` it is
# silently off); `verifyGC` checks the marking of each full collection.
#
# Only the crashed thread is backtraced (all of ~200 threads took the backtracer minutes).
# The full run is serial (`--no-parallel`): with every suite at once, each runtime's collector
# collecting continuously starved 2 cores (no test had finished after 13 minutes); one at a
# time the suite takes about 100 s per configuration.
set -uo pipefail
cd "$(dirname "$0")/.."
mode="${1:-full}"
configurations=(
  "JSC_collectContinuously=1"
  "JSC_useConcurrentGC=0 JSC_numberOfGCMarkers=1 JSC_verifyGC=1"
  "JSC_numberOfGCMarkers=1 JSC_collectContinuously=1"
)
filters=("")
options=(--no-parallel)
if [ "$mode" = slice ]; then
  # RELIABILITY.md, "Collector stress": every collection a full, serial, verified one over the
  # suites that make, adopt, release and collect the most contexts; then continuous
  # collection over JSBridgeTests, which crashed 3 runs in 3 before native functions were
  # installed as they were made (about 5 s).
  configurations=(
    "JSC_useConcurrentGC=0 JSC_numberOfGCMarkers=1 JSC_verifyGC=1"
    "JSC_collectContinuously=1"
  )
  filters=('JSBridgeTests|LaunchDestroyLoopTests|MiniProgramRulesTests|HostileScriptTests' 'JSBridgeTests')
  # Serial too: in parallel, continuous collection in every suite's runtimes starved 2 cores
  # enough for deadline tests to miss (a fresh-clone run: the watchdog and 10,000-call suites
  # of JSBridgeTests, 2026-12-07), as the full run found before.
  options=(--no-parallel)
fi
export SWIFT_BACKTRACE="enable=yes,threads=crashed,limit=128,top=64"
status=0
for index in "${!configurations[@]}"; do
  configuration="${configurations[$index]}"
  filter=()
  selection="${filters[$index]:-${filters[0]}}"
  if [ -n "$selection" ]; then filter=(--filter "$selection"); fi
  log=".build/gc-torture-$(echo "$configuration" | tr ' =' '_-').log"
  echo "== gc-torture: $configuration (${mode}; log $log)"
  start=$(date +%s)
  # shellcheck disable=SC2086
  env $configuration timeout --kill-after=10 1800 "${SWIFT:-swift}" test --skip-build "${options[@]}" "${filter[@]}" > "$log" 2>&1
  result=$?
  echo "   exit $result after $(( $(date +%s) - start )) s: $(grep -E '^(✔|✘) Test run' "$log" | tail -1)"
  if [ "$result" -ne 0 ]; then
    status=1
    grep -E '^✘|Program crashed|Fatal error' "$log" | head -20
    grep -A40 ' crashed:' "$log" | head -60
  fi
done
exit "$status"

#!/usr/bin/env bash
# Runs the built test suites, in parallel, with a deadline. A normal run takes about half a
# minute here; a run that has not finished in 10 minutes is stuck, so it is killed (with the
# test process swift starts, which `timeout` alone would leave running) and run once more,
# loudly. A second stuck run fails.
#
# The stuck runs seen so far were all real bugs that only showed under parallel load (e.g. the
# timers example's interval, which never cleared itself when its ticks overlapped).
set -uo pipefail
cd "$(dirname "$0")/.."
#
# The suites that draw pictures start Chromium (several processes each), and the CLI suites start
# container-demo child processes (a debug binary each, with its own JavaScript and network
# threads): they run after the rest, on their own, so their load does not push the loopback
# servers' answers past their deadlines on a 2-core machine (seen: a redirect test's request, and
# once four update and fetch tests at once, timed out while they ran alongside).
pictures='PageRendererTests|PicturesCLITests|ObservabilityCLITests|OTLPExportTests|InspectorCLITests'
run() {
  for attempt in 1 2; do
    timeout --kill-after=10 600 "${SWIFT:-swift}" test --skip-build "$@"
    status=$?
    if [ "$status" -ne 124 ] && [ "$status" -ne 137 ]; then return "$status"; fi
    pkill -9 -f 'PackageTests.xctest' || true
    echo "run-tests: the test run did not finish within 10 minutes (attempt $attempt of 2): a test is stuck" >&2
  done
  return 1
}
# The suites whose tests talk to servers on loopback under deadlines (updates, fetches, requests,
# hostile socket servers) run on their own too: alongside the CPU-heavy suites (hostile values,
# the framework's JavaScript, launch loops) on 2 cores, a loaded moment pushed their servers'
# answers past the deadlines under test (seen in two fresh-clone runs the same day, different
# tests each time). Their deadlines are what they test, so they get the machine instead.
network='FetchTests|FetchRedirectTests|UpdateTests|UpdateFlowTests|HostileSocketServerTests|NetworkFaultTests|RequestAbortTests|NetworkPolicyTests|RequestPluginTests|LaunchSourceTests|ResolutionTests'
run --skip "$pictures|$network" || exit $?
run --filter "$network" || exit $?
run --filter "$pictures"

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Run once in every warm context of the pool, before any app is adopted into it. Many of
// JavaScriptCore's built-in functions are written in JavaScript and compiled for each global
// object the first time they are called: microseconds each, paid during a launch when the app's
// first code uses them. Calling a few that launch code commonly uses (Array.from, map, filter and
// forEach) moves that to the idle time in which the pool refills.
// Each compiled built-in stays with the context (≈20 KiB of RSS for this list, measured with
// `hybrid-bench context-pool --pooled`), so the list is short. Nothing else is left behind:
// every value is local. Async functions and Promise.all are left out on purpose: with an
// `async` arrow awaited through Promise.all here, the full test suite crashed in JavaScriptCore's
// marking (SlotVisitor) in 3 runs of 3 of one clean build, and ran clean 3 times without the
// lines; the cause is not understood yet (BENCHMARKS.md, 2026-11-29).
(function () {
  'use strict';
  const list = Array.from({ length: 2 }, (_, index) => index);
  list.map((value) => value).filter(Boolean).forEach(() => {});
})();

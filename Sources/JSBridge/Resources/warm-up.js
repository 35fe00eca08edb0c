// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Run once in every warm context of the pool, before any app is adopted into it. Many of
// JavaScriptCore's built-in functions are written in JavaScript and compiled for each global
// object the first time they are called: microseconds each, paid during a launch when the app's
// first code uses them. Calling a few that launch code commonly uses (Array.from, map, filter and
// forEach) moves that to the idle time in which the pool refills.
// Each compiled built-in stays with the context (≈20 KiB of RSS for this list, measured with
// `hybrid-bench context-pool --pooled`), so the list is short. Nothing else is left behind:
// every value is local. Async functions and Promise.all were in the list once and were taken
// out when the suite crashed with them; the crash was a reference of ours the collector did not
// see (RELIABILITY.md, "Collector stress"), fixed since. They come back only with a launch A/B
// that shows what they save.
(function () {
  'use strict';
  const list = Array.from({ length: 2 }, (_, index) => index);
  list.map((value) => value).filter(Boolean).forEach(() => {});
})();

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// A minimal harness for the framework's JavaScript unit tests, run inside JavaScriptCore by
// FrameworkJavaScriptTests.swift: each `test` records a result in `globalThis.__testResults`.
const results = [];
Object.defineProperty(globalThis, '__testResults', { value: results });

const show = (value) => {
  try { return JSON.stringify(value); } catch (error) { return String(value); }
};

// A body may return a promise: its result is recorded when it settles (the host reads the
// results after its call returned, when the microtasks have run).
export function test(name, body) {
  try {
    const outcome = body();
    if (outcome && typeof outcome.then === 'function') {
      const result = { name, passed: false, message: 'the promise never settled' };
      results.push(result);
      outcome.then(() => { result.passed = true; result.message = ''; },
        (error) => { result.message = error && error.message ? error.message : String(error); });
      return;
    }
    results.push({ name, passed: true, message: '' });
  } catch (error) {
    results.push({ name, passed: false, message: error && error.message ? error.message : String(error) });
  }
}

// Deep equality through JSON (key order counts, as it does for what crosses to the host).
export function assertEqual(actual, expected, note) {
  if (show(actual) !== show(expected)) {
    throw new Error((note ? note + ': ' : '') + 'expected ' + show(expected) + ', got ' + show(actual));
  }
}

export function assertThrows(body, pattern, note) {
  try {
    body();
  } catch (error) {
    const message = error && error.message !== undefined ? error.message : String(error);
    if (pattern && !pattern.test(message)) throw new Error((note ? note + ': ' : '') + 'threw "' + message + '", not ' + pattern);
    return error;
  }
  throw new Error((note ? note + ': ' : '') + 'did not throw');
}

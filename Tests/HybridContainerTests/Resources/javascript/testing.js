// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// A minimal harness for the framework's JavaScript unit tests, run inside JavaScriptCore by
// FrameworkJavaScriptTests.swift: each `test` records a result in `globalThis.__testResults`.
const results = [];
Object.defineProperty(globalThis, '__testResults', { value: results });

const show = (value) => {
  try { return JSON.stringify(value); } catch (error) { return String(value); }
};

export function test(name, body) {
  try {
    body();
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

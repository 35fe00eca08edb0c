// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Whether a file of the app exists, asked of the host once per path: an app's files do not
// change while it runs (a new launch is a new context), and every page load and component
// lookup probes several (`.wxml`, `.axml`, `/index.js`, npm folders).
import { bridge } from 'hc:host';

const known = new Map();
// Paths are the package's own (routes, usingComponents); the bound only keeps a pathological
// app from growing this without end.
const maximumKnown = 10000;
export function fileExists(path) {
  let found = known.get(path);
  if (found === undefined) {
    found = bridge.exists(path) === true;
    if (known.size >= maximumKnown) known.clear();
    known.set(path, found);
  }
  return found;
}

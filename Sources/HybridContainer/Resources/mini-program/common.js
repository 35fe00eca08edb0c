// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// What every part of the framework shares: fixed globals, error reports, the app's page lists.
import { config } from 'hc:host';

// Defines a global the app can not overwrite or delete.
export const fixed = (name, value) => Object.defineProperty(globalThis, name, {
  value, writable: false, enumerable: false, configurable: false,
});
export const report = (error, origin) => globalThis.reportError(error, origin);
export const pages = config.pages;
export const allPages = config.pages.concat(config.subpackagePages);
export const tabPages = new Set(config.tabPages);

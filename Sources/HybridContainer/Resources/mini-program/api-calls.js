// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// How often the app called each namespaced API (`wx.request` → 3), for `__hcMini.stats()`.
export const apiCalls = Object.create(null);
export const count = (namespace, name) => {
  const key = namespace + '.' + name;
  apiCalls[key] = (apiCalls[key] || 0) + 1;
};

// Calls of APIs this host does not support (`wx.stopWifi` → 1), counted apart from the others.
export const unsupportedCalls = Object.create(null);
export const countUnsupported = (namespace, name) => {
  const key = namespace + '.' + name;
  unsupportedCalls[key] = (unsupportedCalls[key] || 0) + 1;
};

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// UI calls go to the host's UI delegate (`__hc.ui`); the answer says what the (headless) user
// did. Context objects (selector queries, canvases, …) are proxies that forward every call.
import { bridge } from 'hc:host';
import { clone } from './values.js';

const callbackNames = ['success', 'fail', 'complete'];
// The options of a call without its callbacks and functions (what crosses to the host).
export const withoutCallbacks = (options) => {
  const copy = {};
  for (const key of Object.keys(options)) if (!callbackNames.includes(key) && typeof options[key] !== 'function') copy[key] = options[key];
  return copy;
};
export const ui = (api, params) => bridge.call('__hc.ui', { api, params: clone(withoutCallbacks(params || {})) || {} });
export function uiObject(kind) {
  const target = {};
  const proxy = new Proxy(target, {
    get(object, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      return function (...args) {
        ui(kind + '.' + property, { arguments: clone(args) }).then(undefined, () => {});
        const callback = args.find((arg) => typeof arg === 'function');
        if (property === 'exec' || property === 'draw') {
          if (callback) Promise.resolve().then(() => callback(property === 'exec' ? [] : undefined));
          return undefined;
        }
        return proxy;
      };
    },
  });
  return proxy;
}

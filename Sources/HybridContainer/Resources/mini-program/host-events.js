// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Events the host sends to the app, and the listeners the app registers for them: every
// documented `on…` API (`wx.onNetworkStatusChange(cb)` listens to `networkStatusChange`),
// Alipay's generic `my.on(name, cb)`, and the app's own show/hide/error. The host emits with
// `MiniProgramSession.emit(_:payload:)`; `off…(cb)` removes one listener, `off…()` all of them.
import { report } from './common.js';
import { clone } from './values.js';

const registry = new Map();
// The framework's own observers of host events (the device's theme …): the app's `off…` calls
// can not remove them, and they are not counted as listeners.
const observers = new Map();
export function observe(event, callback) { observers.set(event, (observers.get(event) || []).concat([callback])); }

// `onNetworkStatusChange` → `networkStatusChange`.
export const eventOfListener = (name) => name.charAt(2).toLowerCase() + name.slice(3);

// Registers `callback` for `event`; returns Alipay's `{ remove }` handle.
export function addListener(event, callback) {
  if (typeof callback !== 'function') throw new TypeError('a listener of ' + event + ' must be a function');
  const list = registry.get(event) || [];
  list.push(callback);
  registry.set(event, list);
  return { remove() { removeListener(event, callback); } };
}

// Removes `callback` from `event`, or every listener of `event` when no function is given.
export function removeListener(event, callback) {
  const list = registry.get(event);
  if (!list) return;
  if (typeof callback !== 'function') {
    registry.delete(event);
    return;
  }
  const index = list.indexOf(callback);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) registry.delete(event);
}

// Calls every listener of `event` with its own copy of `payload`; a throwing listener is
// reported and the others still run. Returns how many listeners were called.
export function emit(event, payload) {
  for (const observer of observers.get(event) || []) {
    try { observer(clone(payload)); } catch (error) { report(error, event + ' observer'); }
  }
  const list = (registry.get(event) || []).slice();
  for (const callback of list) {
    try { callback(clone(payload)); } catch (error) { report(error, event + ' listener'); }
  }
  return list.length;
}

export const listenerCount = (event) => (registry.get(event) || []).length;

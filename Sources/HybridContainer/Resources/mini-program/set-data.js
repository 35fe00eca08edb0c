// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// setData and its observers; page updates go to the host's render sink (`__hc.render`).
import { bridge } from 'hc:host';
import { report } from './common.js';
import { isObject, clone, parsePath, getPath, setPath, diffInto } from './values.js';

// Captured before app code runs (an app replacing JSON.stringify only affects itself).
const stringify = JSON.stringify;
// The data crosses as JSON text — what the platforms send their view layer, and far cheaper to
// hand over than an object converted property by property — except canvas drawing (binary
// images) and a value JSON cannot hold (a cycle, a BigInt), which cross as values.
export function render(state, kind, extra) {
  try {
    let json;
    let data = extra.data;
    if (kind !== 'canvas' && data !== undefined) {
      try { json = stringify(data); } catch (error) { json = undefined; }
      if (typeof json === 'string') data = undefined; else json = undefined;
    }
    // Positional (MiniProgramPlugin.RenderParams): the host reads six slots instead of
    // converting an object's property names; a page load makes four of these calls.
    bridge.callSync('__hc.render', [state.id, state.route, kind, json, data, extra.query]);
  } catch (error) {
    report(error, 'render of ' + state.route);
  }
}
export const states = new WeakMap();
// A setData key whose diff would have more entries than this crosses whole (a list replaced
// item by item is smaller, and far cheaper to make, as itself).
const maximumDiffEntries = 256;
export function applySetData(page, changes, callback) {
  const state = states.get(page);
  if (!state) throw new TypeError('setData must be called on a page or component');
  if (!isObject(changes) || Array.isArray(changes)) throw new TypeError('setData expects an object of path → value');
  if (callback !== undefined && typeof callback !== 'function') throw new TypeError('setData: the callback must be a function');
  if (state.unloaded) { console.warn('setData on ' + state.route + ' after onUnload is ignored'); return; }
  const diff = {};
  const touched = [];
  for (const key of Object.keys(changes)) {
    const segments = parsePath(key);
    if (changes[key] === undefined) { console.warn('setData: "' + key + '" is undefined and is not set'); continue; }
    const value = clone(changes[key]);
    setPath(page.data, segments, value);
    diffInto(getPath(state.rendered, segments), value, key, diff, 0, maximumDiffEntries);
    setPath(state.rendered, segments, clone(value));
    touched.push(segments);
  }
  if (Object.keys(diff).length > 0 && !state.component) render(state, 'diff', { data: diff });
  runObservers(page, state, touched);
  // The view layer renders the owner's subtree again (render-tree.js).
  if (state.onSetData && touched.length > 0) state.onSetData(touched);
  if (callback) Promise.resolve().then(() => {
    try { callback.call(page); } catch (error) { report(error, state.route + ' setData callback'); }
  });
}
export function runObservers(page, state, touched) {
  for (const [fields, handler] of state.observers) {
    const hit = fields.some((field) => field === '**' || touched.some((segments) => {
      const root = String(segments[0]);
      return field === root || field.startsWith(root + '.') || field.startsWith(root + '[') || field === root + '.**';
    }));
    if (!hit) continue;
    try {
      handler.apply(page, fields.map((field) => field === '**' ? page.data : getPath(page.data, parsePath(field.replace(/\.\*\*$/, '')))));
    } catch (error) { report(error, state.route + ' observer "' + fields.join(', ') + '"'); }
  }
}

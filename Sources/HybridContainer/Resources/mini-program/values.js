// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Pure value helpers of the mini-program framework: deep copies, data paths and the minimal
// diff the render layer receives. No host access; unit-tested in JavaScriptCore
// (Tests/HybridContainerTests/JavaScript/values.test.js).

export const isObject = (value) => value !== null && typeof value === 'object';
export const isPlain = (value) => isObject(value) && !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

// A copy that crosses to the host: functions and symbols dropped, depth bounded.
export function clone(value, depth = 0) {
  if (depth > 100) throw new TypeError('setData: data nests deeper than 100 levels (is there a cycle?)');
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (!isObject(value)) return value;
  if (Object.getPrototypeOf(value) === Object.prototype) return cloneFields(value, depth);
  if (Array.isArray(value)) return value.map((item) => { const copy = clone(item, depth + 1); return copy === undefined ? null : copy; });
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof ArrayBuffer) return value.slice(0);
  if (ArrayBuffer.isView(value)) return value.slice ? value.slice() : value;
  return cloneFields(value, depth);
}
// A plain copy of an object's own enumerable fields.
function cloneFields(value, depth) {
  const copy = {};
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = clone(value[key], depth + 1);
    if (item === undefined) continue;
    // An own `__proto__` key (JSON.parse makes them) stays a plain key: assigning it would set the copy's prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
// Path segments that would reach an object's prototype or constructor instead of its data.
const unsafeSegments = new Set(['__proto__', 'constructor', 'prototype']);
export function parsePath(key) {
  const segments = [];
  let i = 0, name = '';
  const fail = () => { throw new Error('setData: "' + key + '" is not a valid data path'); };
  while (i < key.length) {
    const c = key[i];
    if (c === '.') { if (name === '') fail(); segments.push(name); name = ''; i++; if (i === key.length) fail(); }
    else if (c === '[') {
      if (name !== '') { segments.push(name); name = ''; }
      // `a[0]`, `a[0][1]`, and `a.[0]` (compiled frameworks write their paths so).
      else if (segments.length === 0) fail();
      const close = key.indexOf(']', i);
      if (close < 0) fail();
      const index = key.slice(i + 1, close);
      if (!/^\d+$/.test(index)) fail();
      segments.push(Number(index));
      i = close + 1;
      if (i < key.length && key[i] !== '.' && key[i] !== '[') fail();
      if (key[i] === '.') { i++; if (i === key.length) fail(); }
    } else if (c === ']') fail();
    else { name += c; i++; }
  }
  if (name !== '') segments.push(name);
  if (segments.length === 0) fail();
  const unsafe = segments.find((segment) => unsafeSegments.has(segment));
  if (unsafe !== undefined) throw new Error('setData: "' + key + '" names "' + unsafe + '", which a data path may not use');
  return segments;
}
export function getPath(root, segments) {
  let current = root;
  for (const segment of segments) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}
export function setPath(root, segments, value) {
  let current = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i];
    if (!isObject(current[segment])) current[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    current = current[segment];
  }
  current[segments[segments.length - 1]] = value;
}
// A key a data path can name with a dot: an identifier (`[A-Za-z_$][\w$]*`).
export function simpleKey(key) {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}
// What the host must apply to turn `before` (its copy) into `after`, as path → value. The path
// of a visited value is spelled out only when something there changed (`trail`: the keys and
// indexes below `path`). With `limit`, a diff of more entries than that is `after` whole, at `path`.
export function diffInto(before, after, path, out, depth, limit) {
  const changes = { paths: [], values: [], limit: limit === undefined ? Infinity : limit };
  if (!diffAt(before, after, path, [], changes, depth)) { out[path] = after; return; }
  for (let i = 0; i < changes.paths.length; i++) out[changes.paths[i]] = changes.values[i];
}
function spelled(path, trail) {
  let text = path;
  for (let i = 0; i < trail.length; i++) text += typeof trail[i] === 'number' ? '[' + trail[i] + ']' : '.' + trail[i];
  return text;
}
// Adds the changes below `path` + `trail` to `changes`; false when they passed its limit.
function diffAt(before, after, path, trail, changes, depth) {
  if (depth < 32 && isPlain(before) && isPlain(after)) {
    const newKeys = Object.keys(after);
    let replace = false;
    for (const key in before) if (Object.prototype.hasOwnProperty.call(before, key) && !(key in after)) { replace = true; break; }
    for (let i = 0; !replace && i < newKeys.length; i++) if (!simpleKey(newKeys[i])) replace = true;
    if (replace) return change(changes, spelled(path, trail), after);
    for (let i = 0; i < newKeys.length; i++) {
      const key = newKeys[i];
      trail.push(key);
      const within = diffAt(before[key], after[key], path, trail, changes, depth + 1);
      trail.pop();
      if (!within) return false;
    }
    return true;
  }
  if (depth < 32 && Array.isArray(before) && Array.isArray(after) && after.length >= before.length) {
    for (let i = 0; i < after.length; i++) {
      trail.push(i);
      const within = diffAt(before[i], after[i], path, trail, changes, depth + 1);
      trail.pop();
      if (!within) return false;
    }
    return true;
  }
  if (isObject(before) || isObject(after) || !Object.is(before, after)) {
    if (isObject(before) && isObject(after) && JSON.stringify(before) === JSON.stringify(after)) return true;
    return change(changes, spelled(path, trail), after);
  }
  return true;
}
function change(changes, path, value) {
  if (changes.paths.length >= changes.limit) return false;
  changes.paths.push(path);
  changes.values.push(value);
  return true;
}

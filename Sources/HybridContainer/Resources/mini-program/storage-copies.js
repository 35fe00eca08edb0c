// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The framework's copies of stored values: `getStorageSync` answers from here, without a call,
// while the app's storage generation is the one the copy was read at. Every process using the
// store announces its writes in the shared generations before committing (StorageMirror.swift),
// so a copy is never used after anyone's write. Each read returns a fresh value, as a read from
// the store does (objects are parsed again from their JSON text).
import { bridge } from 'hc:host';

// Captured before any app code runs (an app replacing them only affects itself, but keep the
// framework's own reads intact).
const parse = JSON.parse;
const stringify = JSON.stringify;
// The shared generations as 32-bit words (slot s: words s, s + 1 = low, high), or null.
const words = (() => {
  try {
    const buffer = bridge.sharedBuffer('storage-generations');
    return buffer === undefined ? null : new Uint32Array(buffer);
  } catch (error) {
    return null;
  }
})();
// Bounds: this many keys, values up to this many characters of JSON.
const maximumCopies = 512;
const maximumText = 64 * 1024;
const copies = new Map();

// The stored value of `key` (null when there is none); throws the store's error.
export function readStored(key) {
  const copy = copies.get(key);
  if (copy !== undefined && words[copy.slot] === copy.low && words[copy.slot + 1] === copy.high) {
    return copy.text === null ? copy.value : parse(copy.text);
  }
  const result = bridge.callSync('__hc.storageRead', { key });
  remember(key, result);
  return result.data;
}

function remember(key, result) {
  const generation = result.generation;
  if (words === null || generation === undefined || typeof result.slot !== 'number') { copies.delete(key); return; }
  const data = result.data;
  let text = null;
  if (data !== null && typeof data === 'object') {
    text = stringify(data);
    if (text.length > maximumText) { copies.delete(key); return; }
  }
  if (copies.size >= maximumCopies && !copies.has(key)) copies.clear();
  copies.set(key, { slot: result.slot, low: generation[0], high: generation[1], text, value: text === null ? data : null });
}

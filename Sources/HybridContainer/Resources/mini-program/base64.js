// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// base64 for ArrayBuffer ↔ string APIs. Pure; unit-tested in JavaScriptCore
// (Tests/HybridContainerTests/JavaScript/base64.test.js).
import { APIFailure } from './api-failure.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function base64Encode(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
    text += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] +
      (i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? alphabet[n & 63] : '=');
  }
  return text;
}
export function base64Decode(text) {
  const clean = text.replace(/[\s=]+/g, '');
  if (/[^A-Za-z0-9+/]/.test(clean) || clean.length % 4 === 1) throw new APIFailure(2, 'not valid base64');
  const bytes = new Uint8Array(Math.floor(clean.length * 3 / 4));
  let bits = 0, value = 0, index = 0;
  for (const character of clean) {
    value = (value << 6) | alphabet.indexOf(character);
    bits += 6;
    if (bits >= 8) { bits -= 8; bytes[index++] = (value >> bits) & 255; }
  }
  return bytes;
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual, assertThrows } from './testing.js';
import { base64Encode, base64Decode } from './base64.js';

const bytes = (text) => Array.from(new TextEncoder().encode(text));

test('base64Encode pads to a multiple of four', () => {
  assertEqual(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((text) => base64Encode(bytes(text))),
    ['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
});

test('base64Decode inverts base64Encode for every byte value', () => {
  const all = Array.from({ length: 256 }, (_, i) => i);
  assertEqual(Array.from(base64Decode(base64Encode(all))), all);
});

test('base64Decode ignores padding and whitespace and refuses other characters', () => {
  assertEqual(Array.from(base64Decode('Zm9v\nYmE=')), bytes('fooba'));
  assertThrows(() => base64Decode('Zm9v*'), /not valid base64/);
  assertThrows(() => base64Decode('Z'), /not valid base64/);
});

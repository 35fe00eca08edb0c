// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual, assertThrows } from './testing.js';
import { clone, parsePath, getPath, setPath, diffInto, isPlain } from './values.js';

test('parsePath splits names and indexes', () => {
  assertEqual(parsePath('a'), ['a']);
  assertEqual(parsePath('a.b.c'), ['a', 'b', 'c']);
  assertEqual(parsePath('list[0].title'), ['list', 0, 'title']);
  assertEqual(parsePath('grid[2][3]'), ['grid', 2, 3]);
  assertEqual(parsePath('a-b c'), ['a-b c'], 'any character but . [ ] belongs to a name');
  assertEqual(parsePath('root.cn.[0].cn.[1]'), ['root', 'cn', 0, 'cn', 1], 'compiled frameworks write `.[n]`');
  assertEqual(parsePath('a.[0][1].b'), ['a', 0, 1, 'b']);
  assertEqual(parsePath('a.0.b'), ['a', '0', 'b'], 'a numeric key after a dot is a name');
});

test('parsePath refuses malformed paths', () => {
  for (const bad of ['', '.a', 'a.', 'a..b', 'a[', 'a[x]', 'a[-1]', 'a]', '[0]', 'a[0]b', 'a.[', 'a.[x]', 'a..[0]']) {
    assertThrows(() => parsePath(bad), /is not a valid data path/, JSON.stringify(bad));
  }
});

test('parsePath refuses segments that reach prototypes', () => {
  for (const bad of ['__proto__.polluted', 'a.__proto__', 'a.constructor.prototype.x', 'list[0].constructor', 'prototype']) {
    assertThrows(() => parsePath(bad), /which a data path may not use/, JSON.stringify(bad));
  }
  assertEqual(parsePath('protos.constructors'), ['protos', 'constructors'], 'only whole segments are refused');
});

test('clone keeps an own __proto__ key as data, never as the prototype', () => {
  const copy = clone(JSON.parse('{"__proto__": {"polluted": "yes"}, "n": 1}'));
  assertEqual(Object.getPrototypeOf(copy), Object.prototype);
  assertEqual(copy.polluted, undefined);
  assertEqual(Object.keys(copy), ['__proto__', 'n']);
  assertEqual(({}).polluted, undefined);
});

test('getPath reads through objects and arrays, undefined past a leaf', () => {
  const data = { list: [{ title: 'x' }], n: 1 };
  assertEqual(getPath(data, ['list', 0, 'title']), 'x');
  assertEqual(getPath(data, ['n', 'deeper']), undefined);
  assertEqual(getPath(data, ['missing', 'x']), undefined);
});

test('setPath creates arrays for numeric segments and objects otherwise', () => {
  const root = {};
  setPath(root, ['a', 0, 'b'], 1);
  setPath(root, ['c', 'd'], 2);
  assertEqual(root, { a: [{ b: 1 }], c: { d: 2 } });
  assertEqual(Array.isArray(root.a), true);
});

test('clone drops functions and symbols, turns holes into null and bounds depth', () => {
  assertEqual(clone({ f() {}, s: Symbol('x'), n: 1, list: [1, () => 2, undefined] }), { n: 1, list: [1, null, null] });
  const date = new Date(5);
  assertEqual(clone({ date }).date.getTime(), 5);
  let deep = {};
  for (let i = 0; i < 150; i++) deep = { inner: deep };
  assertThrows(() => clone(deep), /deeper than 100 levels/);
});

test('diffInto sends only changed leaves of plain objects', () => {
  const out = {};
  diffInto({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2, d: 4 } }, 'root', out, 0);
  assertEqual(out, { 'root.b.d': 4 });
});

test('diffInto replaces an object that lost a key, and appends to grown arrays by index', () => {
  const removed = {};
  diffInto({ a: 1, b: 2 }, { a: 1 }, 'x', removed, 0);
  assertEqual(removed, { x: { a: 1 } });
  const grown = {};
  diffInto([1, 2], [1, 2, 3], 'list', grown, 0);
  assertEqual(grown, { 'list[2]': 3 });
  const shrunk = {};
  diffInto([1, 2, 3], [1], 'list', shrunk, 0);
  assertEqual(shrunk, { list: [1] });
});

test('diffInto treats keys that are not identifiers as one value, and NaN as unchanged', () => {
  const out = {};
  diffInto({ 'a-b': 1 }, { 'a-b': 2 }, 'x', out, 0);
  assertEqual(out, { x: { 'a-b': 2 } });
  const same = {};
  diffInto(NaN, NaN, 'n', same, 0);
  assertEqual(same, {});
});

test('isPlain accepts object literals and null-prototype objects only', () => {
  assertEqual([{}, Object.create(null), [], new Date(0), null, 1].map(isPlain), [true, true, false, false, false, false]);
});

test('diffInto with a limit sends the value whole once its diff would pass the limit', () => {
  const before = Array.from({ length: 10 }, (unused, i) => ({ id: i, value: i }));
  const few = before.map((item, i) => i < 3 ? { id: i, value: -i - 1 } : item);
  const under = {};
  diffInto(before, few, 'items', under, 0, 3);
  assertEqual(under, { 'items[0].value': -1, 'items[1].value': -2, 'items[2].value': -3 });
  const many = before.map((item, i) => ({ id: i, value: -i - 1 }));
  const over = {};
  diffInto(before, many, 'items', over, 0, 3);
  assertEqual(over, { items: many });
  const unlimited = {};
  diffInto(before, many, 'items', unlimited, 0);
  assertEqual(Object.keys(unlimited).length, 10);
});

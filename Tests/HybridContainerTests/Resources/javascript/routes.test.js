// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual, assertThrows } from './testing.js';
import { join, parseURL, NavigationError } from './routes.js';

const pages = ['pages/index/index', 'pages/detail/detail', 'sub/a/a'];

test('join resolves . and .. inside the package', () => {
  assertEqual(join('pages/index', '../detail/detail'), 'pages/detail/detail');
  assertEqual(join('', './pages//index/./index'), 'pages/index/index');
  assertThrows(() => join('pages', '../../x'), /leaves the package/);
});

test('parseURL resolves absolute and relative URLs against the current page', () => {
  assertEqual(parseURL('/pages/detail/detail?id=2', 'pages/index/index', pages), { route: 'pages/detail/detail', query: { id: '2' } });
  assertEqual(parseURL('../detail/detail', 'pages/index/index', pages).route, 'pages/detail/detail');
  assertEqual(parseURL('pages/index/index', null, pages).route, 'pages/index/index');
  assertEqual(parseURL('/sub/a/a.js', null, pages).route, 'sub/a/a', 'a trailing .js is dropped');
});

test('parseURL decodes the query (+ as space, bad escapes kept, keys without =)', () => {
  const { query } = parseURL('/pages/index/index?a=1+2&b=%E4%B8%96&c=%zz&flag&=x', null, pages);
  assertEqual(query, { a: '1 2', b: '世', c: '%zz', flag: '', '': 'x' });
});

test('parseURL refuses pages not in app.json and empty URLs with a NavigationError', () => {
  const error = assertThrows(() => parseURL('/pages/nope', null, pages), /not found in app\.json/);
  assertEqual(error instanceof NavigationError, true);
  assertThrows(() => parseURL('', null, pages), /non-empty string/);
  assertThrows(() => parseURL(42, null, pages), /non-empty string/);
});

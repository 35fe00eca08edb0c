// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Navigation rules: relative page URLs resolved against the current page, queries parsed.
// Pure; unit-tested in JavaScriptCore (Tests/HybridContainerTests/JavaScript/routes.test.js).

export class NavigationError extends Error {}
NavigationError.prototype.name = 'NavigationError';
export function join(base, path) {
  const parts = base === '' ? [] : base.split('/');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') { if (parts.length === 0) throw new NavigationError('"' + path + '" leaves the package'); parts.pop(); continue; }
    parts.push(segment);
  }
  return parts.join('/');
}
// `url` (absolute, or relative to `currentRoute`) as a route listed in `allPages` and its query.
export function parseURL(url, currentRoute, allPages) {
  if (typeof url !== 'string' || url === '') throw new NavigationError('url must be a non-empty string');
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const search = mark < 0 ? '' : url.slice(mark + 1);
  const base = path.startsWith('/') || currentRoute === null ? '' : currentRoute.slice(0, Math.max(0, currentRoute.lastIndexOf('/')));
  const route = join(base, path).replace(/\.js$/, '');
  if (!allPages.includes(route)) throw new NavigationError('page "' + route + '" is not found in app.json');
  const query = {};
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const decode = (text) => { try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return text; } };
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    query[key] = equals < 0 ? '' : decode(pair.slice(equals + 1));
  }
  return { route, query };
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The JavaScript half of the module system (see ModulePrelude.swift for the resolution rules):
// `require()`, the module cache, JSON modules, and the helpers the ES module transform calls.
(function (native) {
  'use strict';
  const cache = new Map();
  // The files whose bodies are running now, outermost first (a module requiring another adds
  // it on top): the framework attributes a `Component()`/`Page()` call to the file being loaded.
  const loading = [];
  const dirname = (path) => { const i = path.lastIndexOf('/'); return i < 0 ? '' : path.slice(0, i); };
  function join(base, request) {
    const parts = base === '' ? [] : base.split('/');
    for (const segment of request.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') { if (parts.length === 0) return null; parts.pop(); continue; }
      parts.push(segment);
    }
    return parts.join('/');
  }
  function candidates(base) {
    if (base === null) return [];
    const list = [];
    if (base !== '') list.push(base, base + '.js', base + '.json');
    const prefix = base === '' ? '' : base + '/';
    list.push(prefix + 'index.js', prefix + 'index.json');
    return list;
  }
  // Points an error made here at the app's line that called require/import.
  function blameCaller(error) {
    for (const frame of String(error.stack || '').split('\n')) {
      const match = /@(.+):(\d+):(\d+)$/.exec(frame);
      if (!match || match[1].startsWith('hybrid://')) continue;
      for (const [key, value] of [['sourceURL', match[1]], ['line', Number(match[2])], ['column', Number(match[3])]]) {
        Object.defineProperty(error, key, { value, writable: true, enumerable: false, configurable: true });
      }
      break;
    }
    return error;
  }
  function resolve(from, request) {
    if (typeof request !== 'string' || request === '') {
      throw new TypeError('require: the module name must be a non-empty string');
    }
    const folder = dirname(from);
    let bases;
    if (request.startsWith('/')) bases = [join('', request)];
    else if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../')) bases = [join(folder, request)];
    else bases = [join(folder, request), join('miniprogram_npm', request), join('node_modules', request), join('', request)];
    for (const base of bases) {
      for (const candidate of candidates(base)) {
        if (native.moduleExists(candidate)) return candidate;
      }
    }
    const error = new Error("Cannot find module '" + request + "' from '" + (from || '/') + "'");
    error.code = 'MODULE_NOT_FOUND';
    throw blameCaller(error);
  }
  function load(path) {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const loaded = native.loadModule(path);
    const module = { id: path, filename: path, exports: {}, loaded: false };
    cache.set(path, module);
    if ('json' in loaded) {
      module.exports = loaded.json;
      module.loaded = true;
      return module.exports;
    }
    const meta = Object.freeze({ url: path });
    loading.push(path);
    try {
      loaded.factory.call(module.exports, module.exports, makeRequire(path), module, path, dirname(path),
        (request) => dynamicImport(path, request), meta);
    } catch (error) {
      cache.delete(path);
      throw error;
    } finally {
      loading.pop();
    }
    module.loaded = true;
    return module.exports;
  }
  function namespaceOf(value) {
    if (value && value.__esModule) return value;
    const namespace = Object.create(null);
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
      for (const key of Object.keys(value)) namespace[key] = value[key];
    }
    namespace.default = value;
    return namespace;
  }
  function dynamicImport(from, request) {
    return new Promise((resolvePromise) => resolvePromise(namespaceOf(load(resolve(from, String(request))))));
  }
  function makeRequire(from) {
    const require = function require(request) { return load(resolve(from, request)); };
    require.resolve = (request) => resolve(from, request);
    // WeChat's on-demand loading (e.g. another subpackage's module): a promise of the
    // module's exports, loaded after the caller's current job; failures reject.
    require.async = (request) => Promise.resolve().then(() => load(resolve(from, String(request))));
    return require;
  }
  const main = makeRequire('');
  // `require.loading()`: a copy of the stack of files being loaded (read-only to callers).
  Object.defineProperty(main, 'loading', { value: () => loading.slice(), writable: false, enumerable: false, configurable: false });
  Object.defineProperty(globalThis, 'require', {
    value: main, writable: true, enumerable: false, configurable: true,
  });
  // Runs a file as the main module (its own require, exports and file name).
  return function runMain(path) { return load(resolve('', '/' + path)); };
})

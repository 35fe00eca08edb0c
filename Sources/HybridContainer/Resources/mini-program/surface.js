// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Completes a namespace from its platform's documented API list (`Resources/platform-apis/`,
// names and kinds from the public typings): after the implemented APIs are defined, every other
// listed name becomes a function that behaves as its kind says.
//
// - `listener` / `unlisten`: registers with / removes from the host events (host-events.js).
// - `async`: fails in the platform's shape (fail + complete callbacks, or a rejected promise
//   that is not reported as unhandled when the app ignores it).
// - `sync`: throws the platform's error.
// - `factory`: returns an object with every listed method; its `on…`/`off…` methods keep
//   listeners, `…Sync` methods throw, the others fail their callbacks (no callbacks: nothing).
// - `task`: fails like `async` and returns a handle with every listed method; the handle's
//   `onError` listeners hear the failure.
// Every call of an unsupported API is counted apart from the working ones (smoke reports).
// Handles of implemented factories and tasks get the listed methods they lack the same way.
import { countUnsupported } from './api-calls.js';
import { addListener, removeListener, eventOfListener } from './host-events.js';
import { shapes, callbackNames } from './api-support.js';

// WeChat's errMsg names the API already (`login:fail not supported by this host`); Alipay's
// errorMessage says it.
export const NOT_SUPPORTED = 'not supported by this host';
const notSupported = (namespace, flavor, name) => ({
  code: 1, message: flavor === 'wechat' ? NOT_SUPPORTED : namespace + '.' + name + ' is not supported by this host',
});

const hasCallbacks = (options) => options !== null && typeof options === 'object' &&
  callbackNames.some((key) => typeof options[key] === 'function');

// Calls `fail` then `complete` of `options` with `failure`, later (as the platforms do).
function failCallbacks(options, failure) {
  Promise.resolve().then(() => {
    for (const key of ['fail', 'complete']) if (typeof options[key] === 'function') options[key](failure);
  });
}

// Fails an unsupported call: its `fail` and `complete` callbacks, or, without callbacks, a
// rejected promise that is not an unhandled rejection when ignored (the call is counted as
// unsupported, not as an error of the app; an `await` still sees the failure).
function failCall(options, failure) {
  if (hasCallbacks(options)) {
    failCallbacks(options, failure);
    return undefined;
  }
  const promise = Promise.reject(failure);
  promise.catch(() => {});
  return promise;
}

// A method of a handle or factory object that this host does not implement.
function unsupportedMethod(namespace, flavor, owner, name, localListeners) {
  const label = owner + '.' + name;
  if (/^on[A-Z]/.test(name)) return function (callback) { localListeners.add(name, callback); };
  if (/^off[A-Z]/.test(name)) return function (callback) { localListeners.remove('on' + name.slice(3), callback); };
  if (name.endsWith('Sync')) {
    return function () {
      countUnsupported(namespace, label);
      throw shapes[flavor].thrown(label, notSupported(namespace, flavor, label));
    };
  }
  // Others fail like unsupported APIs (`ad.show().catch(…)` sees the failure).
  return function (options) {
    countUnsupported(namespace, label);
    return failCall(options, shapes[flavor].fail(label, notSupported(namespace, flavor, label)));
  };
}

// Listeners kept by one handle (a `SocketTask`'s `onError` …), for `fire`.
function handleListeners() {
  const map = new Map();
  return {
    add(name, callback) { if (typeof callback === 'function') map.set(name, (map.get(name) || []).concat([callback])); },
    remove(name, callback) {
      if (typeof callback !== 'function') map.delete(name);
      else map.set(name, (map.get(name) || []).filter((f) => f !== callback));
    },
    fire(name, value) { for (const callback of map.get(name) || []) callback(value); },
  };
}

// Adds the listed methods `handle` lacks.
export function completeHandle(handle, entry, namespace, flavor) {
  if (handle === null || typeof handle !== 'object' || !entry || !Array.isArray(entry.methods)) return handle;
  const listeners = handleListeners();
  for (const method of entry.methods) {
    if (typeof handle[method] !== 'function') handle[method] = unsupportedMethod(namespace, flavor, entry.returns || 'handle', method, listeners);
  }
  return handle;
}

function unsupportedAPI(namespace, flavor, name, entry) {
  const shape = shapes[flavor];
  switch (entry.kind) {
    case 'listener':
      return name === 'on'
        ? function on(event, callback) { return addListener(String(event), callback); }
        : function (callback) { return addListener(eventOfListener(name), callback); };
    case 'unlisten':
      return name === 'off'
        ? function off(event, callback) { removeListener(String(event), callback); }
        : function (callback) { removeListener(eventOfListener('on' + name.slice(3)), callback); };
    case 'sync':
      return function () {
        countUnsupported(namespace, name);
        throw shape.thrown(name, notSupported(namespace, flavor, name));
      };
    case 'factory':
      return function () {
        countUnsupported(namespace, name);
        return completeHandle({}, entry, namespace, flavor);
      };
    case 'task':
      return function (options) {
        countUnsupported(namespace, name);
        const failure = shape.fail(name, notSupported(namespace, flavor, name));
        const listeners = handleListeners();
        const handle = {};
        for (const method of entry.methods || []) handle[method] = unsupportedMethod(namespace, flavor, entry.returns || name, method, listeners);
        if (hasCallbacks(options)) failCallbacks(options, failure);
        Promise.resolve().then(() => listeners.fire('onError', failure));
        return handle;
      };
    default:
      return function (options) {
        countUnsupported(namespace, name);
        return failCall(options, shape.fail(name, notSupported(namespace, flavor, name)));
      };
  }
}

// Defines every listed name `api` lacks; returns the names that work (for `canIUse`).
export function completeNamespace(api, namespace, flavor, list) {
  const working = new Set(Object.keys(api).filter((name) => typeof api[name] === 'function'));
  for (const name of Object.keys(list.apis)) {
    const entry = list.apis[name];
    if (typeof api[name] === 'function') continue;
    api[name] = unsupportedAPI(namespace, flavor, name, entry);
    if (entry.kind === 'listener' || entry.kind === 'unlisten') working.add(name);
  }
  return working;
}

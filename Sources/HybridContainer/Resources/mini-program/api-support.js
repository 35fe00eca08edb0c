// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The API wrappers' machinery: failure shapes per platform, the async/sync wrappers (callbacks
// or promise, call counts), request and storage helpers, and the list of UI APIs. APIs this host
// does not implement are completed from the platform's list (surface.js).
import { report } from './common.js';
import { isObject } from './values.js';
import { NavigationError } from './routes.js';
import { APIFailure } from './api-failure.js';
import { count } from './api-calls.js';

const normalize = (error) => {
  if (error instanceof APIFailure) return { code: error.code, message: error.message };
  if (error instanceof NavigationError) return { code: 2, message: error.message };
  if (isObject(error) && 'error' in error && 'errorMessage' in error) return { code: error.error, message: String(error.errorMessage) };
  if (error instanceof Error) return { code: 3, message: error.name + ': ' + error.message };
  return { code: 3, message: String(error) };
};
// An error thrown for the app points at the app's line that made the call, not at the framework
// (its first stack frame outside `hybrid://`), as the platforms' errors do.
export function atAppCaller(error) {
  const frames = String(error.stack || '').split('\n');
  for (const frame of frames) {
    const match = /@(.+):(\d+):(\d+)$/.exec(frame);
    if (match === null || match[1].startsWith('hybrid://')) continue;
    for (const [key, value] of [['sourceURL', match[1]], ['line', Number(match[2])], ['column', Number(match[3])]]) {
      Object.defineProperty(error, key, { value, writable: true, enumerable: false, configurable: true });
    }
    break;
  }
  return error;
}
export const shapes = {
  alipay: {
    ok: (api, result) => isObject(result) ? result : {},
    fail: (api, failure) => ({ error: failure.code, errorMessage: failure.message }),
    thrown: (api, failure) => atAppCaller(Object.assign(new Error(failure.message), { error: failure.code, errorMessage: failure.message })),
  },
  wechat: {
    ok: (api, result) => Object.assign({}, isObject(result) ? result : {}, { errMsg: api + ':ok' }),
    fail: (api, failure) => ({ errMsg: api + ':fail ' + failure.message }),
    thrown: (api, failure) => atAppCaller(Object.assign(new Error(api + ':fail ' + failure.message), { errMsg: api + ':fail ' + failure.message })),
  },
};
export const callbackNames = ['success', 'fail', 'complete'];
export function asyncAPI(namespace, flavor, name, implementation, makeTask) {
  const shape = shapes[flavor];
  return function (options) {
    count(namespace, name);
    const params = isObject(options) ? options : {};
    const hasCallbacks = callbackNames.some((key) => typeof params[key] === 'function');
    const state = { aborted: false };
    const promise = Promise.resolve()
      .then(() => { if (state.aborted) throw new APIFailure(9, 'abort'); return implementation(params, state); })
      .then((result) => {
        if (state.aborted) throw new APIFailure(9, 'abort');
        return shape.ok(name, result);
      }, (error) => { throw shape.fail(name, state.aborted ? { code: 9, message: 'abort' } : normalize(error)); });
    if (!hasCallbacks) return makeTask ? Object.assign(promise, makeTask(state)) : promise;
    const run = (key, value) => {
      if (typeof params[key] !== 'function') return;
      try { params[key](value); } catch (error) { report(error, namespace + '.' + name + ' ' + key + ' callback'); }
    };
    promise.then((result) => { run('success', result); run('complete', result); },
      (failure) => { run('fail', failure); run('complete', failure); });
    return makeTask ? makeTask(state) : undefined;
  };
}
export function syncAPI(namespace, flavor, name, implementation) {
  return function (...args) {
    count(namespace, name);
    try {
      return implementation(...args);
    } catch (error) {
      throw shapes[flavor].thrown(name, normalize(error));
    }
  };
}
export const requireKey = (key) => {
  if (typeof key !== 'string' || key === '') throw new APIFailure(2, 'key must be a non-empty string');
  return key;
};
export const toKB = (info) => ({ keys: info.keys, currentSize: Math.ceil(info.currentSize / 1024), limitSize: Math.floor(info.limitSize / 1024) });
const encodeQuery = (data) => Object.keys(data).map((key) => encodeURIComponent(key) + '=' +
  encodeURIComponent(isObject(data[key]) ? JSON.stringify(data[key]) : String(data[key]))).join('&');
export function nativeRequest(options, headersField, state) {
  if (typeof options.url !== 'string') throw new APIFailure(2, 'url must be a string');
  const method = String(options.method || 'GET').toUpperCase();
  let url = options.url;
  let data = options.data;
  if ((method === 'GET' || method === 'HEAD') && isObject(data) && !(data instanceof ArrayBuffer)) {
    const query = encodeQuery(data);
    if (query) url += (url.includes('?') ? '&' : '?') + query;
    data = undefined;
  }
  const params = { url, method, headers: options[headersField] || {}, data };
  if (options.timeout !== undefined) params.timeout = Number(options.timeout);
  const responseType = options.responseType === 'arraybuffer' || options.dataType === 'arraybuffer' ? 'arraybuffer' : null;
  params.dataType = responseType || (options.dataType === undefined || String(options.dataType).toLowerCase() === 'json' ? 'json' : 'text');
  const pending = JSBridge.call('request', params);
  if (state) state.pending = pending;
  return pending;
}
// `abort()` also stops the native request (`JSBridge.abort` cancels its handler).
export const requestTask = (state) => ({
  abort() {
    state.aborted = true;
    if (state.pending) JSBridge.abort(state.pending);
  },
  onHeadersReceived() {}, offHeadersReceived() {},
});

export const shown = () => ({});
export const uiCalls = {
  common: ['showToast', 'hideToast', 'showLoading', 'hideLoading', 'showNavigationBarLoading', 'hideNavigationBarLoading',
    'setBackgroundColor', 'setBackgroundTextStyle', 'pageScrollTo', 'startPullDownRefresh', 'stopPullDownRefresh',
    'showTabBar', 'hideTabBar', 'setTabBarBadge', 'removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot',
    'setTabBarItem', 'setTabBarStyle', 'vibrateShort', 'vibrateLong', 'hideKeyboard'],
  wechat: ['setNavigationBarTitle', 'setNavigationBarColor'],
  alipay: ['setNavigationBar', 'alert'],
};
export const createCalls = ['createCanvasContext', 'createAnimation',
  'createVideoContext', 'createMapContext', 'createCameraContext', 'createLivePlayerContext', 'createInnerAudioContext'];

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The `my` (Alipay) and `wx` (WeChat) namespaces, and host-configured aliases: platform-shaped
// wrappers over the container's JSAPIs.
//
// Async APIs take `{success, fail, complete}` and return a promise when none is given; `…Sync`
// variants return or throw. Results and errors follow each platform's documented shapes
// (Alipay `{error, errorMessage}`, WeChat `{errMsg: 'name:fail …'}`). UI calls go to the host's
// UI delegate (`__hc.ui`); well-known APIs the host does not offer fail with "not supported".
import { config } from 'hc:host';
import { report } from './common.js';
import { isObject, clone } from './values.js';
import { navigation, currentLaunchOptions, topPageView } from './page-stack.js';
import { ui, uiObject, withoutCallbacks } from './ui.js';
import { APIFailure } from './api-failure.js';
import { base64Encode, base64Decode } from './base64.js';
import { count } from './api-calls.js';
import {
  shapes, asyncAPI, syncAPI, requireKey, toKB, nativeRequest, requestTask, shown, uiCalls, createCalls,
} from './api-support.js';
import { completeNamespace, completeHandle } from './surface.js';
import { createSelectorQuery } from './selector-query.js';
import { createIntersectionObserver } from './intersection-observer.js';
import { instanceView } from './component-api.js';
import { fileSystemManager, fileCall } from './file-system.js';
import { transferTask, download, upload } from './transfers.js';
import { connectSocket, latestSocketId } from './sockets.js';
import * as device from './device.js';
import { createAnimation } from './animation-export.js';
import { makeCanvas } from './canvas.js';
import { installCanvasAPIs } from './canvas-apis.js';
import { makeCloud } from './cloud.js';
import { makeWorklet } from './worklet.js';
import { authorize, authSetting } from './authorization.js';
import { builtInTags } from './component-registry.js';
import { readStored } from './storage-copies.js';

function buildNamespace(namespace, flavor) {
  const api = {};
  // The flavour's documented list, parsed now (the installer hands it over as JSON text).
  const listed = config.platformAPIs[flavor];
  const list = typeof listed === 'string' ? JSON.parse(listed) : listed;
  const task = (name, makeTask) => (state) => completeHandle(makeTask(state), list.apis[name], namespace, flavor);
  const wechat = flavor === 'wechat';
  const defineAsync = (name, implementation, makeTask) => { api[name] = asyncAPI(namespace, flavor, name, implementation, makeTask); };
  const defineSync = (name, implementation) => { api[name] = syncAPI(namespace, flavor, name, implementation); };
  const sync = (name, params) => JSBridge.callSync(name, params);
  // From the framework's copies (storage-copies.js); an error comes from the public API, so it
  // reads as that API's (a denied permission names getStorageSync).
  const storedValue = (key) => {
    try {
      return readStored(key);
    } catch (error) {
      return sync('getStorageSync', { key }).data;
    }
  };

  // storage
  defineAsync('setStorage', (o) => JSBridge.call('setStorage', { key: requireKey(o.key), data: o.data }).then(shown));
  defineAsync('getStorage', (o) => JSBridge.call('getStorage', { key: requireKey(o.key) }).then((result) => {
    if (wechat && (result.data === null || result.data === undefined)) throw new APIFailure(2, 'data not found');
    return { data: result.data === undefined ? null : result.data };
  }));
  defineAsync('removeStorage', (o) => JSBridge.call('removeStorage', { key: requireKey(o.key) }).then(shown));
  defineAsync('clearStorage', () => JSBridge.call('clearStorage', {}).then(shown));
  defineAsync('getStorageInfo', () => JSBridge.call('getStorageInfo', {}).then(toKB));
  if (wechat) {
    defineSync('setStorageSync', (key, data) => { sync('setStorageSync', { key: requireKey(key), data }); });
    defineSync('getStorageSync', (key) => { const data = storedValue(requireKey(key)); return data === null || data === undefined ? '' : data; });
    defineSync('removeStorageSync', (key) => { sync('removeStorageSync', { key: requireKey(key) }); });
  } else {
    const options = (o) => isObject(o) ? o : {};
    defineSync('setStorageSync', (o) => { sync('setStorageSync', { key: requireKey(options(o).key), data: options(o).data }); return {}; });
    defineSync('getStorageSync', (o) => { const data = storedValue(requireKey(options(o).key)); return { data: data === undefined ? null : data }; });
    defineSync('removeStorageSync', (o) => { sync('removeStorageSync', { key: requireKey(options(o).key) }); return {}; });
  }
  defineSync('clearStorageSync', () => { sync('clearStorageSync', {}); });
  defineSync('getStorageInfoSync', () => toKB(sync('getStorageInfoSync', {})));

  // network
  if (wechat) {
    defineAsync('request', (o, state) => nativeRequest(o, 'header', state).then((r) => ({ data: r.data, statusCode: r.status, header: r.headers })),
      task('request', requestTask));
  } else {
    const request = (o, state) => nativeRequest(o, 'headers', state).then((r) => ({ data: r.data, status: r.status, headers: r.headers }));
    defineAsync('request', request, task('request', requestTask));
    defineAsync('httpRequest', request, task('httpRequest', requestTask));
  }

  // downloads and uploads: request + the app's files
  for (const [name, transfer] of [['downloadFile', download], ['uploadFile', upload]]) {
    api[name] = function (options) {
      const progress = [];
      const call = asyncAPI(namespace, flavor, name, (o) => transfer(o, progress, wechat),
        (state) => completeHandle(transferTask(state, progress), list.apis[name], namespace, flavor));
      return call(options);
    };
  }

  // WebSockets: connectSocket gives a SocketTask; the global calls act on the latest socket
  api.connectSocket = function (options) {
    const params = isObject(options) ? options : {};
    let opened = null;
    const call = asyncAPI(namespace, flavor, 'connectSocket', () => {
      if (!opened) throw new APIFailure(2, 'url must be a string');
      return opened.connected.then(() => ({}));
    }, () => {
      try { opened = connectSocket(params, shapes[flavor]); } catch (error) { return {}; }
      return completeHandle(opened.task, list.apis.connectSocket, namespace, flavor);
    });
    return call(params);
  };
  defineAsync('sendSocketMessage', (o) => JSBridge.call('socket.send', { socketId: latestSocketId(), data: o.data }).then(shown));
  defineAsync('closeSocket', (o) => JSBridge.call('socket.close', Object.assign(withoutCallbacks(o), { socketId: latestSocketId() })).then(shown));

  // the virtual device (device.js) and the host's authorization policy (authorization.js)
  const sdkVersion = config.sdkVersions[flavor];
  const hostName = () => sync('getSystemInfo', {}).hostName;
  const systemInfo = () => wechat ? device.wechatSystemInfo(sdkVersion, hostName()) : device.alipaySystemInfo(sdkVersion, hostName());
  defineAsync('getSystemInfo', systemInfo);
  defineSync('getSystemInfoSync', systemInfo);
  if (wechat) defineAsync('getSystemInfoAsync', systemInfo);
  // The machine's network: connected or not (its kind is not knowable headless); hosts send
  // changes with session.emit('networkStatusChange', { isConnected, networkType }).
  defineAsync('getNetworkType', () => {
    const status = sync('getNetworkType', {});
    return wechat ? { networkType: status.type }
      : { networkAvailable: status.connected, networkType: status.connected ? 'UNKNOWN' : 'NOTREACHABLE' };
  });
  const infoAPIs = {
    getWindowInfo: device.windowInfo, getDeviceInfo: device.deviceInfo, getAppBaseInfo: () => device.appBaseInfo(sdkVersion),
    getSystemSetting: device.systemSetting, getAppAuthorizeSetting: device.appAuthorizeSetting,
    getMenuButtonBoundingClientRect: device.menuButtonRect, getBatteryInfoSync: device.batteryInfo,
    getBatteryInfo: device.batteryInfo, getExptInfoSync: () => ({}), getSkylineInfoSync: () => ({ isSupported: false, reason: 'headless host' }),
    getSkylineInfo: () => ({ isSupported: false, reason: 'headless host' }),
    getDeviceBenchmarkInfo: () => ({ benchmarkLevel: config.device.benchmarkLevel, modelLevel: 0 }),
  };
  for (const [name, implementation] of Object.entries(infoAPIs)) {
    const entry = list.apis[name];
    // A host's own JSAPI for one of these (a real battery) answers instead of the profile.
    if (!entry || (config.hostAPIs && config.hostAPIs[name])) continue;
    if (entry.kind === 'sync') defineSync(name, implementation);
    else defineAsync(name, implementation);
  }
  defineAsync('getSetting', (o) => authSetting(wechat, o));
  defineAsync('openSetting', (o) => authSetting(wechat, o));
  if (wechat) defineAsync('authorize', (o) => authorize(o));
  api.nextTick = function nextTick(callback) {
    count(namespace, 'nextTick');
    if (typeof callback !== 'function') throw new TypeError(namespace + '.nextTick expects a function');
    Promise.resolve().then(() => { try { callback(); } catch (error) { report(error, namespace + '.nextTick callback'); } });
  };
  defineSync('arrayBufferToBase64', (buffer) => base64Encode(new Uint8Array(buffer)));
  defineSync('base64ToArrayBuffer', (text) => base64Decode(String(text)).buffer);
  defineSync('getLaunchOptionsSync', () => currentLaunchOptions());
  defineSync('getEnterOptionsSync', () => currentLaunchOptions());
  if (wechat) {
    defineSync('getAccountInfoSync', () => {
      const info = sync('getAppInfo', {});
      return { miniProgram: { appId: info.appId, version: info.version, envVersion: info.source === 'developer' ? 'develop' : 'release' } };
    });
  } else {
    defineSync('getAppIdSync', () => ({ appId: sync('getAppInfo', {}).appId }));
    api.SDKVersion = sdkVersion;
    // Alipay's my.call reaches any JSAPI (custom plugins included).
    api.call = function call(name, params, callback) {
      count(namespace, 'call');
      if (typeof params === 'function') { callback = params; params = {}; }
      const promise = JSBridge.call(String(name), isObject(params) ? params : {});
      if (typeof callback !== 'function') return promise;
      promise.then(callback, callback);
      return undefined;
    };
  }
  defineSync('reportAnalytics', (name, data) => {
    JSBridge.call('reportEvent', { name: String(name), data: isObject(data) ? clone(data) : null }).then(undefined, () => {});
  });

  // navigation
  defineAsync('navigateTo', (o) => { navigation.navigateTo(o.url); });
  defineAsync('redirectTo', (o) => { navigation.redirectTo(o.url); });
  defineAsync('navigateBack', (o) => { navigation.navigateBack(o.delta); });
  defineAsync('reLaunch', (o) => { navigation.reLaunch(o.url); });
  defineAsync('switchTab', (o) => { navigation.switchTab(o.url); });

  // UI
  for (const name of uiCalls.common.concat(uiCalls[flavor])) defineAsync(name, (o) => ui(name, o).then(shown));
  if (wechat) {
    defineAsync('showModal', (o) => ui('showModal', o).then((answer) => answer.outcome === 'confirmed'
      ? { confirm: true, cancel: false, content: answer.inputValue } : { confirm: false, cancel: true }));
    defineAsync('showActionSheet', (o) => ui('showActionSheet', o).then((answer) => {
      if (answer.outcome !== 'selected') throw new APIFailure(11, 'cancel');
      return { tapIndex: answer.index };
    }));
  } else {
    defineAsync('confirm', (o) => ui('confirm', o).then((answer) => ({ confirm: answer.outcome === 'confirmed' })));
    defineAsync('prompt', (o) => ui('prompt', o).then((answer) => answer.outcome === 'confirmed'
      ? { ok: true, inputValue: answer.inputValue || '' } : { ok: false }));
    defineAsync('showActionSheet', (o) => ui('showActionSheet', o).then((answer) =>
      ({ index: answer.outcome === 'selected' ? answer.index : -1 })));
  }
  // files: the app's own folder (wx.env.USER_DATA_PATH)
  api.getFileSystemManager = function getFileSystemManager() {
    count(namespace, 'getFileSystemManager');
    return completeHandle(fileSystemManager(namespace, flavor), list.apis.getFileSystemManager, namespace, flavor);
  };
  // WeChat cloud development: the host's CloudPlugin (cloud.js); Skyline worklets (worklet.js)
  if (wechat) {
    api.worklet = makeWorklet();
    let files = null;
    const fileSystem = () => files || (files = fileSystemManager(namespace, flavor));
    api.cloud = makeCloud(namespace, fileSystem);
  }
  // (Listed by Alipay's typings; WeChat's still answer them, deprecated in favour of the manager.)
  for (const name of ['saveFile', 'getFileInfo', 'getSavedFileList', 'removeSavedFile']) {
    defineAsync(name, (options) => fileCall(name, options));
  }

  // Scoped to the top page's template (`.in(component)` narrows it), as on the platforms.
  api.createSelectorQuery = function () {
    count(namespace, 'createSelectorQuery');
    return createSelectorQuery(topPageView);
  };
  // WeChat: `createIntersectionObserver(component, options)`; Alipay: `(options)` on the top page.
  api.createIntersectionObserver = function (component, options) {
    count(namespace, 'createIntersectionObserver');
    const instance = component && typeof component === 'object' && instanceView(component) !== null ? component : null;
    return createIntersectionObserver(instance ? () => instanceView(instance) : topPageView, instance ? options : component);
  };
  api.createAnimation = function (options) {
    count(namespace, 'createAnimation');
    return completeHandle(createAnimation(options), list.apis.createAnimation, namespace, flavor);
  };
  if (list.apis.createOffscreenCanvas) {
    api.createOffscreenCanvas = function (options) {
      count(namespace, 'createOffscreenCanvas');
      const o = isObject(options) ? options : {};
      return completeHandle(makeCanvas(o.width || 300, o.height || 150), list.apis.createOffscreenCanvas, namespace, flavor);
    };
  }
  installCanvasAPIs(api, namespace, flavor, list);
  for (const name of createCalls) {
    if (typeof api[name] === 'function') continue;
    api[name] = function (...args) {
      count(namespace, name);
      ui(name, { arguments: clone(args.filter((arg) => typeof arg !== 'function')) }).then(undefined, () => {});
      return uiObject(name.slice('create'.length));
    };
  }

  // documented APIs the host implements with its own JSAPIs (MiniProgramOptions.hostAPIs)
  for (const [name, method] of Object.entries(config.hostAPIs || {})) {
    if (typeof api[name] === 'function') continue;
    const entry = list.apis[name];
    if (name.endsWith('Sync') || (entry && entry.kind === 'sync')) {
      defineSync(name, (options) => sync(method, isObject(options) ? withoutCallbacks(options) : {}));
    } else {
      defineAsync(name, (options) => JSBridge.call(method, withoutCallbacks(options)));
    }
  }

  // every other documented API: listeners register, the rest fail in the platform's shape
  const working = completeNamespace(api, namespace, flavor, list);
  // An API that works, a built-in component (`button.open-type.share`), Alipay's component2.
  api.canIUse = function canIUse(schema) {
    count(namespace, 'canIUse');
    const first = String(schema).split('.')[0];
    return working.has(first) || builtInTags.has(first) || (!wechat && first === 'component2');
  };
  working.add('canIUse');
  if (wechat) working.add('cloud');
  api.env = Object.freeze({ USER_DATA_PATH: wechat ? 'wxfile://usr' : 'https://usr' });
  if (!wechat) api.isIDE = false;
  return api;
}
// WeChat's logic layer has `global`, one object every module shares (`global.x = 1` in app.js).
if (typeof globalThis.global === 'undefined') {
  Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, enumerable: false, configurable: true });
}
// Each namespace is built on first use (a WeChat app never builds `my`: ≈ 500 functions and a
// parsed API list less per instance), then fixed as a read-only global like any other.
for (const [namespace, flavor] of Object.entries(config.namespaces)) {
  if (!shapes[flavor]) throw new Error('unknown mini-program API flavor ' + flavor + ' for ' + namespace);
  let built;
  Object.defineProperty(globalThis, namespace, {
    get() {
      if (built === undefined) {
        built = buildNamespace(namespace, flavor);
        Object.defineProperty(globalThis, namespace, { value: built, writable: false, enumerable: false, configurable: false });
      }
      return built;
    },
    enumerable: false, configurable: true,
  });
}

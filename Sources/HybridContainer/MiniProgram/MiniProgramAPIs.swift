/// The `my` (Alipay) and `wx` (WeChat) namespaces, and host-configured aliases, in JavaScript:
/// platform-shaped wrappers over the container's JSAPIs.
///
/// Async APIs take `{success, fail, complete}` and return a promise when none is given; `…Sync`
/// variants return or throw. Results and errors follow each platform's documented shapes
/// (Alipay `{error, errorMessage}`, WeChat `{errMsg: 'name:fail …'}`). UI calls go to the host's
/// UI delegate (`__hc.ui`); well-known APIs the host does not offer fail with "not supported".
/// Runs inside `__hcInstallMiniProgram(config)` after `MiniProgramFramework.source`.
enum MiniProgramAPIs {
    static let source = #"""
      class APIFailure extends Error {
        constructor(code, message) { super(message); this.code = code; }
      }
      const normalize = (error) => {
        if (error instanceof APIFailure) return { code: error.code, message: error.message };
        if (error instanceof internals.NavigationError) return { code: 2, message: error.message };
        if (isObject(error) && 'error' in error && 'errorMessage' in error) return { code: error.error, message: String(error.errorMessage) };
        if (error instanceof Error) return { code: 3, message: error.name + ': ' + error.message };
        return { code: 3, message: String(error) };
      };
      const shapes = {
        alipay: {
          ok: (api, result) => isObject(result) ? result : {},
          fail: (api, failure) => ({ error: failure.code, errorMessage: failure.message }),
          thrown: (api, failure) => Object.assign(new Error(failure.message), { error: failure.code, errorMessage: failure.message }),
        },
        wechat: {
          ok: (api, result) => Object.assign({}, isObject(result) ? result : {}, { errMsg: api + ':ok' }),
          fail: (api, failure) => ({ errMsg: api + ':fail ' + failure.message }),
          thrown: (api, failure) => Object.assign(new Error(api + ':fail ' + failure.message), { errMsg: api + ':fail ' + failure.message }),
        },
      };
      const count = (namespace, name) => {
        const key = namespace + '.' + name;
        internals.apiCalls[key] = (internals.apiCalls[key] || 0) + 1;
      };
      const callbackNames = ['success', 'fail', 'complete'];
      const withoutCallbacks = (options) => {
        const copy = {};
        for (const key of Object.keys(options)) if (!callbackNames.includes(key) && typeof options[key] !== 'function') copy[key] = options[key];
        return copy;
      };
      function asyncAPI(namespace, flavor, name, implementation, makeTask) {
        const shape = shapes[flavor];
        return function (options) {
          count(namespace, name);
          const params = isObject(options) ? options : {};
          const hasCallbacks = callbackNames.some((key) => typeof params[key] === 'function');
          const state = { aborted: false };
          const promise = Promise.resolve()
            .then(() => { if (state.aborted) throw new APIFailure(9, 'abort'); return implementation(params); })
            .then((result) => {
              if (state.aborted) throw new APIFailure(9, 'abort');
              return shape.ok(name, result);
            }, (error) => { throw shape.fail(name, normalize(error)); });
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
      function syncAPI(namespace, flavor, name, implementation) {
        return function (...args) {
          count(namespace, name);
          try {
            return implementation(...args);
          } catch (error) {
            throw shapes[flavor].thrown(name, normalize(error));
          }
        };
      }
      const requireKey = (key) => {
        if (typeof key !== 'string' || key === '') throw new APIFailure(2, 'key must be a non-empty string');
        return key;
      };
      const toKB = (info) => ({ keys: info.keys, currentSize: Math.ceil(info.currentSize / 1024), limitSize: Math.floor(info.limitSize / 1024) });
      const encodeQuery = (data) => Object.keys(data).map((key) => encodeURIComponent(key) + '=' +
        encodeURIComponent(isObject(data[key]) ? JSON.stringify(data[key]) : String(data[key]))).join('&');
      function nativeRequest(options, headersField) {
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
        return JSBridge.call('request', params);
      }
      const requestTask = (state) => ({
        abort() { state.aborted = true; },
        onHeadersReceived() {}, offHeadersReceived() {},
      });

      // UI: forwarded to the host's delegate; the answer says what the (headless) user did.
      const ui = (api, params) => JSBridge.call('__hc.ui', { api, params: internals.clone(withoutCallbacks(params || {})) || {} });
      internals.uiObject = function uiObject(kind) {
        const target = {};
        const proxy = new Proxy(target, {
          get(object, property) {
            if (typeof property !== 'string' || property === 'then') return undefined;
            return function (...args) {
              ui(kind + '.' + property, { arguments: internals.clone(args) }).then(undefined, () => {});
              const callback = args.find((arg) => typeof arg === 'function');
              if (property === 'exec' || property === 'draw') {
                if (callback) Promise.resolve().then(() => callback(property === 'exec' ? [] : undefined));
                return undefined;
              }
              return proxy;
            };
          },
        });
        return proxy;
      };
      const shown = () => ({});
      const uiCalls = {
        common: ['showToast', 'hideToast', 'showLoading', 'hideLoading', 'showNavigationBarLoading', 'hideNavigationBarLoading',
          'setBackgroundColor', 'setBackgroundTextStyle', 'pageScrollTo', 'startPullDownRefresh', 'stopPullDownRefresh',
          'showTabBar', 'hideTabBar', 'setTabBarBadge', 'removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot',
          'setTabBarItem', 'setTabBarStyle', 'vibrateShort', 'vibrateLong', 'hideKeyboard'],
        wechat: ['setNavigationBarTitle', 'setNavigationBarColor'],
        alipay: ['setNavigationBar', 'alert'],
      };
      const createCalls = ['createCanvasContext', 'createSelectorQuery', 'createAnimation', 'createIntersectionObserver',
        'createVideoContext', 'createMapContext', 'createCameraContext', 'createLivePlayerContext', 'createInnerAudioContext'];
      const unsupported = {
        wechat: ['login', 'checkSession', 'getUserInfo', 'getUserProfile', 'requestPayment', 'authorize', 'getSetting', 'openSetting',
          'getLocation', 'chooseLocation', 'openLocation', 'chooseImage', 'chooseMedia', 'chooseVideo', 'previewImage',
          'saveImageToPhotosAlbum', 'scanCode', 'uploadFile', 'downloadFile', 'connectSocket', 'getNetworkType',
          'getClipboardData', 'setClipboardData', 'makePhoneCall', 'requestSubscribeMessage', 'getBatteryInfo',
          'navigateToMiniProgram', 'startCompass', 'startAccelerometer', 'onNetworkStatusChange', 'offNetworkStatusChange',
          'getFileSystemManager', 'getBatteryInfoSync', 'onAppShow', 'onAppHide', 'onError', 'onUnhandledRejection',
          'getUpdateManager', 'getMenuButtonBoundingClientRect', 'getWindowInfo'],
        alipay: ['getAuthCode', 'getAuthUserInfo', 'getOpenUserInfo', 'tradePay', 'getLocation', 'chooseLocation', 'openLocation',
          'chooseImage', 'chooseVideo', 'previewImage', 'saveImage', 'scan', 'uploadFile', 'downloadFile', 'connectSocket',
          'getNetworkType', 'getClipboard', 'setClipboard', 'makePhoneCall', 'navigateToMiniProgram', 'getBatteryInfo',
          'onNetworkStatusChange', 'offNetworkStatusChange', 'getFileSystemManager', 'getBatteryInfoSync', 'onAppShow',
          'onAppHide', 'onError', 'onUnhandledRejection', 'getUpdateManager', 'getMenuButtonBoundingClientRect',
          'getWindowInfo'],
      };
      // Synchronous by nature: they throw instead of failing through callbacks.
      const synchronousNames = new Set(['getMenuButtonBoundingClientRect', 'getWindowInfo']);

      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      function base64Encode(bytes) {
        let text = '';
        for (let i = 0; i < bytes.length; i += 3) {
          const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
          text += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63] +
            (i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? alphabet[n & 63] : '=');
        }
        return text;
      }
      function base64Decode(text) {
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

      function buildNamespace(namespace, flavor) {
        const api = {};
        const wechat = flavor === 'wechat';
        const defineAsync = (name, implementation, makeTask) => { api[name] = asyncAPI(namespace, flavor, name, implementation, makeTask); };
        const defineSync = (name, implementation) => { api[name] = syncAPI(namespace, flavor, name, implementation); };
        const sync = (name, params) => JSBridge.callSync(name, params);

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
          defineSync('getStorageSync', (key) => { const result = sync('getStorageSync', { key: requireKey(key) }); return result.data === null || result.data === undefined ? '' : result.data; });
          defineSync('removeStorageSync', (key) => { sync('removeStorageSync', { key: requireKey(key) }); });
        } else {
          const options = (o) => isObject(o) ? o : {};
          defineSync('setStorageSync', (o) => { sync('setStorageSync', { key: requireKey(options(o).key), data: options(o).data }); return {}; });
          defineSync('getStorageSync', (o) => { const result = sync('getStorageSync', { key: requireKey(options(o).key) }); return { data: result.data === undefined ? null : result.data }; });
          defineSync('removeStorageSync', (o) => { sync('removeStorageSync', { key: requireKey(options(o).key) }); return {}; });
        }
        defineSync('clearStorageSync', () => { sync('clearStorageSync', {}); });
        defineSync('getStorageInfoSync', () => toKB(sync('getStorageInfoSync', {})));

        // network
        if (wechat) {
          defineAsync('request', (o) => nativeRequest(o, 'header').then((r) => ({ data: r.data, statusCode: r.status, header: r.headers })), requestTask);
        } else {
          const request = (o) => nativeRequest(o, 'headers').then((r) => ({ data: r.data, status: r.status, headers: r.headers }));
          defineAsync('request', request, requestTask);
          defineAsync('httpRequest', request, requestTask);
        }

        // system and app facts
        const systemInfo = () => {
          const info = sync('getSystemInfo', {});
          return { platform: info.platform, system: info.system, language: info.language, version: info.hostVersion,
            SDKVersion: config.sdkVersion, hostName: info.hostName };
        };
        defineAsync('getSystemInfo', systemInfo);
        defineSync('getSystemInfoSync', systemInfo);
        defineSync('getAppBaseInfo', () => {
          const info = sync('getSystemInfo', {});
          return { SDKVersion: config.sdkVersion, language: info.language, version: info.hostVersion };
        });
        defineSync('getDeviceInfo', () => {
          const info = sync('getSystemInfo', {});
          return { platform: info.platform, system: info.system };
        });
        api.nextTick = function nextTick(callback) {
          count(namespace, 'nextTick');
          if (typeof callback !== 'function') throw new TypeError(namespace + '.nextTick expects a function');
          Promise.resolve().then(() => { try { callback(); } catch (error) { report(error, namespace + '.nextTick callback'); } });
        };
        defineSync('arrayBufferToBase64', (buffer) => base64Encode(new Uint8Array(buffer)));
        defineSync('base64ToArrayBuffer', (text) => base64Decode(String(text)).buffer);
        defineSync('getLaunchOptionsSync', () => internals.launchOptions());
        defineSync('getEnterOptionsSync', () => internals.launchOptions());
        if (wechat) {
          defineSync('getAccountInfoSync', () => {
            const info = sync('getAppInfo', {});
            return { miniProgram: { appId: info.appId, version: info.version, envVersion: info.source === 'developer' ? 'develop' : 'release' } };
          });
        } else {
          defineSync('getAppIdSync', () => ({ appId: sync('getAppInfo', {}).appId }));
          api.SDKVersion = config.sdkVersion;
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
          JSBridge.call('reportEvent', { name: String(name), data: isObject(data) ? internals.clone(data) : null }).then(undefined, () => {});
        });

        // navigation
        defineAsync('navigateTo', (o) => { internals.navigation.navigateTo(o.url); });
        defineAsync('redirectTo', (o) => { internals.navigation.redirectTo(o.url); });
        defineAsync('navigateBack', (o) => { internals.navigation.navigateBack(o.delta); });
        defineAsync('reLaunch', (o) => { internals.navigation.reLaunch(o.url); });
        defineAsync('switchTab', (o) => { internals.navigation.switchTab(o.url); });

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
        for (const name of createCalls) {
          api[name] = function (...args) {
            count(namespace, name);
            ui(name, { arguments: internals.clone(args.filter((arg) => typeof arg !== 'function')) }).then(undefined, () => {});
            return internals.uiObject(name.slice('create'.length));
          };
        }

        // well-known APIs this host does not offer: a clear failure, never a fake success
        const missing = new Set(unsupported[flavor]);
        for (const name of missing) {
          const message = namespace + '.' + name + ' is not supported by this host';
          if (name.endsWith('Sync') || synchronousNames.has(name) || /^(on|off|get\w+Manager$)/.test(name)) {
            api[name] = function () { count(namespace, name); throw shapes[flavor].thrown(name, { code: 1, message }); };
          } else {
            defineAsync(name, () => { throw new APIFailure(1, message); });
          }
        }
        api.canIUse = function canIUse(schema) {
          count(namespace, 'canIUse');
          const name = String(schema).split('.')[0];
          return typeof api[name] === 'function' && !missing.has(name);
        };
        return api;
      }
      for (const [namespace, flavor] of Object.entries(config.namespaces)) {
        if (!shapes[flavor]) throw new Error('unknown mini-program API flavor ' + flavor + ' for ' + namespace);
        Object.defineProperty(globalThis, namespace, {
          value: buildNamespace(namespace, flavor), writable: false, enumerable: false, configurable: false,
        });
      }
    """#
}

/// Part of the mini-program API layer (see `MiniProgramAPIs`): failure shapes per platform,
/// the async/sync wrappers (callbacks or promise, call counts), request and storage helpers,
/// base64, UI forwarding to the host's delegate, and the lists of UI and unsupported APIs.
enum MiniProgramAPISupport {
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
      const ui = (api, params) => hcBridge.call('__hc.ui', { api, params: internals.clone(withoutCallbacks(params || {})) || {} });
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

    """#
}

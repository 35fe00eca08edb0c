// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The globals every context gets (JSBridge, timers, console, text codecs, reportError). It
// receives an object of native functions, keeps them in its closure (scripts never see it)
// and returns the event dispatcher native code calls to deliver `JSBridge.on` events.
(function (native) {
  'use strict';
  const define = (name, value) => Object.defineProperty(globalThis, name, {
    value, writable: true, enumerable: false, configurable: true,
  });

  // JSBridge: call/callSync are native; events are kept here.
  const listeners = new Map();
  function on(event, handler) {
    if (typeof event !== 'string') throw new TypeError('JSBridge.on: event must be a string');
    if (typeof handler !== 'function') throw new TypeError('JSBridge.on: handler must be a function');
    let entries = listeners.get(event);
    if (!entries) { entries = new Set(); listeners.set(event, entries); }
    const entry = { handler };
    entries.add(entry);
    return Object.freeze({
      remove() {
        const current = listeners.get(event);
        if (!current) return;
        current.delete(entry);
        if (current.size === 0) listeners.delete(event);
      },
    });
  }
  function dispatch(event, payload) {
    const entries = listeners.get(event);
    if (!entries) return 0;
    let delivered = 0;
    for (const entry of Array.from(entries)) {
      try { entry.handler.call(undefined, payload); }
      catch (error) { native.reportError(error, 'JSBridge.on("' + event + '") listener'); }
      delivered++;
    }
    return delivered;
  }
  Object.defineProperty(globalThis, 'JSBridge', {
    value: Object.freeze({ call: native.call, callSync: native.callSync, abort: native.abortCall, on }),
    writable: false, enumerable: false, configurable: false,
  });

  // console
  const counts = new Map();
  define('console', {
    log: native.log, info: native.info, warn: native.warn, error: native.error, debug: native.debug,
    trace(...args) {
      const stack = (new Error().stack || '').split('\n').slice(1).join('\n');
      native.debug(...args, '\n' + stack);
    },
    assert(condition, ...args) {
      if (!condition) native.error('Assertion failed' + (args.length ? ':' : ''), ...args);
    },
    count(label = 'default') {
      const next = (counts.get(label) || 0) + 1;
      counts.set(label, next);
      native.log(label + ': ' + next);
    },
  });

  // reportError (as in browsers): reports an error the script caught but cannot handle.
  // An optional second argument names where it happened.
  define('reportError', function reportError(error, origin) {
    native.reportError(error, origin === undefined ? 'reportError' : String(origin));
  });

  // timers
  define('setTimeout', native.setTimeout);
  define('setInterval', native.setInterval);
  define('clearTimeout', native.clearTimeout);
  define('clearInterval', native.clearInterval);
  if (typeof globalThis.queueMicrotask !== 'function') {
    define('queueMicrotask', function queueMicrotask(callback) {
      if (typeof callback !== 'function') throw new TypeError('queueMicrotask: callback must be a function');
      Promise.resolve().then(() => {
        try { callback(); } catch (error) { native.reportError(error, 'queueMicrotask callback'); }
      });
    });
  }

  // TextEncoder / TextDecoder (UTF-8, as the Encoding Standard requires of TextEncoder)
  const utf8Labels = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
  const toBytes = (input) => {
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError('TextDecoder.decode: input must be an ArrayBuffer or an ArrayBuffer view');
  };
  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return native.encodeUTF8(String(input)); }
    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) throw new TypeError('TextEncoder.encodeInto: destination must be a Uint8Array');
      const [read, written] = native.encodeUTF8Into(String(source), destination);
      return { read, written };
    }
  }
  class TextDecoder {
    #fatal; #ignoreBOM; #pending = null; #started = false;
    constructor(label = 'utf-8', options = {}) {
      const normalized = String(label).trim().toLowerCase();
      if (!utf8Labels.has(normalized)) throw new RangeError('TextDecoder: encoding "' + label + '" is not supported (only utf-8)');
      this.#fatal = Boolean(options && options.fatal);
      this.#ignoreBOM = Boolean(options && options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input, options) {
      const stream = Boolean(options && options.stream);
      let bytes = input === undefined ? new Uint8Array(0) : toBytes(input);
      if (this.#pending) {
        const merged = new Uint8Array(this.#pending.length + bytes.length);
        merged.set(this.#pending);
        merged.set(bytes, this.#pending.length);
        bytes = merged;
        this.#pending = null;
      }
      const [text, consumed] = native.decodeUTF8(bytes, this.#fatal, this.#ignoreBOM || this.#started, stream);
      if (stream) {
        if (consumed < bytes.length) this.#pending = bytes.slice(consumed);
        if (bytes.length > 0) this.#started = true;
      } else {
        this.#started = false;
      }
      return text;
    }
  }
  define('TextEncoder', TextEncoder);
  define('TextDecoder', TextDecoder);

  return dispatch;
})

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Installed in every plain app's context before its code: the `App()` registration (DESIGN §3)
// and the hidden, tamper-proof hook invoker the container calls.
(function () {
  'use strict';
  let registered = null;
  const aliases = { onStart: 'onShow', onStop: 'onHide' };
  const fixed = (name, value) => Object.defineProperty(globalThis, name, {
    value, writable: false, enumerable: false, configurable: false,
  });
  fixed('App', function App(config) {
    if (registered !== null) throw new Error('App() may be called only once');
    if (typeof config !== 'object' || config === null) throw new TypeError('App() expects an object');
    registered = config;
    return config;
  });
  fixed('getApp', function getApp() { return registered; });
  fixed('__hcInvokeHook', function (name, argument) {
    if (registered === null) return undefined;
    let hook = registered[name];
    if (typeof hook !== 'function' && aliases[name]) hook = registered[aliases[name]];
    if (typeof hook !== 'function') return undefined;
    return hook.call(registered, argument);
  });
  fixed('__hcHasApp', function () { return registered !== null; });
})();

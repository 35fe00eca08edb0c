// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The loader of framework modules (FrameworkModules.swift). Framework code (the mini-program
// layer, …) is written as ES modules in `.js` files; the host rewrites each with the ES module
// transform (line numbers kept) and evaluates it on its own, under its own file name, wrapped
// as `__hcFrameworkDefine(name, function (exports, require, module) { … })`, so stack traces
// name the real file and line. Then `__hcFrameworkLink(bridge, entry, installer)`, run as
// framework code, hands over the framework channel and defines the one-shot `installer` global:
// called with the host's configuration, it runs `entry` and, through its imports, every module
// it needs, once each, in import order.
//
// Imports: `./name.js` is another module of the same set; `hc:host` is `{ bridge, config }`
// (the framework channel and the installer's argument). Imports are read when a module starts,
// so the module graph has no cycles; shared mutable state is read through exported functions.
(function () {
  'use strict';
  const factories = new Map();
  const hidden = (name, value) => Object.defineProperty(globalThis, name, {
    value, writable: false, enumerable: false, configurable: true,
  });
  hidden('__hcFrameworkDefine', function (name, factory) {
    if (factories.has(name)) throw new Error('framework module ' + name + ' is defined twice');
    factories.set(name, factory);
  });
  hidden('__hcFrameworkLink', function (bridge, entry, installer) {
    delete globalThis.__hcFrameworkDefine;
    delete globalThis.__hcFrameworkLink;
    hidden(installer, function (config) {
      delete globalThis[installer];
      // The host may hand the configuration over as JSON text (parsed faster than converted).
      if (typeof config === 'string') config = JSON.parse(config);
      const host = Object.freeze({ bridge, config });
      const modules = new Map();
      function load(request) {
        if (request === 'hc:host') return host;
        const name = request.startsWith('./') ? request.slice(2) : request;
        const cached = modules.get(name);
        if (cached) {
          if (!cached.done) throw new Error('framework modules import each other in a cycle through ' + name);
          return cached.exports;
        }
        const factory = factories.get(name);
        if (!factory) throw new Error('framework module ' + request + ' does not exist');
        const module = { exports: {}, done: false };
        modules.set(name, module);
        factory.call(undefined, module.exports, load, module);
        module.done = true;
        return module.exports;
      }
      load(entry);
    });
  });
})();

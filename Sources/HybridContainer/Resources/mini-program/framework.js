// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The mini-program definitions: App, Page, Component, Behavior, getApp, and page instances
// (per-instance data, bound handlers, Component pages with properties, behaviors/mixins,
// lifetimes, observers). Errors in page hooks go to `reportError` with the route and hook as
// origin (then to App.onError and the host).
import { fixed, report, allPages } from './common.js';
import { isObject, clone } from './values.js';
import { states } from './set-data.js';
import { behaviorMark, mergeComponent, propertyValue } from './components.js';
import { treeMethods } from './component-api.js';
import { configOf } from './component-registry.js';

// ---- definitions: App, Page, Component, Behavior
let app = null;
// The app's App() definition (null until app.js calls App()).
export const currentApp = () => app;
const definitions = new Map();
const components = new Map();
let loadingRoute = null;
// Component files the framework is loading now (innermost last; `{ file, registered }`, the files
// registered while it loads), and the files known to be components (loaded as one, or declared
// `"component": true` in their `.json`).
const componentLoads = [];
const loadingComponent = (file) => componentLoads.some((load) => load.file === file);
const componentFiles = new Set();
// The module stack of `require` (modules.js), captured before app code can replace `require`.
const moduleStack = globalThis.require && typeof globalThis.require.loading === 'function' ? globalThis.require.loading : () => [];
function callerFile() {
  for (const frame of String(new Error().stack || '').split('\n')) {
    const match = /@(.+):\d+:\d+$/.exec(frame);
    if (match && !match[1].startsWith('hybrid://')) return match[1];
  }
  return null;
}
const routeOf = (file) => file === null ? null : file.replace(/\.(m|c)?js$/, '');
const declaredComponent = (file) => {
  if (componentFiles.has(file)) return true;
  try {
    const declared = configOf(routeOf(file)).component === true;
    if (declared) componentFiles.add(file);
    return declared;
  } catch (error) {
    return false;
  }
};
// The file a `Component()`/`Page()` call registers for, as the platforms do: the innermost file
// being loaded that is a page or a component, wherever the call itself sits (a helper module, a
// decorator, a re-exported module); then the calling file, for calls made after loading.
function registrationFile() {
  const stack = moduleStack();
  for (let i = stack.length - 1; i >= 0; i--) {
    const file = stack[i];
    const route = routeOf(file);
    if (loadingComponent(file) || (allPages.includes(route) && !definitions.has(route)) || declaredComponent(file)) return file;
  }
  if (componentLoads.length > 0) return componentLoads[componentLoads.length - 1].file;
  return callerFile();
}
fixed('App', function App(definition) {
  if (app !== null) throw new Error('App() may be called only once');
  if (!isObject(definition)) throw new TypeError('App() expects an object');
  app = definition;
  return definition;
});
// WeChat's `global`: one plain object shared by every module of the mini-program (apps
// set flags on it in app.js and read them in pages). Writable members, fixed binding.
fixed('global', {});
fixed('getApp', function getApp(options) {
  if (app === null && options && options.allowDefault) return {};
  return app;
});
fixed('Page', function Page(definition) {
  if (!isObject(definition)) throw new TypeError('Page() expects an object');
  register(definition, 'page', registrationFile());
});
fixed('Component', function Component(definition) {
  if (!isObject(definition)) throw new TypeError('Component() expects an object');
  const file = registrationFile();
  const route = routeOf(file);
  if (route !== null && allPages.includes(route) && !definitions.has(route) && !loadingComponent(file)) {
    return register(definition, 'component', file);
  }
  const key = file || ('component ' + (components.size + 1));
  components.set(key, definition);
  for (const load of componentLoads) load.registered.push(key);
});
fixed('Behavior', function Behavior(definition) {
  if (!isObject(definition)) throw new TypeError('Behavior() expects an object');
  return Object.freeze({ [behaviorMark]: true, definition });
});
function register(definition, kind, file) {
  const route = routeOf(file) || loadingRoute;
  if (route === null || !allPages.includes(route)) {
    throw new Error((kind === 'page' ? 'Page()' : 'Component()') + ' was called from ' + (route || 'an unknown file') +
      ', which is not a page listed in app.json');
  }
  if (definitions.has(route)) throw new Error('the page ' + route + ' is registered twice');
  definitions.set(route, { kind, definition });
}
export function definitionOf(route) {
  if (!definitions.has(route)) {
    loadingRoute = route;
    try { globalThis.require('/' + route + '.js'); } finally { loadingRoute = null; }
    if (!definitions.has(route)) throw new Error(route + '.js did not call Page() or Component()');
  }
  return definitions.get(route);
}

// An exception thrown while `file` loads, with its own message and the file and line it was
// thrown at (a dependency's, if that is where), for the one who needed it.
function loadFailure(error, file, neededBy) {
  const where = error && typeof error === 'object' && typeof error.sourceURL === 'string' && !error.sourceURL.startsWith('hybrid://')
    ? error.sourceURL + (error.line ? ':' + error.line : '') : null;
  const what = error instanceof Error ? error.name + ': ' + error.message : String(error);
  const failure = new Error(file + ' (needed by ' + neededBy + ') failed while loading: ' + what + (where ? ' at ' + where : ''));
  failure.cause = error;
  if (where !== null) {
    for (const key of ['sourceURL', 'line', 'column']) {
      Object.defineProperty(failure, key, { value: error[key], writable: true, enumerable: false, configurable: true });
    }
  }
  return failure;
}

// The definition the component at `base` (`components/x/x`) registered with Component();
// `neededBy` names the page or component whose template uses it.
export function componentDefinition(base, neededBy) {
  const file = base + '.js';
  if (!components.has(file)) {
    componentFiles.add(file);
    const load = { file, registered: [] };
    componentLoads.push(load);
    try {
      globalThis.require('/' + file);
    } catch (error) {
      throw loadFailure(error, file, neededBy || 'the app');
    } finally {
      componentLoads.pop();
    }
    // A file that re-exports another component file: the one registration made while it loaded.
    if (!components.has(file) && load.registered.length === 1) components.set(file, components.get(load.registered[0]));
  }
  if (!components.has(file)) throw new Error(file + ' did not call Component()' + (neededBy ? ' (needed by ' + neededBy + ')' : ''));
  return components.get(file);
}

// ---- page instances
let nextPageId = 1;
const pagePrototype = Object.assign({}, treeMethods);
export function makePage(route, query) {
  const { kind, definition } = definitionOf(route);
  const page = Object.create(pagePrototype);
  const state = { id: nextPageId++, route, query, rendered: null, observers: [], shown: false, unloaded: false, hooks: null };
  Object.defineProperty(page, 'route', { value: route, enumerable: true });
  Object.defineProperty(page, '__route__', { value: route });
  Object.defineProperty(page, '$id', { value: state.id });
  page.options = Object.assign({}, query);
  if (kind === 'page') {
    for (const key of Object.keys(definition)) {
      if (key === 'data') continue;
      const value = definition[key];
      page[key] = typeof value === 'function' ? value.bind(page) : clone(value);
    }
    page.data = clone(definition.data || {});
    const call = (name) => (arg) => typeof page[name] === 'function' ? page[name](arg) : undefined;
    state.hooks = { load: [call('onLoad')], show: [call('onShow')], ready: [call('onReady')], hide: [call('onHide')], unload: [call('onUnload')] };
  } else {
    const merged = mergeComponent(definition);
    const data = merged.data;
    for (const [name, spec] of Object.entries(merged.properties)) {
      data[name] = propertyValue(spec, query[name]);
    }
    page.data = data;
    Object.defineProperty(page, 'properties', { get() { return page.data; } });
    page.is = route;
    for (const [name, fn] of Object.entries(merged.methods)) {
      if (typeof fn === 'function') page[name] = fn.bind(page);
    }
    const each = (list) => (list || []).map((fn) => (arg) => fn.call(page, arg));
    const method = (name) => (arg) => typeof page[name] === 'function' ? page[name](arg) : undefined;
    state.hooks = {
      load: each(merged.lifetimes.created).concat(each(merged.lifetimes.attached), [method('onLoad')]),
      show: [method('onShow')].concat(each(merged.pageLifetimes.show)),
      ready: each(merged.lifetimes.ready).concat([method('onReady')]),
      hide: [method('onHide')].concat(each(merged.pageLifetimes.hide)),
      unload: [method('onUnload')].concat(each(merged.lifetimes.detached)),
    };
    state.observers = merged.observers;
  }
  state.rendered = clone(page.data);
  states.set(page, state);
  return page;
}
const hookNames = { load: 'onLoad', show: 'onShow', ready: 'onReady', hide: 'onHide', unload: 'onUnload' };
export function runHooks(page, phase, argument) {
  const state = states.get(page);
  for (const hook of state.hooks[phase]) {
    try {
      const result = hook(argument);
      if (result && typeof result.then === 'function') {
        result.then(undefined, (error) => report(error, state.route + ' ' + hookNames[phase]));
      }
    } catch (error) {
      report(error, state.route + ' ' + hookNames[phase]);
    }
  }
}

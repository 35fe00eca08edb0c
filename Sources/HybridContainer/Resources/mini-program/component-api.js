// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// What a component instance (and, for the tree-reading part, a page) offers its code:
// setData / $spliceData, triggerEvent, selectComponent(s), selectOwnerComponent,
// createSelectorQuery, createIntersectionObserver, and the smaller methods real components call.
import { states, applySetData } from './set-data.js';
import { selectAll } from './selectors.js';
import { dispatch } from './view-events.js';
import { createSelectorQuery, setComponentResolver } from './selector-query.js';
import { createIntersectionObserver } from './intersection-observer.js';
import { isObject, parsePath, getPath } from './values.js';
import { animateNodes, clearAnimatedNodes } from './node-animation.js';
import { relationNodes } from './relations.js';

// The view (render-tree.js) of a page or component instance, or null before it renders.
export const instanceView = (instance) => { const state = states.get(instance); return state && state.view ? state.view : null; };
// The root node a view's selectors start from: its host node, or the page's root.
export const scopeRoot = (view) => view.host || view.root;

function select(instance, selector, all) {
  const view = instanceView(instance);
  if (view === null) return all ? [] : null;
  const hosts = selectAll(scopeRoot(view), view, selector).filter((node) => node.component);
  // A component with `export()` hands out what it returns instead of itself.
  const instances = hosts.map((node) => {
    const exporter = node.component.state && node.component.state.merged.exporter;
    return typeof exporter === 'function' ? exporter.call(node.component.instance) : node.component.instance;
  });
  return all ? instances : instances.length > 0 ? instances[0] : null;
}

export const treeMethods = {
  setData(changes, callback) { applySetData(this, changes, callback); },
  // Alipay: { 'list': [start, deleteCount, ...items] } splices arrays at data paths.
  $spliceData(operations, callback) {
    if (!isObject(operations)) throw new TypeError('$spliceData expects an object of path → [start, deleteCount, ...items]');
    const changes = {};
    for (const key of Object.keys(operations)) {
      const operation = operations[key];
      if (!Array.isArray(operation) || typeof operation[0] !== 'number') throw new TypeError('$spliceData: "' + key + '" needs [start, deleteCount, ...items]');
      const current = getPath(this.data, parsePath(key));
      const list = Array.isArray(current) ? current.slice() : [];
      list.splice(operation[0], operation[1] === undefined ? 0 : operation[1], ...operation.slice(2));
      changes[key] = list;
    }
    applySetData(this, changes, callback);
  },
  selectComponent(selector) { return select(this, selector, false); },
  selectAllComponents(selector) { return select(this, selector, true); },
  createSelectorQuery() { const self = this; return createSelectorQuery(() => instanceView(self)); },
  createIntersectionObserver(options) { const self = this; return createIntersectionObserver(() => instanceView(self), options); },
  // `this.animate(selector, keyframes, duration, callback)`: the last keyframe ends in the
  // matched nodes' style (a headless host has no frames to show in between); then `callback`.
  animate(selector, keyframes, duration, callback) {
    const view = instanceView(this);
    const nodes = view === null ? [] : selectAll(scopeRoot(view), view, String(selector));
    animateNodes(nodes, keyframes);
    const done = typeof callback === 'function' ? callback : typeof duration === 'function' ? duration : null;
    if (done !== null) Promise.resolve().then(() => done.call(this));
  },
  // Skyline: `this.applyAnimatedStyle(selector, updater, config, callback)` (worklet.js).
  applyAnimatedStyle(selector, updater, config, callback) {
    const view = instanceView(this);
    const nodes = view === null ? [] : selectAll(scopeRoot(view), view, String(selector));
    if (typeof updater === 'function') animateNodes(nodes, [updater()]);
    const done = typeof callback === 'function' ? callback : typeof config === 'function' ? config : null;
    if (done !== null) Promise.resolve().then(() => done.call(this, { styleId: 0 }));
  },
  clearAnimatedStyle(selector, styleIds, callback) {
    const view = instanceView(this);
    const nodes = view === null ? [] : selectAll(scopeRoot(view), view, String(selector));
    clearAnimatedNodes(nodes, null);
    const done = typeof callback === 'function' ? callback : typeof styleIds === 'function' ? styleIds : null;
    if (done !== null) Promise.resolve().then(() => done.call(this));
  },
  // `this.clearAnimation(selector, options, callback)`: the animated properties go (all, or
  // those `options` names with true).
  clearAnimation(selector, options, callback) {
    const view = instanceView(this);
    const nodes = view === null ? [] : selectAll(scopeRoot(view), view, String(selector));
    clearAnimatedNodes(nodes, isObject(options) ? options : null);
    const done = typeof callback === 'function' ? callback : typeof options === 'function' ? options : null;
    if (done !== null) Promise.resolve().then(() => done.call(this));
  },
};

// Framework-owned members of an instance live on the prototype as accessors; assigning one
// (a library's `this.dataset = {}`) gives the instance its own property, as a plain object would.
export function ownableAccessor(prototype, name, get) {
  Object.defineProperty(prototype, name, {
    get,
    set(value) { Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true }); },
    configurable: true,
  });
}

export const componentPrototype = Object.assign({}, treeMethods, {
  triggerEvent(name, detail, options) {
    const view = instanceView(this);
    if (view === null || !view.host) return;
    const settings = options || {};
    dispatch(view.host, String(name), detail === undefined ? {} : detail,
      { bubbles: !!settings.bubbles, composed: !!settings.composed, capture: !!settings.capturePhase });
  },
  selectOwnerComponent() {
    const view = instanceView(this);
    return view && view.parent ? view.parent.instance : null;
  },
  hasBehavior() { return false; },
  getRelationNodes(key) { const view = instanceView(this); return view === null ? [] : relationNodes(view, String(key)); },
  groupSetData(fn) { if (typeof fn === 'function') fn.call(this); },
  getPageId() { const view = instanceView(this); return view ? 'pageId:' + view.page.state.id : ''; },
  setUpdatePerformanceListener() {},
  getTabBar() { return null; },
});
ownableAccessor(componentPrototype, '$page', function () { const view = instanceView(this); return view ? view.page.instance : null; });
ownableAccessor(componentPrototype, 'id', function () { const view = instanceView(this); return view && view.host ? view.host.id : ''; });
ownableAccessor(componentPrototype, 'dataset', function () { const view = instanceView(this); return view && view.host ? Object.assign({}, view.host.dataset) : {}; });
// WeChat: `components/x/x`; Alipay: `/components/x/x`.
ownableAccessor(componentPrototype, 'is', function () { const view = instanceView(this); return view ? (view.alipay ? '/' : '') + view.base : ''; });
ownableAccessor(componentPrototype, 'properties', function () { return this.data; });
ownableAccessor(componentPrototype, '$id', function () { const state = states.get(this); return state ? state.componentId : undefined; });
setComponentResolver((instance) => instanceView(instance));

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Custom component instances: data from `data` and property defaults, methods bound, setData
// (re-rendering the component's own subtree), property updates from the parent's template with
// property observers and `observers`, `triggerEvent`, and lifetimes in the platforms' order
// (WeChat created → attached → ready, moved, detached; Alipay onInit, deriveDataFromProps,
// didMount, didUpdate, didUnmount). The view (render-tree.js) owns when each happens.
import { report } from './common.js';
import { clone } from './values.js';
import { states, applySetData, runObservers } from './set-data.js';
import { mergedComponent, propertyValue } from './components.js';
import { componentDefinition } from './framework.js';

let nextComponentId = 1;
// WeChat attribute names are dash-case, property names camelCase.
export const camel = (name) => name.replace(/-([a-z])/g, (whole, letter) => letter.toUpperCase());

// Creates the instance of the component at `base` for `view` (render-tree.js) and runs
// `created` (Alipay `onInit`). Properties are set by updateProperties before `attached`.
export function createComponent(base, view, hooks) {
  const definition = componentDefinition(base, view.parent ? view.parent.base : view.page.base);
  const merged = mergedComponent(definition);
  // How the component's styles meet its page's, as its JS says (`options.styleIsolation`,
  // `options.addGlobalClass`); the render layer draws it so (plain tree `styleIsolation`).
  const options = merged.options || {};
  view.styleIsolation = typeof options.styleIsolation === 'string' ? options.styleIsolation
    : options.addGlobalClass === true ? 'apply-shared' : null;
  const instance = Object.create(hooks.prototype);
  const data = merged.data;
  for (const [name, spec] of Object.entries(merged.properties)) data[name] = propertyValue(spec, undefined);
  instance.data = data;
  instance.props = {};
  for (const [name, fn] of Object.entries(merged.methods)) if (typeof fn === 'function') instance[name] = fn.bind(instance);
  // Alipay: methods may also sit at the top level of the definition.
  if (Object.keys(merged.relations).length > 0) view.page.declaresRelations = true;
  const state = { id: view.page.state.id, route: view.page.state.route + ' ' + base, rendered: clone(data), observers: merged.observers,
    unloaded: false, component: true, merged, view, onSetData: null, componentId: nextComponentId++ };
  states.set(instance, state);
  view.instance = instance;
  view.state = state;
  // Alipay's onInit already sees `this.props`: the view runs it after the first properties.
  if (!hooks.deferCreated) lifetime(view, 'created');
  return instance;
}

// Runs one lifetime's functions (from behaviors/mixins first) on the view's instance.
export function lifetime(view, name, ...args) {
  const list = view.state.merged.lifetimes[name] || [];
  for (const fn of list) {
    try {
      const result = fn.apply(view.instance, args);
      if (result && typeof result.then === 'function') result.then(undefined, (error) => report(error, view.base + ' ' + name));
    } catch (error) {
      report(error, view.base + ' ' + name);
    }
  }
}

// Page show/hide reach components' `pageLifetimes`.
export function pageLifetime(view, name) {
  for (const fn of view.state.merged.pageLifetimes[name] || []) {
    try { fn.call(view.instance); } catch (error) { report(error, view.base + ' pageLifetimes.' + name); }
  }
}

// Applies the values the parent's template gives (attribute name → value); returns true if any
// property changed. Runs each property's `observer(new, old)` and the `observers` that watch it.
export function updateProperties(view, values, alipay) {
  const instance = view.instance;
  const specs = view.state.merged.properties;
  const changed = [];
  const previousProps = instance.props;
  const props = {};
  for (const [attribute, raw] of Object.entries(values)) {
    const name = camel(attribute);
    props[name] = raw;
    if (!Object.prototype.hasOwnProperty.call(specs, name)) continue;
    const next = propertyValue(specs[name], raw);
    const before = instance.data[name];
    if (same(before, next)) continue;
    instance.data[name] = typeof next === 'function' ? next : clone(next);
    changed.push([name, next, before]);
  }
  instance.props = Object.freeze(Object.assign({}, defaultsOf(specs), props));
  if (alipay && view.attached) {
    lifetime(view, 'deriveDataFromProps', instance.props);
  }
  if (changed.length === 0) return alipay && !same(previousProps, instance.props);
  view.state.rendered = clone(instance.data);
  for (const [name, next, before] of changed) {
    const spec = specs[name];
    const observer = spec && typeof spec === 'object' ? spec.observer : undefined;
    const fn = typeof observer === 'function' ? observer : typeof observer === 'string' ? instance[observer] : undefined;
    if (typeof fn === 'function') {
      try { fn.call(instance, next, before, [name]); } catch (error) { report(error, view.base + ' property observer ' + name); }
    }
  }
  runObservers(instance, view.state, changed.map(([name]) => [name]));
  return true;
}

const defaultsOf = (specs) => {
  const out = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = propertyValue(spec, undefined);
  return out;
};
function same(a, b) {
  if (a === b) return true;
  if (typeof a === 'function' || typeof b === 'function') return false;
  try { return JSON.stringify(a) === JSON.stringify(b); } catch (error) { return false; }
}

// setData on a component: the data changes, then its own subtree is rendered again.
export function componentSetData(instance, changes, callback) {
  applySetData(instance, changes, callback);
}

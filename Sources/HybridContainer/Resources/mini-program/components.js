// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Component definitions: behaviors (WeChat) and mixins (Alipay) flattened, property defaults.
// Pure; unit-tested in JavaScriptCore (Tests/HybridContainerTests/JavaScript/components.test.js).
import { isObject, clone } from './values.js';

// Marks what Behavior() returns.
export const behaviorMark = Symbol('Behavior');

// Flattens behaviors (WeChat) and mixins (Alipay), depth first, each once.
export function mergeComponent(definition) {
  const merged = { data: {}, methods: {}, properties: {}, observers: [], lifetimes: {}, pageLifetimes: {}, options: {},
    relations: {}, behaviors: new Set(), exporter: null };
  const seen = new Set();
  const lifetimeNames = { created: 'created', attached: 'attached', ready: 'ready', moved: 'moved', detached: 'detached',
    onInit: 'created', didMount: 'ready', didUpdate: 'didUpdate', didUnmount: 'detached', deriveDataFromProps: 'deriveDataFromProps' };
  const add = (table, name, fn) => { if (typeof fn === 'function') (table[name] = table[name] || []).push(fn); };
  function visit(part) {
    const source = part && part[behaviorMark] ? part.definition : part;
    if (!isObject(source) || seen.has(source)) return;
    seen.add(source);
    if (part && part[behaviorMark]) merged.behaviors.add(part);
    for (const inner of [].concat(source.behaviors || [], source.mixins || [])) visit(inner);
    Object.assign(merged.data, clone(source.data || {}));
    Object.assign(merged.properties, source.properties || {}, source.props ? Object.fromEntries(
      Object.entries(source.props).map(([key, value]) => [key, { value }])) : {});
    Object.assign(merged.methods, source.methods || {});
    Object.assign(merged.options, source.options || {});
    if (isObject(source.relations)) Object.assign(merged.relations, source.relations);
    if (typeof source.export === 'function') merged.exporter = source.export;
    for (const [name, alias] of Object.entries(lifetimeNames)) {
      add(merged.lifetimes, alias, (source.lifetimes && source.lifetimes[name]) || source[name]);
    }
    for (const name of ['show', 'hide']) add(merged.pageLifetimes, name, source.pageLifetimes && source.pageLifetimes[name]);
    for (const [key, handler] of Object.entries(source.observers || {})) {
      if (typeof handler === 'function') merged.observers.push([key.split(',').map((field) => field.trim()), handler]);
    }
  }
  visit(definition);
  return merged;
}
// mergeComponent once per definition (a list renders the same component many times): the
// merged tables are only read afterwards; each instance gets its own copy of the data.
const mergedDefinitions = new WeakMap();
export function mergedComponent(definition) {
  if (!isObject(definition)) return mergeComponent(definition);
  let merged = mergedDefinitions.get(definition);
  if (merged === undefined) {
    merged = mergeComponent(definition);
    mergedDefinitions.set(definition, merged);
  }
  return Object.assign({}, merged, { data: clone(merged.data) });
}
export function propertyValue(spec, raw) {
  const type = typeof spec === 'function' ? spec : spec && spec.type;
  if (raw === undefined) {
    if (spec && typeof spec === 'object' && 'value' in spec) return clone(spec.value);
    return type === Number ? 0 : type === Boolean ? false : type === String ? '' : type === Array ? [] : type === Object ? null : null;
  }
  if (typeof raw !== 'string') return raw;
  if (type === Number) return Number(raw);
  // A bare attribute (`<x disabled>`) is present, so true.
  if (type === Boolean) return raw === 'true' || raw === '1' || raw === '';
  return raw;
}

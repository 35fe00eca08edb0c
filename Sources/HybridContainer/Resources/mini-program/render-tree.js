// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The headless view layer: each page and each custom component instance is a *view* that renders
// its own template against its own data into nodes
// `{ tag, id, classes, style, hidden, attrs, dataset, marks, events, children, owner, parent }`
// (`#text` nodes carry `text`; a component's host node holds the component's nodes as children,
// with `<slot>` nodes holding what the parent put there). setData on a page or component renders
// that view again — only its subtree; child components are kept (by template position and
// `wx:key`), get their new properties and render again only if those or their slot content
// changed. See DESIGN-level notes in README ("The render layer").
import { report } from './common.js';
import { loadTemplate, templatePath, bodyInfo } from './templates.js';
import { registerModuleFunctions } from './expressions.js';
import { componentsOf, builtInTags } from './component-registry.js';
import { createComponent, updateProperties, lifetime, camel } from './component-instances.js';
import { componentPrototype, instanceView } from './component-api.js';
import { linkTree, unlinkTree, treeChanged, forgetPlain, emptyTable, ownTable } from './tree-output.js';
import { updateRelations } from './relations.js';
import { withAnimatedStyle } from './node-animation.js';

// What the smoke run and the host read: template errors (file:line) and unknown tags.
export const diagnostics = { templateErrors: [], unknownTags: {}, missingComponents: [] };
const reported = new Set();
// At most this many distinct template errors are kept and reported (a message that changes on
// every render must not grow memory without bound).
const maximumReported = 200;
function templateError(error, where) {
  const message = String(error && error.message || error);
  const key = where + ' ' + message;
  if (reported.has(key) || reported.size >= maximumReported) return;
  reported.add(key);
  diagnostics.templateErrors.push(message);
  report(error, where);
}

const value = (compiled, scope) => compiled.constant !== undefined ? compiled.constant : compiled.evaluate(scope);
const text = (v) => v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function moduleScopeOf(file) {
  if (file === null) return Object.create(null);
  if (file.moduleScope) return file.moduleScope;
  const scope = Object.create(null);
  file.moduleScope = scope;
  for (const module of file.modules) {
    try {
      if (module.src !== null) {
        const exports = globalThis.require('/' + module.src);
        scope[module.name] = exports && exports.__esModule && 'default' in exports ? exports.default : exports;
      } else {
        scope[module.name] = inlineModule(module, file.path);
      }
      registerModuleFunctions(scope[module.name]);
    } catch (error) {
      templateError(error, file.path + ':' + module.line + ' module ' + module.name);
    }
  }
  return scope;
}
let compileModule = null;
// The bridge's module compiler, handed over by the installer (page-stack.js).
export function setModuleCompiler(compiler) { compileModule = compiler; }
function inlineModule(module, path) {
  const factory = compileModule(module.body, path, module.line);
  const record = { exports: {} };
  factory.call(record.exports, record.exports, globalThis.require, record);
  return record.exports;
}

function makeView(base, page, parent, host) {
  const view = { base, page, parent, host, instance: null, state: null, file: null, moduleScope: null, components: new Map(),
    alipay: false, children: new Map(), nodes: [], slots: new Map(), attached: false, dirty: false };
  const path = templatePath(base);
  view.alipay = path !== null ? path.endsWith('.axml') : parent !== null && parent.alipay;
  try {
    view.file = path === null ? null : loadTemplate(path);
  } catch (error) {
    templateError(error, base + ' template');
  }
  view.moduleScope = moduleScopeOf(view.file);
  try {
    const { table, missing } = componentsOf(base);
    view.components = table;
    for (const entry of missing) {
      const message = base + '.json: usingComponents "' + entry.tag + '" → "' + entry.request + '" is not found';
      if (!reported.has(message)) { reported.add(message); diagnostics.missingComponents.push(message); console.warn(message); }
    }
  } catch (error) {
    templateError(error, base + '.json');
  }
  return view;
}

// ---- pages
// Renders a page's first tree (components are created and attached); `ready` comes later.
export function attachPage(page, state) {
  const view = makeView(state.route, null, null, null);
  view.page = view;
  view.instance = page;
  view.state = state;
  view.root = { tag: 'page', route: state.route, id: '', classes: [], attrs: {}, dataset: {}, marks: {}, events: [], children: [], owner: view, parent: null };
  view.pendingReady = [];
  view.live = true;
  view.lastTree = null;
  view.onTree = null;
  state.view = view;
  state.onSetData = (touched) => rerender(view, touched);
  rerender(view, null);
  return view;
}
// Runs `ready` of the components attached so far (children before parents).
export function readyComponents(pageView) {
  const pending = pageView.pendingReady.splice(0);
  for (let i = pending.length - 1; i >= 0; i--) if (pending[i].attached) lifetime(pending[i], 'ready');
}
export function detachPage(pageView) {
  pageView.live = false;
  for (const child of pageView.children.values()) detach(child);
  pageView.children.clear();
}
export function eachComponent(view, visit) {
  for (const child of view.children.values()) { visit(child); eachComponent(child, visit); }
}

// ---- rendering
// `touched`: the data paths a setData changed (segments), which lets unchanged `wx:for` items be
// kept; null renders everything.
function rerender(view, touched) {
  const page = view.page;
  if (!page.live || (view !== page && !view.attached)) return;
  if (page.rendering) { view.dirty = true; return; }
  page.rendering = true;
  try {
    renderView(view, touched);
    for (let guard = 0; guard < 100; guard++) {
      const dirty = [];
      collectDirty(page, dirty);
      if (dirty.length === 0) break;
      for (const each of dirty) renderView(each, null);
    }
  } finally {
    page.rendering = false;
  }
  linkTree(page.root);
  updateRelations(page);
  const readyNow = page.readyDone ? page.pendingReady.splice(0) : [];
  for (let i = readyNow.length - 1; i >= 0; i--) if (readyNow[i].attached) lifetime(readyNow[i], 'ready');
  treeChanged(page);
}
function collectDirty(view, out) {
  if (view.dirty) { view.dirty = false; out.push(view); }
  for (const child of view.children.values()) collectDirty(child, out);
}
function renderView(view, touched) {
  const out = [];
  if (view.file !== null) {
    const scope = Object.assign(Object.create(view.moduleScope), view.instance.data);
    if (view.alipay && view.host) scope.props = view.instance.props;
    const seen = new Set();
    const reuse = { touched: touched || null, old: view.itemCache || new Map(), next: new Map() };
    renderList(view.file.root.children, scope, { view, file: view.file, key: '', seen, reuse }, out);
    view.itemCache = reuse.next;
    for (const [key, child] of view.children) if (!seen.has(key)) { view.children.delete(key); detach(child); }
  }
  view.nodes = out;
  if (view.host) { view.host.children = out; forgetPlain(view.host); unlinkTree(view.host); } else if (view.root) view.root.children = out;
}
function renderList(nodes, scope, ctx, out) {
  let taken = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    try {
      if (node.loop) { taken = false; renderLoop(node, scope, ctx, out); continue; }
      const condition = node.condition;
      if (condition) {
        if (condition.kind === 'if') taken = !!value(condition.test, scope);
        else if (condition.kind === 'elif') { if (taken) continue; taken = !!value(condition.test, scope); if (!taken) continue; }
        else { if (taken) continue; taken = true; }
        if (condition.kind === 'if' && !taken) continue;
      } else {
        taken = false;
      }
      renderOne(node, scope, ctx, out);
    } catch (error) {
      templateError(error, ctx.file.path + ':' + node.line);
    }
  }
}
// The longest numeric range `wx:for="{{n}}"` renders (arrays render whatever length they have).
const maximumRange = 100000;
function renderLoop(node, scope, ctx, out) {
  const list = value(node.loop.list, scope);
  if (typeof list === 'number' && !(list <= maximumRange)) {
    throw new RangeError('wx:for over the number ' + list + ' is beyond the ' + maximumRange + ' items a range may render');
  }
  // Positions are indexes for arrays, strings and ranges (`items` null: the position is the
  // item), keys for other objects.
  const items = Array.isArray(list) ? list : typeof list === 'string' ? Array.from(list) : null;
  const keys = items === null && list !== null && typeof list === 'object' ? Object.keys(list) : null;
  const count = items !== null ? items.length : keys !== null ? keys.length
    : typeof list === 'number' && list >= 0 ? Math.floor(list) : 0;
  const byIndex = keys === null;
  const { item, index, key } = node.loop;
  const cacheKey = ctx.key + '/' + node.id;
  const changed = changedItems(node, ctx.reuse);
  // What each position rendered last time (an array by index, a Map by key), when reusable.
  const previous = changed === null ? undefined : ctx.reuse.old.get(cacheKey);
  const prior = previous !== undefined && previous.byIndex === byIndex ? previous.table : undefined;
  const kept = byIndex ? [] : new Map();
  const anyChanged = changed !== null && changed.size > 0;
  // One context for every item, its key set per item (nothing keeps a context past the call).
  const itemCtx = { view: ctx.view, file: ctx.file, seen: ctx.seen, reuse: ctx.reuse, key: '' };
  for (let i = 0; i < count; i++) {
    const position = byIndex ? i : keys[i];
    const entry = items !== null ? items[i] : byIndex ? i : list[position];
    const last = prior === undefined ? undefined : byIndex ? prior[i] : prior.get(position);
    if (last !== undefined && last.item === entry && !(anyChanged && changed.has(position))) {
      const vnodes = last.vnodes;
      for (let v = 0; v < vnodes.length; v++) out.push(vnodes[v]);
      if (byIndex) kept[i] = last; else kept.set(position, last);
      continue;
    }
    const itemScope = Object.create(scope);
    itemScope[item] = entry;
    itemScope[index] = position;
    if (node.condition && node.condition.kind === 'if' && !value(node.condition.test, itemScope)) {
      const record = { item: entry, vnodes: [] };
      if (byIndex) kept[i] = record; else kept.set(position, record);
      continue;
    }
    const identity = key === '*this' ? entry : key && entry !== null && typeof entry === 'object' ? entry[key] : position;
    const start = out.length;
    const componentsBefore = ctx.view.componentRenders || 0;
    itemCtx.key = cacheKey + ':' + text(identity);
    renderOne(node, itemScope, itemCtx, out);
    // Items holding components are always rendered again (their instances must be seen).
    if ((ctx.view.componentRenders || 0) === componentsBefore) {
      const record = { item: entry, vnodes: out.slice(start) };
      if (byIndex) kept[i] = record; else kept.set(position, record);
    }
  }
  if (ctx.reuse) ctx.reuse.next.set(cacheKey, { byIndex, table: kept });
}

// The positions of a `wx:for` list that a setData changed, when every other item is known to
// render as before: the list is a data path (`{{items}}`), the item template reads neither the
// list itself nor any other changed name, and holds no `<template is>` or `<slot>`. null when
// every item must render again.
function changedItems(node, reuse) {
  const listPath = node.loop.listPath;
  if (!reuse || reuse.touched === null || listPath === null) return null;
  const info = bodyInfo(node);
  if (info.opaque || info.names.has(listPath[0])) return null;
  const changed = new Set();
  for (const path of reuse.touched) {
    const underList = path.length > listPath.length && typeof path[listPath.length] === 'number'
      && listPath.every((segment, i) => String(path[i]) === segment);
    if (underList) { changed.add(path[listPath.length]); continue; }
    const root = String(path[0]);
    if (root === listPath[0] || info.names.has(root)) return null;
  }
  return changed;
}
function renderOne(node, scope, ctx, out) {
  switch (node.kind) {
    case 'text': out.push({ tag: '#text', text: text(value(node.value, scope)), owner: ctx.view, parent: null }); return;
    case 'block': renderList(node.children, scope, ctx, out); return;
    case 'template': renderTemplate(node, scope, ctx, out); return;
    default: break;
  }
  if (node.tag === 'slot' && ctx.view.host) {
    const nameAttr = node.attrs.find((attr) => attr.name === 'name');
    const name = nameAttr ? text(value(nameAttr.value, scope)) : '';
    out.push({ tag: 'slot', slotName: name, id: '', classes: [], attrs: {}, dataset: {}, marks: {}, events: [],
      children: ctx.view.slots.get(name) || [], owner: ctx.view, parent: null });
    return;
  }
  const vnode = element(node, scope, ctx);
  const base = ctx.view.components.get(node.tag);
  if (base !== undefined) { renderComponent(node, base, vnode, scope, ctx); out.push(vnode); return; }
  if (!builtInTags.has(node.tag) && !diagnostics.unknownTags[node.tag + ' in ' + ctx.file.path]) {
    diagnostics.unknownTags[node.tag + ' in ' + ctx.file.path] = true;
    console.warn(ctx.file.path + ':' + node.line + ': <' + node.tag + '> is neither a built-in nor a component in usingComponents');
  }
  renderList(node.children, scope, ctx, vnode.children);
  out.push(vnode);
}
// A style value: text as it is; an object (Alipay style objects) as CSS declarations, camelCase
// names in dash-case, null/undefined/false values left out.
function styleText(v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return text(v);
  const out = [];
  for (const key of Object.keys(v)) {
    const item = v[key];
    if (item === undefined || item === null || item === false || item === '') continue;
    out.push(key.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase()) + ': ' + String(item));
  }
  return out.join('; ');
}
// The classes of a `class` value, split once per distinct value (a list renders the same few
// values over and over). The arrays are shared: nothing changes a vnode's classes in place.
const classLists = new Map();
const noClasses = Object.freeze([]);
const noEvents = Object.freeze([]);
const maximumClassLists = 2000;
function classList(value) {
  let list = classLists.get(value);
  if (list === undefined) {
    list = value.split(/\s+/).filter((c) => c !== '');
    if (classLists.size >= maximumClassLists) classLists.clear();
    classLists.set(value, list);
  }
  return list;
}
// `data-user-id` → `userId`, once per attribute name.
const datasetKeys = new Map();
function datasetKey(name) {
  let key = datasetKeys.get(name);
  if (key === undefined) {
    key = camel(name.slice(5).toLowerCase());
    if (datasetKeys.size >= maximumClassLists) datasetKeys.clear();
    datasetKeys.set(name, key);
  }
  return key;
}
// What an attribute sets on its vnode, found on its first render and kept on the compiled
// attribute (`role`, and `key`: the dataset or mark name).
const roles = { id: 0, class: 1, style: 2, hidden: 3, data: 4, mark: 5, attr: 6 };
function attributeRole(attr) {
  const name = attr.name;
  attr.key = name;
  if (name === 'id') attr.role = roles.id;
  else if (name === 'class') attr.role = roles.class;
  else if (name === 'style') attr.role = roles.style;
  else if (name === 'hidden') attr.role = roles.hidden;
  else if (name.startsWith('data-')) { attr.role = roles.data; attr.key = datasetKey(name); }
  else if (name.startsWith('mark:')) { attr.role = roles.mark; attr.key = name.slice(5); }
  else attr.role = roles.attr;
  return attr.role;
}
// An element's event listeners. When every handler is a constant method name (`bindtap="onTap"`,
// most templates), one frozen list kept on the compiled node serves every render of it.
function listeners(node, scope) {
  if (node.constantListeners !== undefined) return node.constantListeners;
  const events = [];
  let constant = true;
  for (let i = 0; i < node.events.length; i++) {
    const event = node.events[i];
    if (event.handler.constant === undefined) constant = false;
    events.push(Object.freeze({ type: event.type, capture: event.capture, catch: event.catch, mut: event.mut, name: event.name,
      handler: value(event.handler, scope) }));
  }
  if (constant) node.constantListeners = Object.freeze(events);
  return events;
}
function element(node, scope, ctx) {
  // Every element vnode has the same fields from the start (`component`, `plain`, `linked` are set
  // later), so the tree walks that read them see one object shape.
  // Tables a node has none of are one shared frozen empty table (`emptyTable`); a table is made
  // when the first entry comes.
  const vnode = { tag: node.tag, id: '', classes: noClasses, style: '', hidden: false, attrs: emptyTable, dataset: emptyTable,
    marks: emptyTable, events: noEvents, children: [], owner: ctx.view, parent: null, line: node.line,
    renderKey: ctx.key + '/' + node.id, component: undefined, plain: undefined, linked: false };
  const attrs = node.attrs;
  for (let i = 0; i < attrs.length; i++) {
    const attr = attrs[i];
    const v = value(attr.value, scope);
    switch (attr.role === undefined ? attributeRole(attr) : attr.role) {
      case roles.id: vnode.id = text(v); break;
      case roles.class: vnode.classes = classList(text(v)); break;
      case roles.style: vnode.style = styleText(v); break;
      case roles.hidden: vnode.hidden = v === '' || (v !== false && v !== 'false' && !!v); break;
      case roles.data: ownTable(vnode, 'dataset')[attr.key] = v; break;
      case roles.mark: ownTable(vnode, 'marks')[attr.key] = v; break;
      default: ownTable(vnode, 'attrs')[attr.name] = v;
    }
  }
  if (node.events.length > 0) vnode.events = listeners(node, scope);
  if (ctx.view.animatedStyles) vnode.style = withAnimatedStyle(vnode, vnode.style);
  return vnode;
}
function renderTemplate(node, scope, ctx, out) {
  const name = text(value(node.is, scope));
  let definition = ctx.file.templates.get(name);
  for (const path of ctx.file.imports) {
    if (definition !== undefined) break;
    definition = loadTemplate(path).templates.get(name);
  }
  if (definition === undefined) throw new Error('<template is="' + name + '"> names no template defined or imported here');
  const data = node.data === null ? {} : value(node.data, scope);
  const inner = Object.assign(Object.create(moduleScopeOf(definition.file)), data);
  renderList(definition.children, inner, Object.assign({}, ctx, { file: definition.file, key: ctx.key + '/t' + node.id }), out);
}
function renderComponent(node, base, vnode, scope, ctx) {
  ctx.view.componentRenders = (ctx.view.componentRenders || 0) + 1;
  const key = ctx.key + '/' + node.id;
  ctx.seen.add(key);
  const slotted = [];
  renderList(node.children, scope, ctx, slotted);
  const slots = new Map();
  for (const child of slotted) {
    const name = child.attrs && child.attrs.slot !== undefined ? text(child.attrs.slot) : '';
    if (!slots.has(name)) slots.set(name, []);
    slots.get(name).push(child);
  }
  const props = Object.assign({}, vnode.attrs);
  delete props.slot;
  // Alipay `ref="saveChild"`: the owner's method gets the child (or what its `ref()` returns).
  const ref = typeof props.ref === 'string' && props.ref !== '' ? props.ref : null;
  delete props.ref;
  const owner = ctx.view;
  for (const event of vnode.events) {
    // Alipay passes handlers down as props (`onChange="handle"` → `this.props.onChange(…)`).
    if (/^(on|catch)[A-Z]/.test(event.name)) {
      const handler = event.handler;
      props[event.name] = typeof handler === 'function' ? handler : (...args) => {
        const method = owner.instance[handler];
        if (typeof method !== 'function') throw new TypeError(owner.base + ' has no method "' + handler + '" for ' + event.name);
        return method.apply(owner.instance, args);
      };
    }
  }
  let child = owner.children.get(key);
  const created = child === undefined;
  if (created) {
    child = makeView(base, owner.page, owner, vnode);
    createComponent(base, child, { prototype: componentPrototype, deferCreated: child.alipay });
    child.state.onSetData = (touched) => rerender(child, touched);
    owner.children.set(key, child);
  }
  child.host = vnode;
  child.slots = slots;
  vnode.component = child;
  const before = created || !child.alipay ? null : { props: child.instance.props, data: JSON.parse(JSON.stringify(child.instance.data)) };
  const changed = updateProperties(child, props, child.alipay);
  if (created) {
    if (child.alipay) lifetime(child, 'created');
    if (child.alipay) lifetime(child, 'deriveDataFromProps', child.instance.props);
    lifetime(child, 'attached');
    child.attached = true;
    if (ref !== null) giveRef(owner, ref, child);
    renderView(child);
    owner.page.pendingReady.push(child);
  } else if (changed || slotted.length > 0) {
    child.dirty = false;
    renderView(child);
    if (child.alipay && changed) lifetime(child, 'didUpdate', before.props, before.data);
  } else {
    vnode.children = child.nodes;
  }
}
function giveRef(owner, name, child) {
  const method = owner.instance[name];
  try {
    if (typeof method !== 'function') throw new TypeError(owner.base + ' has no method "' + name + '" for ref');
    const instance = child.instance;
    method.call(owner.instance, typeof instance.ref === 'function' ? instance.ref() : instance);
  } catch (error) {
    report(error, owner.base + ' ref ' + name);
  }
}
function detach(view) {
  for (const child of view.children.values()) detach(child);
  view.children.clear();
  if (!view.attached) return;
  view.attached = false;
  lifetime(view, 'detached');
  view.state.unloaded = true;
}
export { instanceView };

// WXS's own globals (`getRegExp`, `getDate`), where app code has not defined them.
// WXS's `x.constructor` (renamed `x.__wxs_constructor` by the loader) is the type's name.
if (!Object.prototype.hasOwnProperty('__wxs_constructor')) {
  Object.defineProperty(Object.prototype, '__wxs_constructor', {
    get() { return Object.prototype.toString.call(this).slice(8, -1); }, enumerable: false, configurable: false,
  });
}
for (const [name, fn] of [['getRegExp', (pattern, flags) => new RegExp(pattern, flags)], ['getDate', (...args) => new Date(...args)]]) {
  if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value: fn, writable: true, enumerable: false, configurable: true });
}

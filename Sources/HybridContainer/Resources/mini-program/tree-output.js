// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The rendered tree as the host sees it: parent links, the plain JSON form
// (`MiniProgramSession.tree()`), the stable text form (`--print-tree`, snapshot tests) and the
// patches the render sink gets after each render.
//
// Text form (documented in README, "Snapshot tests of rendered pages"): one node per line,
// two spaces of indent per level; the first line is `page <route>`. An element prints as
// `tag#id.class1.class2`, then ` <component/path>` for a custom component's host, then ` hidden`
// if hidden, then its text in double quotes (JSON escapes) when its only content is text; other
// text prints on its own line, quoted. Whitespace in text collapses to single spaces and is
// trimmed; empty text is dropped; `<block>`, `<slot>` and templates leave no node of their own.
import { render } from './set-data.js';

// The attrs, dataset or marks of a vnode that has none (shared, frozen).
export const emptyTable = Object.freeze({});
// `vnode[field]` (attrs, dataset, marks), its own from now on.
export function ownTable(vnode, field) {
  if (vnode[field] === emptyTable) vnode[field] = {};
  return vnode[field];
}

// Sets the parent links under `node`. A node whose subtree was linked before and has not changed
// since (`linked`; kept `wx:for` items, a component's kept nodes) only gets its own parent set:
// a setData of one item of a long list links what it rendered, not the whole list again.
export function linkTree(node) {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    child.parent = node;
    if (child.children && child.linked !== true) linkTree(child);
  }
  node.linked = true;
}
// `node`'s children were replaced: it and its ancestors link again.
export function unlinkTree(node) {
  for (let each = node; each; each = each.parent) each.linked = false;
}

// `text` with its whitespace runs as single spaces, trimmed: `text.replace(/\s+/g, ' ').trim()`.
// ASCII text whose inner spaces are already single spaces is a slice of itself, found in one
// pass; anything else (other inner whitespace, any non-ASCII character) takes the regular
// expression.
const isASCIISpace = (c) => c === 32 || (c >= 9 && c <= 13);
export function collapsedText(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isASCIISpace(text.charCodeAt(start))) start++;
  while (end > start && isASCIISpace(text.charCodeAt(end - 1))) end--;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (isASCIISpace(c) && (c !== 32 || isASCIISpace(text.charCodeAt(i + 1))))) {
      return text.replace(/\s+/g, ' ').trim();
    }
  }
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const plainValue = (value) => {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  try { return JSON.parse(JSON.stringify(value)); } catch (error) { return String(value); }
};
// A copy of an attribute or dataset table with plain values (undefined when empty).
function plainTable(table) {
  if (table === emptyTable) return undefined;
  let out;
  for (const key in table) {
    const v = plainValue(table[key]);
    if (v === undefined) continue;
    if (out === undefined) out = {};
    out[key] = v;
  }
  return out;
}
function plainChildren(nodes, out) {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.tag === 'slot') { plainChildren(node.children, out); continue; }
    if (node.tag === '#text') {
      const text = collapsedText(node.text);
      if (text === '') continue;
      const last = out[out.length - 1];
      if (last && last.tag === '#text') last.text = (last.text + ' ' + text).trim(); else out.push({ tag: '#text', text });
      continue;
    }
    out.push(plainNode(node));
  }
  return out;
}
// A node as plain JSON: tag, id, class, hidden, component, attributes, dataset, children.
// Kept on the node (`plain`) until the node changes (``forgetPlain``): nodes a re-render kept
// cost nothing to serialise or diff again.
// Every plain element has every field from the start, in the order they serialise (`undefined`
// ones are left out of JSON and of values crossing to the host), so the walks that diff two trees
// see one object shape; a text is `{tag: '#text', text}` (the diff compares texts by text alone).
const plainRecord = (tag, text) => ({
  tag, route: undefined, id: undefined, class: undefined, hidden: undefined, slotted: undefined, style: undefined,
  component: undefined, styleIsolation: undefined, attributes: undefined, dataset: undefined, text, children: undefined,
});
export function plainNode(node) {
  if (node.plain !== undefined) return node.plain;
  const plain = plainRecord(node.tag, undefined);
  if (node.tag === 'page') plain.route = node.route;
  if (node.id) plain.id = node.id;
  // The vnode's own list: class lists are shared and never changed in place (render-tree.js), and
  // two renders of the same class value give the same list, which the diff sees at once.
  if (node.classes && node.classes.length > 0) plain.class = node.classes;
  if (node.hidden) plain.hidden = true;
  // Put in a component's <slot> by its owner: drawn in the owner's style scope, not the component's.
  if (node.parent && node.parent.tag === 'slot') plain.slotted = true;
  if (node.style) plain.style = node.style;
  if (node.component) {
    plain.component = node.component.base;
    if (node.component.styleIsolation) plain.styleIsolation = node.component.styleIsolation;
  }
  const attributes = node.attrs ? plainTable(node.attrs) : undefined;
  if (attributes !== undefined) plain.attributes = attributes;
  const dataset = node.dataset ? plainTable(node.dataset) : undefined;
  if (dataset !== undefined) plain.dataset = dataset;
  plain.children = plainChildren(node.children || [], []);
  if (node.tag !== 'page') node.plain = plain;
  return plain;
}
// A node changed after it was serialised: it and its ancestors serialise again.
export function forgetPlain(node) {
  for (let each = node; each; each = each.parent) each.plain = undefined;
}

// A node's path in the plain tree (child indexes from the page), the address tree patches and
// the layout engine use; null when the node is not in a rendered page. `<slot>` nodes leave no
// node of their own and adjacent texts are one, exactly as `plainChildren` builds the tree.
export function plainPath(node) {
  const path = [];
  let current = node;
  while (current.parent) {
    let parent = current.parent;
    while (parent.tag === 'slot' && parent.parent) parent = parent.parent;
    const index = plainIndex(parent.children || [], current, { index: 0, lastText: false });
    if (index < 0) return null;
    path.unshift(index);
    current = parent;
  }
  return current.tag === 'page' ? path : null;
}
function plainIndex(nodes, target, cursor) {
  for (const node of nodes) {
    if (node.tag === 'slot') {
      const found = plainIndex(node.children || [], target, cursor);
      if (found >= 0) return found;
      continue;
    }
    if (node.tag === '#text') {
      if (collapsedText(node.text) === '') continue;
      if (!cursor.lastText) { cursor.index += 1; cursor.lastText = true; }
      if (node === target) return cursor.index - 1;
      continue;
    }
    if (node === target) return cursor.index;
    cursor.index += 1;
    cursor.lastText = false;
  }
  return -1;
}

export function treeText(plain) {
  const lines = [];
  const visit = (node, depth) => {
    const indent = '  '.repeat(depth);
    if (node.tag === '#text') { lines.push(indent + JSON.stringify(node.text)); return; }
    if (node.tag === 'page') { lines.push(indent + 'page ' + node.route); node.children.forEach((child) => visit(child, depth + 1)); return; }
    let line = indent + node.tag + (node.id ? '#' + node.id : '') + (node.class || []).map((c) => '.' + c).join('');
    if (node.component) line += ' <' + node.component + '>';
    if (node.hidden) line += ' hidden';
    const only = node.children.length === 1 && node.children[0].tag === '#text' ? node.children[0] : null;
    if (only) { lines.push(line + ' ' + JSON.stringify(only.text)); return; }
    lines.push(line);
    node.children.forEach((child) => visit(child, depth + 1));
  };
  visit(plain, 0);
  return lines.join('\n') + '\n';
}

// After a render: the patches from the last tree the sink saw to this one.
export function treeChanged(page) {
  if (page.file === null) return; // a page without a template renders nothing to patch
  const next = plainNode(page.root);
  const patches = [];
  if (page.lastTree === null) patches.push({ op: 'replace', path: [], node: next });
  else diff(page.lastTree, next, [], patches);
  page.lastTree = next;
  if (patches.length > 0) render(page.state, 'tree', { data: { patches } });
}
// Equality of plain JSON values (objects, arrays, primitives), arrays and small tables first.
function sameJSON(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const array = Array.isArray(a);
  if (array !== Array.isArray(b)) return false;
  if (array) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJSON(a[i], b[i])) return false;
    return true;
  }
  let count = 0;
  for (const key in a) {
    if (!(key in b) || !sameJSON(a[key], b[key])) return false;
    count += 1;
  }
  for (const key in b) count -= 1;
  return count === 0;
}
// The fields a 'set' patch carries, each compared by name (one property access each, which the
// engine caches, instead of a loop over names); undefined when none changed.
function changedFields(a, b) {
  let changed;
  if (a.id !== b.id) changed = withField(changed, 'id', b.id);
  if (!sameJSON(a.class, b.class)) changed = withField(changed, 'class', b.class);
  if (a.hidden !== b.hidden) changed = withField(changed, 'hidden', b.hidden);
  if (a.style !== b.style) changed = withField(changed, 'style', b.style);
  if (a.text !== b.text) changed = withField(changed, 'text', b.text);
  if (!sameJSON(a.attributes, b.attributes)) changed = withField(changed, 'attributes', b.attributes);
  if (!sameJSON(a.dataset, b.dataset)) changed = withField(changed, 'dataset', b.dataset);
  if (a.slotted !== b.slotted) changed = withField(changed, 'slotted', b.slotted);
  return changed;
}
function withField(changed, field, value) {
  const table = changed === undefined ? {} : changed;
  table[field] = value === undefined ? null : value;
  return table;
}
// `path` is one array for the whole walk (pushed and popped); patches get their own copy.
function diff(before, after, path, out) {
  if (before === after) return;
  // Text records differ in their text only (most of a list's re-render).
  if (before.tag === '#text' && after.tag === '#text') {
    if (before.text !== after.text) out.push({ op: 'set', path: path.slice(), fields: { text: after.text } });
    return;
  }
  if (before.tag !== after.tag || before.component !== after.component) { out.push({ op: 'replace', path: path.slice(), node: after }); return; }
  const changed = changedFields(before, after);
  if (changed !== undefined) out.push({ op: 'set', path: path.slice(), fields: changed });
  const a = before.children || [];
  const b = after.children || [];
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    if (a[i] === b[i]) continue;
    path.push(i);
    diff(a[i], b[i], path, out);
    path.pop();
  }
  for (let i = a.length - 1; i >= common; i--) out.push({ op: 'remove', path: path.concat(i) });
  for (let i = common; i < b.length; i++) out.push({ op: 'insert', path: path.concat(i), node: b[i] });
}

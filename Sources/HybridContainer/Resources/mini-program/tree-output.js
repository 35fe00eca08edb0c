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

export function linkTree(node) {
  for (const child of node.children || []) {
    child.parent = node;
    if (child.children) linkTree(child);
  }
}

const plainValue = (value) => {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  try { return JSON.parse(JSON.stringify(value)); } catch (error) { return String(value); }
};
// A copy of an attribute or dataset table with plain values (undefined when empty).
function plainTable(table) {
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
  for (const node of nodes) {
    if (node.tag === 'slot') { plainChildren(node.children, out); continue; }
    if (node.tag === '#text') {
      const text = node.text.replace(/\s+/g, ' ').trim();
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
export function plainNode(node) {
  if (node.plain !== undefined) return node.plain;
  const plain = { tag: node.tag };
  if (node.tag === 'page') plain.route = node.route;
  if (node.id) plain.id = node.id;
  if (node.classes && node.classes.length > 0) plain.class = node.classes.slice();
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
      if (node.text.replace(/\s+/g, ' ').trim() === '') continue;
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
const fields = ['id', 'class', 'hidden', 'style', 'text', 'attributes', 'dataset', 'slotted'];
// Deep equality of plain JSON values (objects, arrays, primitives).
function sameJSON(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!sameJSON(a[key], b[key])) return false;
  return true;
}
// `path` is one array for the whole walk (pushed and popped); patches get their own copy.
function diff(before, after, path, out) {
  if (before === after) return;
  if (before.tag !== after.tag || before.component !== after.component) { out.push({ op: 'replace', path: path.slice(), node: after }); return; }
  let changed;
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (a === b || (typeof a === 'object' && typeof b === 'object' && sameJSON(a, b))) continue;
    if (changed === undefined) changed = {};
    changed[field] = b === undefined ? null : b;
  }
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

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Component `relations` (WeChat): an ancestor and a descendant in the composed tree (slotted
// content counts where it is shown) are linked when each declares the other — by path, relative
// to its own file (`'../tabs/index': {type: 'ancestor'}` / `'../tab/index': {type: 'descendant'}`),
// or by a behavior both name as `target`. `parent`/`child` need the nearest component ancestor.
// After every render the links are worked out again: new ones call both sides' `linked(target)`
// (ancestor first), lost ones `unlinked(target)`, a descendant moved to another ancestor
// `linkChanged(target)`; `getRelationNodes(key)` answers the linked instances in tree order.
import { report } from './common.js';
import { joinPath, dirname } from './templates.js';

const upward = new Set(['ancestor', 'parent']);
const downward = new Set(['descendant', 'child']);

// Whether `relation` (declared by `owner` under `key`) names the component of `other`.
function names(owner, key, relation, other) {
  if (relation.target && other.state.merged.behaviors.has(relation.target)) return true;
  if (relation.target) return false;
  const base = key.startsWith('/') ? joinPath('', key) : joinPath(dirname(owner.base), key);
  return base !== null && (other.base === base || other.base === base + '/index');
}

function reciprocal(ancestor, descendant, nearest) {
  for (const [upKey, up] of Object.entries(descendant.state.merged.relations)) {
    if (!up || !upward.has(up.type) || (up.type === 'parent' && !nearest) || !names(descendant, upKey, up, ancestor)) continue;
    for (const [downKey, down] of Object.entries(ancestor.state.merged.relations)) {
      if (!down || !downward.has(down.type) || (down.type === 'child' && !nearest) || !names(ancestor, downKey, down, descendant)) continue;
      return { upKey, up, downKey, down };
    }
  }
  return null;
}

// Every link of the page's composed tree now: a list of `{ancestor, descendant, upKey, downKey, up, down}`.
function currentLinks(pageView) {
  const links = [];
  const visit = (node, ancestors) => {
    for (const child of node.children || []) {
      const view = child.component;
      if (view && view.state && view.attached) {
        if (Object.keys(view.state.merged.relations).length > 0) {
          for (let i = ancestors.length - 1; i >= 0; i--) {
            const found = reciprocal(ancestors[i], view, i === ancestors.length - 1);
            if (found !== null) { links.push(Object.assign({ ancestor: ancestors[i], descendant: view }, found)); break; }
          }
        }
        visit(child, ancestors.concat([view]));
      } else {
        visit(child, ancestors);
      }
    }
  };
  visit(pageView.root, []);
  return links;
}

function call(view, relation, name, target, key) {
  const fn = relation[name];
  if (typeof fn !== 'function') return;
  try { fn.call(view.instance, target.instance); } catch (error) { report(error, view.base + ' relations["' + key + '"].' + name); }
}

// Works out the page's links after a render and calls linked / linkChanged / unlinked.
export function updateRelations(pageView) {
  const before = pageView.relationLinks || [];
  // Nothing to link: no component of this page declares relations (the common case: skip the walk).
  if (before.length === 0 && !pageView.declaresRelations) return;
  const now = currentLinks(pageView);
  pageView.relationLinks = now;
  if (before.length === 0 && now.length === 0) return;
  const same = (a, b) => a.ancestor === b.ancestor && a.descendant === b.descendant && a.upKey === b.upKey && a.downKey === b.downKey;
  for (const link of before) {
    if (now.some((next) => same(next, link))) continue;
    const moved = now.find((next) => next.descendant === link.descendant && next.upKey === link.upKey);
    if (moved) continue;
    call(link.ancestor, link.down, 'unlinked', link.descendant, link.downKey);
    call(link.descendant, link.up, 'unlinked', link.ancestor, link.upKey);
  }
  for (const link of now) {
    if (before.some((old) => same(old, link))) continue;
    const moved = before.find((old) => old.descendant === link.descendant && old.upKey === link.upKey);
    if (moved) {
      call(link.descendant, link.up, 'linkChanged', link.ancestor, link.upKey);
      call(moved.ancestor, moved.down, 'unlinked', link.descendant, moved.downKey);
      call(link.ancestor, link.down, 'linked', link.descendant, link.downKey);
      continue;
    }
    call(link.ancestor, link.down, 'linked', link.descendant, link.downKey);
    call(link.descendant, link.up, 'linked', link.ancestor, link.upKey);
  }
}

// `getRelationNodes(key)` of the component at `view`: the instances linked under that key.
export function relationNodes(view, key) {
  const links = (view.page && view.page.relationLinks) || [];
  const out = [];
  for (const link of links) {
    if (link.ancestor === view && link.downKey === key) out.push(link.descendant.instance);
    else if (link.descendant === view && link.upKey === key) out.push(link.ancestor.instance);
  }
  return out;
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual } from './testing.js';
import { linkTree, unlinkTree, plainNode, plainPath, collapsedText } from './tree-output.js';

const element = (tag, children, extra) => Object.assign({ tag, id: '', classes: [], attrs: {}, dataset: {}, children: children || [] }, extra);
const text = (value) => ({ tag: '#text', text: value });
const follow = (plain, path) => path.reduce((node, index) => node && node.children ? node.children[index] : undefined, plain);

// A page with texts that merge, empty texts, a component whose slot holds the page's nodes.
function page() {
  const slotted = element('view', [text('in slot')], { id: 'slotted' });
  const inner = element('view', [], { id: 'inner' });
  const root = element('page', [
    text('  '), text('a'), text('b'), element('view', [], { id: 'first' }),
    element('card', [element('view', [element('slot', [text(' '), slotted, text('tail')])]), inner], { component: { base: 'c/card' } }),
    text(''), element('view', [], { id: 'last' }),
  ], { route: 'pages/a/a' });
  linkTree(root);
  return { root, slotted, inner };
}

test('every node\'s path leads to it in the plain tree: texts merge, slots and empty texts leave no node', () => {
  const { root, slotted, inner } = page();
  const plain = plainNode(root);
  const all = [];
  const visit = (node) => { all.push(node); for (const child of node.children || []) visit(child); };
  visit(root);
  for (const node of all) {
    if (node === root || node.tag === 'slot' || (node.tag === '#text' && node.text.trim() === '')) continue;
    const path = plainPath(node);
    const found = follow(plain, path);
    if (node.tag === '#text') assertEqual(found.tag === '#text' && found.text.includes(node.text), true, node.text + ' at ' + path);
    else assertEqual((found.id || '') === node.id && found.tag === node.tag, true, node.tag + '#' + node.id + ' at ' + path);
  }
  assertEqual(plainPath(root.children[1]), [0], '"a" and "b" are one text');
  assertEqual(plainPath(root.children[2]), [0]);
  assertEqual(plainPath(slotted), [2, 0, 0]);
  assertEqual(plainPath(inner), [2, 1]);
  assertEqual(plainPath(root.children[6]), [3]);
});

test('a node outside a page has no path', () => {
  const loose = element('view', [element('view')]);
  linkTree(loose);
  assertEqual(plainPath(loose.children[0]), null);
});

test('texts meeting across a slot boundary are one node, as the plain tree joins them', () => {
  const inside = text('inside');
  const after = element('view', [], { id: 'after' });
  const host = element('box', [text('before'), element('slot', [inside]), after], { component: { base: 'c/box' } });
  const root = element('page', [host], { route: 'p' });
  linkTree(root);
  const plain = plainNode(root);
  assertEqual(plain.children[0].children.length, 2);
  assertEqual(plainPath(inside), [0, 0]);
  assertEqual(plainPath(after), [0, 1]);
});

test('collapsedText is replace(/\\s+/g, " ").trim() for ASCII, tabs and newlines, and Unicode spaces', () => {
  const samples = ['', ' ', 'a', ' a ', 'a b', 'a  b', 'a\tb', '\n  : 5\n    ', 'x\ny', 'a \u00a0b', '\u3000a\u3000', 'é  è',
    '\ufeffa', 'a\u2028b', ' \r\n ', 'a b c  d', 'trailing\f', '\vlead', 'a\u0085b', '中 文'];
  for (const sample of samples) assertEqual(collapsedText(sample), sample.replace(/\s+/g, ' ').trim(), JSON.stringify(sample));
});

test('linking again walks only what changed: kept subtrees keep their links; an unlinked host is linked again', () => {
  const deep = text('deep');
  const kept = element('view', [element('text', [deep])], { id: 'kept' });
  const host = element('card', [element('view', [text('old')])], { component: { base: 'c/card' } });
  const list = element('view', [kept, host]);
  const root = element('page', [list], { route: 'p' });
  linkTree(root);
  assertEqual(deep.parent.parent, kept);
  assertEqual(kept.linked && host.linked && list.linked, true);
  // A re-render: a fresh list vnode keeps `kept`; the component re-rendered its own nodes.
  const fresh = text('fresh');
  host.children = [element('view', [fresh])];
  unlinkTree(host);
  const newList = element('view', [kept, host]);
  root.children = [newList];
  linkTree(root);
  assertEqual(kept.parent, newList);
  assertEqual(host.parent, newList);
  assertEqual(fresh.parent.parent, host);
  assertEqual(deep.parent.parent, kept);
  assertEqual(plainPath(fresh), [0, 1, 0, 0]);
});

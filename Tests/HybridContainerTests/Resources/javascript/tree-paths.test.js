// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual } from './testing.js';
import { linkTree, plainNode, plainPath } from './tree-output.js';

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

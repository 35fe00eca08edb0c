// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Selectors over the rendered tree, with the platforms' scoping: a selector matches nodes of one
// view's template (a page's or a component's), not nodes inside child components, unless WeChat's
// `>>>` crosses into a component. Supported: `tag`, `#id`, `.class`, `[attr]`, `[attr=value]`
// (also `data-*`), compounds of these, the descendant (` `) and child (`>`) combinators, `>>>`,
// and comma-separated lists. A selector it does not understand is a SyntaxError.

export function parseSelector(text) {
  const source = String(text).trim();
  if (source === '') throw new SyntaxError('the selector is empty');
  return source.split(',').map((part) => parseComplex(part.trim(), source));
}
function parseComplex(part, source) {
  const steps = [];
  let i = 0;
  let combinator = null;
  while (i < part.length) {
    const space = /^\s*/.exec(part.slice(i))[0].length;
    i += space;
    if (part.startsWith('>>>', i)) { combinator = '>>>'; i += 3; continue; }
    if (part[i] === '>') { combinator = '>'; i += 1; continue; }
    const match = /^([A-Za-z][\w-]*|\*)?((?:#[\w-]+|\.[\w-]+|\[[^\]]+\])*)/.exec(part.slice(i));
    if (!match || match[0] === '') throw new SyntaxError('selector "' + source + '": unexpected "' + part[i] + '"');
    const compound = { tag: match[1] && match[1] !== '*' ? match[1] : null, id: null, classes: [], attrs: [] };
    for (const piece of match[2].match(/#[\w-]+|\.[\w-]+|\[[^\]]+\]/g) || []) {
      if (piece[0] === '#') compound.id = piece.slice(1);
      else if (piece[0] === '.') compound.classes.push(piece.slice(1));
      else {
        const attr = /^\[\s*([\w:-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\]$/.exec(piece);
        if (!attr) throw new SyntaxError('selector "' + source + '": bad attribute test ' + piece);
        compound.attrs.push({ name: attr[1], value: attr[2] !== undefined ? attr[2] : attr[3] !== undefined ? attr[3] : attr[4] });
      }
    }
    steps.push({ combinator: steps.length === 0 ? null : combinator || ' ', compound });
    combinator = null;
    i += match[0].length;
  }
  if (steps.length === 0 || combinator !== null) throw new SyntaxError('selector "' + source + '" ends with a combinator');
  return steps;
}

function attributeOf(node, name) {
  if (name === 'id') return node.id;
  if (name === 'class') return node.classes.join(' ');
  if (name.startsWith('data-')) {
    const key = name.slice(5).replace(/-([a-z])/g, (whole, letter) => letter.toUpperCase());
    return node.dataset[key] === undefined ? undefined : String(node.dataset[key]);
  }
  return node.attrs[name] === undefined ? undefined : String(node.attrs[name]);
}
export function matchesCompound(node, compound) {
  if (node.tag === '#text' || node.tag === 'slot' || node.tag === 'page') return false;
  if (compound.tag !== null && node.tag !== compound.tag) return false;
  if (compound.id !== null && node.id !== compound.id) return false;
  for (const name of compound.classes) if (!node.classes.includes(name)) return false;
  for (const attr of compound.attrs) {
    const actual = attributeOf(node, attr.name);
    if (actual === undefined || (attr.value !== undefined && actual !== attr.value)) return false;
  }
  return true;
}
function descendants(node, out) {
  for (const child of node.children || []) { out.push(child); descendants(child, out); }
  return out;
}
function children(node, out) {
  for (const child of node.children || []) {
    if (child.tag === 'slot') children(child, out); else out.push(child);
  }
  return out;
}

// The nodes under `root` that `selector` matches in the template of `scope` (a view), in
// document order. `deep` ignores template boundaries (what the host falls back to).
export function selectAll(root, scope, selector, deep) {
  const order = new Map();
  order.set(root, 0);
  descendants(root, []).forEach((node, index) => order.set(node, index + 1));
  const found = new Set();
  for (const steps of parseSelector(selector)) {
    let contexts = [{ node: root, owner: scope }];
    for (const step of steps) {
      const next = new Map();
      for (const context of contexts) {
        let owner = context.owner;
        let candidates;
        if (step.combinator === '>>>') {
          if (!context.node.component) continue;
          owner = context.node.component;
          candidates = descendants(context.node, []);
        } else if (step.combinator === '>') {
          candidates = children(context.node, []);
        } else {
          candidates = descendants(context.node, []);
        }
        for (const node of candidates) {
          if ((deep || node.owner === owner) && matchesCompound(node, step.compound) && !next.has(node)) next.set(node, { node, owner });
        }
      }
      contexts = Array.from(next.values());
    }
    for (const context of contexts) found.add(context.node);
  }
  return Array.from(found).sort((a, b) => order.get(a) - order.get(b));
}

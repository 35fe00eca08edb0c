// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Template files, compiled once per app: the parsed tree with every `{{ }}` compiled, the
// control attributes (`wx:if/elif/else`, `wx:for` & co. and their `a:` forms) and event
// bindings recognised, `<template name>` definitions collected, `<include>` inlined,
// `<import>` and `<wxs>` / `<import-sjs>` modules resolved. Reading goes through the framework
// channel (`bridge.readText`), so only the package's own files are read.
import { bridge } from 'hc:host';
import { fileExists } from './files.js';
import { parseTemplate, decodeEntities, TemplateError } from './template-parser.js';
import { compileInterpolation } from './expressions.js';

const cache = new Map();
let nextNodeId = 1;

export const dirname = (path) => { const i = path.lastIndexOf('/'); return i < 0 ? '' : path.slice(0, i); };
export function joinPath(base, request) {
  const parts = request.startsWith('/') || base === '' ? [] : base.split('/');
  for (const segment of request.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') { if (parts.length === 0) return null; parts.pop(); continue; }
    parts.push(segment);
  }
  return parts.join('/');
}
// The template of the page or component at `base` (no extension), or null if it has none.
export function templatePath(base) {
  for (const extension of ['.wxml', '.axml']) if (fileExists(base + extension)) return base + extension;
  return null;
}

// The compiled file at `path` (package-relative, with extension). Cached, errors too.
// Files being compiled, outermost first: an `<include>` of one of them is a cycle.
const compiling = [];
export function loadTemplate(path, line) {
  if (compiling.includes(path)) {
    const from = compiling[compiling.length - 1];
    throw new TemplateError('<include> cycle: ' + compiling.slice(compiling.indexOf(path)).concat([path]).join(' → '), from, line);
  }
  if (!cache.has(path)) {
    compiling.push(path);
    try {
      cache.set(path, { file: compileFile(path) });
    } catch (error) {
      cache.set(path, { error });
    } finally {
      compiling.pop();
    }
  }
  const entry = cache.get(path);
  if (entry.error) throw entry.error;
  return entry.file;
}

function compileFile(path) {
  const text = bridge.readText(path);
  const warnings = [];
  const tree = parseTemplate(text, path, warnings);
  for (const warning of warnings) console.warn(warning);
  const file = { path, alipay: path.endsWith('.axml'), templates: new Map(), imports: [], modules: [], root: null };
  const prefix = file.alipay ? 'a:' : 'wx:';
  const compileChildren = (children) => {
    const out = [];
    for (const child of children) {
      const compiled = compileNode(child);
      if (compiled === null) continue;
      if (Array.isArray(compiled)) out.push(...compiled); else out.push(compiled);
    }
    return out;
  };
  function compileNode(node) {
    if (node.type === 'text') {
      const value = node.value.replace(/\s+/g, ' ');
      if (value.trim() === '') return null;
      return { kind: 'text', line: node.line, value: compileInterpolation(decodeEntities(value), path, node.line) };
    }
    const attribute = (name) => { const found = node.attrs.find((attr) => attr.name === name); return found ? found.value : undefined; };
    const fail = (message) => { throw new TemplateError(message, path, node.line); };
    switch (node.tag) {
      case 'template': {
        const name = attribute('name');
        if (name !== undefined) {
          file.templates.set(name, { file, children: compileChildren(node.children) });
          return null;
        }
        const is = attribute('is');
        if (is === undefined) fail('<template> needs name or is');
        const data = attribute('data');
        return withControl(node, { kind: 'template', id: nextNodeId++, line: node.line, is: compileInterpolation(is, path, node.line),
          data: data === undefined ? null : compileInterpolation(data.trim().replace(/^\{\{/, '{{').trim(), path, node.line, true) });
      }
      case 'import': {
        const src = attribute('src');
        if (src === undefined) fail('<import> needs src');
        file.imports.push(resolveSource(src, node.line));
        return null;
      }
      case 'include': {
        const src = attribute('src');
        if (src === undefined) fail('<include> needs src');
        const included = loadTemplate(resolveSource(src, node.line), node.line);
        return included.root.children;
      }
      case 'wxs': {
        const name = attribute('module');
        if (name === undefined) fail('<wxs> needs module');
        const src = attribute('src');
        const body = node.children.length > 0 ? node.children[0].value : '';
        file.modules.push({ name, src: src === undefined ? null : resolveSource(src, node.line), body, line: node.line });
        return null;
      }
      case 'import-sjs': {
        const name = attribute('name');
        const from = attribute('from');
        if (name === undefined || from === undefined) fail('<import-sjs> needs name and from');
        file.modules.push({ name, src: resolveSource(from, node.line), body: '', line: node.line });
        return null;
      }
      default:
        return withControl(node, compileElement(node));
    }
  }
  function resolveSource(src, line) {
    const resolved = joinPath(dirname(path), src);
    if (resolved === null) throw new TemplateError('"' + src + '" leaves the package', path, line);
    const candidates = /\.\w+$/.test(resolved) ? [resolved] : [resolved + (file.alipay ? '.axml' : '.wxml'), resolved + '.wxml', resolved + '.axml'];
    const found = candidates.find((candidate) => fileExists(candidate));
    if (found === undefined) throw new TemplateError('"' + src + '" is not found (' + candidates[0] + ')', path, line);
    return found;
  }
  function compileElement(node) {
    const element = { kind: 'element', id: nextNodeId++, tag: node.tag, line: node.line, attrs: [], events: [], children: null };
    for (const attr of node.attrs) {
      const name = attr.name;
      if (name.startsWith(prefix) || name.startsWith('wx:') || name.startsWith('a:')) continue;
      const event = eventBinding(name);
      const value = compileInterpolation(attr.value, path, attr.line);
      if (event !== null) element.events.push(Object.assign(event, { name, handler: value }));
      else element.attrs.push({ name, value });
    }
    element.children = compileChildren(node.children);
    return element;
  }
  // Control attributes: if/elif/else and for (with item, index, key).
  function withControl(node, compiled) {
    const control = (name) => {
      const found = node.attrs.find((attr) => attr.name === 'wx:' + name || attr.name === 'a:' + name);
      return found === undefined ? undefined : found;
    };
    const when = control('if');
    const elif = control('elif');
    const otherwise = control('else');
    if (when) compiled.condition = { kind: 'if', test: compileInterpolation(when.value, path, when.line) };
    else if (elif) compiled.condition = { kind: 'elif', test: compileInterpolation(elif.value, path, elif.line) };
    else if (otherwise) compiled.condition = { kind: 'else' };
    const loop = control('for') || control('for-items');
    if (loop) {
      const item = control('for-item');
      const index = control('for-index');
      const key = control('key') || node.attrs.find((attr) => attr.name === 'key' && file.alipay);
      const simple = /^\{\{\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\}\}$/.exec(loop.value.trim());
      compiled.loop = { list: compileInterpolation(loop.value, path, loop.line), item: item ? item.value : 'item',
        index: index ? index.value : 'index', key: key ? key.value : null,
        // `{{a.b}}`: the data path of the list, so a setData of one item is known to touch one item.
        listPath: simple ? simple[1].split('.') : null };
    }
    if (compiled.kind === 'element' && compiled.tag === 'block') compiled.kind = 'block';
    return compiled;
  }
  file.root = { children: compileChildren(tree.children) };
  return file;
}

// `bindtap`, `bind:tap`, `catchtap`, `catch:tap`, `capture-bind:tap`, `capture-catch:tap`,
// `mut-bind:tap`; Alipay `onTap`, `catchTap`, `captureTap`. null for other attributes.
export function eventBinding(name) {
  let match = /^(capture-bind|capture-catch|mut-bind|bind|catch):?([A-Za-z][\w-]*)$/.exec(name);
  if (match) {
    const phase = match[1];
    return { type: lowerFirst(match[2]), capture: phase.startsWith('capture'), catch: phase.endsWith('catch'), mut: phase === 'mut-bind' };
  }
  match = /^(on|catch|capture|captureCatch)([A-Z][\w]*)$/.exec(name);
  if (match) {
    return { type: lowerFirst(match[2]), capture: match[1].startsWith('capture'), catch: match[1] === 'catch' || match[1] === 'captureCatch', mut: false };
  }
  return null;
}
const lowerFirst = (text) => text[0].toLowerCase() + text.slice(1);

// What the rendering of `node` (with its condition and children; its own loop's list aside) may read: the scope
// names its expressions use, and whether it holds something whose reads are not known here
// (`<template is>`, `<slot>`). Computed once per node.
export function bodyInfo(node) {
  if (node.body) return node.body;
  const names = new Set();
  let opaque = false;
  const add = (compiled) => { if (compiled && compiled.names) for (const name of compiled.names) names.add(name); };
  const visit = (each) => {
    if (each.kind === 'text') { add(each.value); return; }
    if (each.kind === 'template' || each.tag === 'slot') opaque = true;
    if (each.condition && each.condition.test) add(each.condition.test);
    if (each.loop && each !== node) add(each.loop.list);
    for (const attr of each.attrs || []) add(attr.value);
    for (const event of each.events || []) add(event.handler);
    for (const child of each.children || []) visit(child);
  };
  visit(node);
  node.body = { names, opaque };
  return node.body;
}

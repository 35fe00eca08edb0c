// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The `{{ … }}` expression language of WXML/AXML, compiled to closures over a scope (page or
// component data, loop variables, WXS/SJS modules). The subset the platforms document: names,
// members and indexes, literals, arithmetic, comparison, logical and ternary operators, string
// concatenation, array and object literals (with `...spread` and shorthand), calls of module
// functions. Names resolve only in the scope: a template can not reach the app's globals, and
// `constructor`/`__proto__`/`prototype` read as undefined. A missing member of null/undefined is
// undefined, as on the platforms. Bad syntax is a TemplateError with file:line.
// Pure; unit-tested in JavaScriptCore (Tests/HybridContainerTests/TemplateParserTests.swift).
import { TemplateError } from './template-parser.js';

const blocked = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__']);
const member = (object, key) => {
  if (object === null || object === undefined) return undefined;
  const name = typeof key === 'symbol' ? key : String(key);
  if (blocked.has(name)) return undefined;
  return object[name];
};
const binary = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => a / b, '%': (a, b) => a % b,
  '<': (a, b) => a < b, '>': (a, b) => a > b, '<=': (a, b) => a <= b, '>=': (a, b) => a >= b,
  '==': (a, b) => a == b, '!=': (a, b) => a != b, '===': (a, b) => a === b, '!==': (a, b) => a !== b, // eslint-disable-line eqeqeq
};
const precedence = { '??': 1, '||': 2, '&&': 3, '==': 4, '!=': 4, '===': 4, '!==': 4, '<': 5, '>': 5, '<=': 5, '>=': 5,
  '+': 6, '-': 6, '*': 7, '/': 7, '%': 7 };
const punctuation = ['===', '!==', '...', '==', '!=', '<=', '>=', '&&', '||', '??', '?.',
  '+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}'];

function tokenize(source, fail) {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] || ''))) {
      const match = /^(0x[0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(source.slice(i));
      tokens.push({ kind: 'value', value: Number(match[0]) });
      i += match[0].length;
    } else if (c === '"' || c === "'") {
      let value = '';
      let k = i + 1;
      for (; k < source.length && source[k] !== c; k++) {
        if (source[k] !== '\\') { value += source[k]; continue; }
        const next = source[++k];
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next === undefined ? '' : next;
      }
      if (k >= source.length) fail('a string is not closed');
      tokens.push({ kind: 'value', value });
      i = k + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))[0];
      i += name.length;
      if (name === 'true' || name === 'false') tokens.push({ kind: 'value', value: name === 'true' });
      else if (name === 'null') tokens.push({ kind: 'value', value: null });
      else if (name === 'undefined') tokens.push({ kind: 'value', value: undefined });
      else if (name === 'typeof') tokens.push({ kind: 'op', value: 'typeof' });
      else tokens.push({ kind: 'name', value: name });
    } else {
      const op = punctuation.find((candidate) => source.startsWith(candidate, i));
      if (!op) fail('unexpected "' + c + '"');
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  return tokens;
}

// Compiles `source` (the text between `{{` and `}}`) to `(scope) => value`; the function's
// `names` are the scope names it reads (what a re-render may depend on).
export function compileExpression(source, file, line) {
  const names = new Set();
  const fail = (message) => { throw new TemplateError(message + ' in {{' + source.trim() + '}}', file, line); };
  const tokens = tokenize(source, fail);
  let position = 0;
  const peek = () => tokens[position];
  const isOp = (value) => peek() !== undefined && peek().kind === 'op' && peek().value === value;
  const expect = (value) => { if (!isOp(value)) fail('expected "' + value + '"'); position++; };
  if (tokens.length === 0) fail('the expression is empty');
  const parsed = parseSequence();
  if (position < tokens.length) fail('unexpected "' + String(peek().value) + '"');
  parsed.names = names;
  return parsed;

  function parseSequence() {
    // `a, b` only appears inside literals; at the top it is an error.
    return parseTernary();
  }
  function parseTernary() {
    const test = parseBinary(1);
    if (!isOp('?')) return test;
    position++;
    const yes = parseTernary();
    expect(':');
    const no = parseTernary();
    return (scope) => test(scope) ? yes(scope) : no(scope);
  }
  function parseBinary(minimum) {
    let left = parseUnary();
    for (;;) {
      const token = peek();
      if (!token || token.kind !== 'op' || !(token.value in precedence) || precedence[token.value] < minimum) return left;
      position++;
      const op = token.value;
      const right = parseBinary(precedence[op] + 1);
      const l = left;
      if (op === '&&') left = (scope) => l(scope) && right(scope);
      else if (op === '||') left = (scope) => l(scope) || right(scope);
      else if (op === '??') left = (scope) => { const v = l(scope); return v === null || v === undefined ? right(scope) : v; };
      else { const f = binary[op]; left = (scope) => f(l(scope), right(scope)); }
    }
  }
  function parseUnary() {
    if (isOp('!')) { position++; const operand = parseUnary(); return (scope) => !operand(scope); }
    if (isOp('-')) { position++; const operand = parseUnary(); return (scope) => -operand(scope); }
    if (isOp('+')) { position++; const operand = parseUnary(); return (scope) => +operand(scope); }
    if (isOp('typeof')) { position++; const operand = parseUnary(); return (scope) => typeof operand(scope); }
    return parsePostfix(parsePrimary());
  }
  function parsePostfix(target) {
    for (;;) {
      if (isOp('.') || isOp('?.')) {
        position++;
        const token = peek();
        if (!token || token.kind !== 'name') fail('expected a member name');
        position++;
        const object = target;
        const key = token.value;
        if (isOp('(')) { target = call(object, () => key); continue; }
        target = (scope) => member(object(scope), key);
      } else if (isOp('[')) {
        position++;
        const key = parseTernary();
        expect(']');
        const object = target;
        if (isOp('(')) { target = call(object, key); continue; }
        target = (scope) => member(object(scope), key(scope));
      } else if (isOp('(')) {
        target = call(null, target);
      } else {
        return target;
      }
    }
  }
  // A call `object.key(args)` (or `fn(args)` when object is null): only functions the scope
  // holds (WXS/SJS module members) can be called.
  function call(object, key) {
    expect('(');
    const args = [];
    while (!isOp(')')) {
      args.push(parseTernary());
      if (!isOp(')')) expect(',');
    }
    position++;
    return (scope) => {
      const self = object === null ? undefined : object(scope);
      const fn = object === null ? key(scope) : member(self, key(scope));
      if (typeof fn !== 'function') throw new TypeError('{{' + source.trim() + '}}: not a function');
      return fn.apply(self, args.map((arg) => arg(scope)));
    };
  }
  function parsePrimary() {
    const token = peek();
    if (!token) fail('the expression ends early');
    position++;
    if (token.kind === 'value') { const value = token.value; return () => value; }
    if (token.kind === 'name') { const name = token.value; names.add(name); return (scope) => blocked.has(name) ? undefined : scope[name]; }
    if (token.value === '(') { const inner = parseTernary(); expect(')'); return inner; }
    if (token.value === '[') {
      const items = [];
      while (!isOp(']')) {
        if (isOp('...')) { position++; const spread = parseTernary(); items.push({ spread }); } else items.push({ value: parseTernary() });
        if (!isOp(']')) expect(',');
      }
      position++;
      return (scope) => {
        const out = [];
        for (const item of items) {
          if (item.spread) { const v = item.spread(scope); if (Array.isArray(v)) out.push(...v); } else out.push(item.value(scope));
        }
        return out;
      };
    }
    if (token.value === '{') { position--; return parseObjectBody('{', '}'); }
    fail('unexpected "' + String(token.value) + '"');
  }
  function parseObjectBody(open, end) {
    if (open !== null) expect(open);
    const entries = [];
    while (position < tokens.length && !isOp(end)) {
      if (isOp('...')) {
        position++;
        entries.push({ spread: parseTernary() });
      } else {
        const token = peek();
        if (!token || (token.kind !== 'name' && !(token.kind === 'value' && typeof token.value === 'string'))) fail('expected a key');
        position++;
        const key = String(token.value);
        if (isOp(':')) { position++; entries.push({ key, value: parseTernary() }); } else { names.add(key); entries.push({ key, value: (scope) => scope[key] }); }
      }
      if (!isOp(end) && position < tokens.length) expect(',');
    }
    if (end !== null) expect(end);
    return (scope) => {
      const out = {};
      for (const entry of entries) {
        if (entry.spread) {
          const v = entry.spread(scope);
          if (v !== null && typeof v === 'object') Object.assign(out, v);
        } else if (!blocked.has(entry.key)) out[entry.key] = entry.value(scope);
      }
      return out;
    };
  }
}

// `data="{{a, b: 1, ...c}}"` of `<template is>`: an object literal without its braces.
export function compileObjectBody(source, file, line) {
  return compileExpression('{' + source + '}', file, line);
}

// Text or an attribute value with `{{ }}` parts → `{ constant }` (no bindings), or
// `{ evaluate(scope) }`: the raw value for exactly one `{{ }}` and nothing else, otherwise the
// parts joined as text (undefined and null as '').
export function compileInterpolation(text, file, line, objectBody) {
  if (text.indexOf('{{') < 0) return { constant: text };
  const parts = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('{{', i);
    if (start < 0) { parts.push(text.slice(i)); break; }
    if (start > i) parts.push(text.slice(i, start));
    const end = text.indexOf('}}', start + 2);
    if (end < 0) throw new TemplateError('"{{" is not closed by "}}"', file, line);
    // `}}}` ends an object literal: the last two braces close the binding.
    let close = end;
    while (text[close + 2] === '}') close++;
    const inner = text.slice(start + 2, close);
    parts.push(objectBody ? compileObjectBody(inner, file, line) : compileExpression(inner, file, line));
    i = close + 2;
  }
  const names = new Set();
  for (const part of parts) if (typeof part === 'function') for (const name of part.names) names.add(name);
  if (parts.length === 1 && typeof parts[0] === 'function') return { evaluate: parts[0], names };
  const text_ = (value) => value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return {
    names,
    evaluate: (scope) => {
      let out = '';
      for (const part of parts) out += typeof part === 'string' ? part : text_(part(scope));
      return out;
    },
  };
}

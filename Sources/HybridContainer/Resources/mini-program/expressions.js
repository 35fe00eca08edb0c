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
// Functions a template may call: those of WXS/SJS modules (registered as each module loads) and
// built-in methods that change nothing and answer at most the size of their receiver (no
// `push`, no `repeat`/`padStart`).
const moduleFunctions = new WeakSet();
const callableBuiltIns = {
  string: ['charAt', 'charCodeAt', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'slice', 'split', 'startsWith',
    'substr', 'substring', 'toLowerCase', 'toString', 'toUpperCase', 'trim'],
  number: ['toFixed', 'toString'],
  array: ['includes', 'indexOf', 'join', 'lastIndexOf', 'slice'],
};
const callableBuiltInNames = Object.entries(callableBuiltIns).map(([kind, names]) => kind + ' ' + names.join('/')).join(', ');
const builtInPrototypes = { string: String.prototype, number: Number.prototype, array: Array.prototype };
function isCallableBuiltIn(self, fn) {
  const kind = typeof self === 'string' ? 'string' : typeof self === 'number' ? 'number' : Array.isArray(self) ? 'array' : null;
  return kind !== null && callableBuiltIns[kind].some((name) => builtInPrototypes[kind][name] === fn);
}
// Makes the functions of a module's exports callable from templates (members nested up to 4 deep).
export function registerModuleFunctions(exports, depth = 0) {
  if (typeof exports === 'function') { moduleFunctions.add(exports); return; }
  if (exports === null || typeof exports !== 'object' || depth > 4) return;
  for (const key of Object.keys(exports)) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, key);
    if (descriptor && 'value' in descriptor) registerModuleFunctions(descriptor.value, depth + 1);
  }
}
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
    } else if (c === '`') {
      // A template literal: its text parts and the source of each `${ }` (compiled later).
      const quasis = [];
      const parts = [];
      let text = '';
      let k = i + 1;
      for (; k < source.length && source[k] !== '`'; k++) {
        if (source[k] === '\\') {
          const next = source[++k];
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next === undefined ? '' : next;
        } else if (source.startsWith('${', k)) {
          const end = closingBrace(source, k + 2);
          if (end < 0) fail('a ${ in a template literal is not closed');
          quasis.push(text);
          text = '';
          parts.push(source.slice(k + 2, end));
          k = end;
        } else {
          text += source[k];
        }
      }
      if (k >= source.length) fail('a template literal is not closed');
      quasis.push(text);
      tokens.push({ kind: 'template', quasis, parts });
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

// The index of the `}` that closes a brace opened just before `from` (strings and template
// literals skipped), or -1.
function closingBrace(source, from) {
  let depth = 0;
  for (let k = from; k < source.length; k++) {
    const c = source[k];
    if (c === '"' || c === "'" || c === '`') { k = stringEnd(source, k); if (k < 0) return -1; continue; }
    if (c === '{') depth++;
    else if (c === '}') { if (depth === 0) return k; depth--; }
  }
  return -1;
}
// The index of the quote that closes the string or template literal opening at `start`, or -1.
function stringEnd(source, start) {
  const quote = source[start];
  for (let k = start + 1; k < source.length; k++) {
    if (source[k] === '\\') { k++; continue; }
    if (source[k] === quote) return k;
    if (quote === '`' && source.startsWith('${', k)) { k = closingBrace(source, k + 2); if (k < 0) return -1; }
  }
  return -1;
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
        // A name known now is checked now (`member` without its tests per evaluation).
        target = blocked.has(key) ? (scope) => { object(scope); return undefined; }
          : (scope) => { const value = object(scope); return value === null || value === undefined ? undefined : value[key]; };
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
  // A call `object.key(args)` (or `fn(args)` when object is null): only WXS/SJS module functions
  // and the read-only built-in methods of `callableBuiltIns` can be called.
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
      if (!moduleFunctions.has(fn) && !isCallableBuiltIn(self, fn)) {
        throw new TypeError('{{' + source.trim() + '}}: ' + (fn.name || 'this function') +
          ' can not be called from a template (only WXS/SJS module functions and ' + callableBuiltInNames + ')');
      }
      return fn.apply(self, args.map((arg) => arg(scope)));
    };
  }
  function parsePrimary() {
    const token = peek();
    if (!token) fail('the expression ends early');
    position++;
    if (token.kind === 'value') { const value = token.value; return () => value; }
    if (token.kind === 'template') {
      const parts = token.parts.map((part) => {
        const compiled = compileExpression(part, file, line);
        for (const name of compiled.names) names.add(name);
        return compiled;
      });
      const quasis = token.quasis;
      return (scope) => {
        let out = quasis[0];
        for (let k = 0; k < parts.length; k++) out += String(parts[k](scope)) + quasis[k + 1];
        return out;
      };
    }
    if (token.kind === 'name') {
      const name = token.value;
      names.add(name);
      return blocked.has(name) ? () => undefined : (scope) => scope[name];
    }
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

// The index of the `}}` that ends a binding whose text starts at `from`: braces of object
// literals, strings and template literals inside it are skipped (`{{ {a: 1}}}`, `{{`${x}`}}`).
// A binding that does not balance ends at its first `}}`. -1 if there is none.
function bindingEnd(text, from) {
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const c = text[k];
    if (c === '"' || c === "'" || c === '`') { const end = stringEnd(text, k); if (end < 0) break; k = end; continue; }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0 && text[k + 1] === '}') return k;
      if (depth > 0) depth--;
    }
  }
  return text.indexOf('}}', from);
}
// An expression, or an object literal without its braces as Alipay writes style values
// (`style="{{width: w + 'px'}}"`): tried as an object body when it does not parse as an expression.
function compileBinding(inner, file, line) {
  try {
    return compileExpression(inner, file, line);
  } catch (error) {
    if (!(error instanceof TemplateError) || !/^\s*(\.\.\.|[A-Za-z_$][\w$-]*\s*:|'[^']*'\s*:|"[^"]*"\s*:)/.test(inner)) throw error;
    try { return compileObjectBody(inner, file, line); } catch (second) { throw error; }
  }
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
    const close = bindingEnd(text, start + 2);
    if (close < 0) throw new TemplateError('"{{" is not closed by "}}"', file, line);
    const inner = text.slice(start + 2, close);
    parts.push(objectBody ? compileObjectBody(inner, file, line) : compileBinding(inner, file, line));
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
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        out += typeof part === 'string' ? part : text_(part(scope));
      }
      return out;
    },
  };
}

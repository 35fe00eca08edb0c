// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// WXML / AXML text → a node tree with the file and line of every node:
// `{ type: 'element', tag, attrs: [{ name, value, line }], children, line }`,
// `{ type: 'text', value, line }`. Comments are dropped; `{{ … }}` is kept verbatim (a `<` inside
// it is not a tag); `<wxs>` keeps its body as raw text. Tags that never hold content (`input`,
// `image`, `import`, …) may be left unclosed, as the platforms' compilers allow. Anything else
// malformed is a TemplateError naming file:line.
// Pure; unit-tested in JavaScriptCore (Tests/HybridContainerTests/TemplateParserTests.swift).

export class TemplateError extends Error {
  constructor(message, file, line) {
    super(file + ':' + line + ': ' + message);
    this.file = file;
    this.line = line;
  }
}
TemplateError.prototype.name = 'TemplateError';

const contentless = new Set(['input', 'image', 'icon', 'import', 'include', 'import-sjs', 'progress', 'br', 'switch',
  'checkbox', 'radio', 'slider', 'textarea', 'camera', 'live-pusher', 'video', 'map', 'canvas', 'web-view', 'audio']);
const rawText = new Set(['wxs']);

// `warnings` (optional) collects what the platforms accept with a warning (repeated attributes).
export function parseTemplate(text, file, warnings = []) {
  const root = { type: 'element', tag: '#root', attrs: [], children: [], line: 1 };
  const stack = [root];
  let i = 0;
  let line = 1;
  const fail = (message, at) => { throw new TemplateError(message, file, at === undefined ? line : at); };
  const advance = (to) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const top = () => stack[stack.length - 1];
  const close = (tag) => {
    while (stack.length > 1) {
      const open = stack.pop();
      if (open.tag === tag) return;
      if (!contentless.has(open.tag)) fail('</' + tag + '> closes <' + open.tag + '> opened at line ' + open.line);
    }
    fail('</' + tag + '> closes nothing');
  };
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) fail('the comment is not closed');
      advance(end + 3);
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) fail('the end tag is not closed');
      const tag = text.slice(i + 2, end).trim();
      if (!/^[A-Za-z][\w:.-]*$/.test(tag)) fail('bad end tag </' + tag + '>');
      close(tag);
      advance(end + 1);
    } else if (text[i] === '<' && /[A-Za-z]/.test(text[i + 1] || '')) {
      parseStartTag();
    } else {
      parseText();
    }
  }
  for (let k = stack.length - 1; k > 0; k--) {
    if (!contentless.has(stack[k].tag)) fail('<' + stack[k].tag + '> is not closed', stack[k].line);
  }
  return root;

  function parseText() {
    const start = i;
    const startLine = line;
    let k = i;
    while (k < text.length) {
      if (text.startsWith('{{', k)) {
        const end = text.indexOf('}}', k + 2);
        if (end < 0) { advance(k); fail('"{{" is not closed by "}}"'); }
        k = end + 2;
      } else if (text[k] === '<' && (/[A-Za-z/]/.test(text[k + 1] || '') || text.startsWith('<!--', k))) {
        break;
      } else {
        k++;
      }
    }
    advance(k);
    const value = text.slice(start, k);
    if (value !== '') top().children.push({ type: 'text', value, line: startLine });
  }

  function parseStartTag() {
    const tagLine = line;
    const nameMatch = /^[A-Za-z][\w:.-]*/.exec(text.slice(i + 1, i + 200));
    const tag = nameMatch[0];
    advance(i + 1 + tag.length);
    const attrs = [];
    const seen = new Set();
    for (;;) {
      const space = /^\s*/.exec(text.slice(i, i + 4096))[0].length;
      advance(i + space);
      if (i >= text.length) fail('<' + tag + '> is not closed by ">"', tagLine);
      if (text[i] === '>' || text.startsWith('/>', i)) break;
      const nameEnd = /^[^\s=/>"']+/.exec(text.slice(i, i + 1024));
      if (!nameEnd) fail('unexpected "' + text[i] + '" in <' + tag + '>');
      const name = nameEnd[0];
      const attrLine = line;
      advance(i + name.length);
      let value = '';
      const gap = /^\s*=\s*/.exec(text.slice(i, i + 4096));
      if (gap) {
        advance(i + gap[0].length);
        const quote = text[i];
        if (quote === '"' || quote === "'") {
          const end = text.indexOf(quote, i + 1);
          if (end < 0) fail('the value of ' + name + ' is not closed by ' + quote, attrLine);
          value = text.slice(i + 1, end);
          advance(end + 1);
        } else {
          const bare = /^[^\s>]+/.exec(text.slice(i, i + 4096));
          if (!bare) fail(name + '= has no value', attrLine);
          value = bare[0].endsWith('/') && text[i + bare[0].length] === '>' ? bare[0].slice(0, -1) : bare[0];
          advance(i + value.length);
        }
      }
      // A repeated attribute: the platforms' compilers keep the last one.
      if (seen.has(name)) {
        warnings.push(file + ':' + attrLine + ': <' + tag + '> has ' + name + ' twice; the last one is kept');
        attrs.splice(attrs.findIndex((attr) => attr.name === name), 1);
      }
      seen.add(name);
      attrs.push({ name, value: decodeEntities(value), line: attrLine });
    }
    const selfClosing = text[i] === '/';
    advance(i + (selfClosing ? 2 : 1));
    const node = { type: 'element', tag, attrs, children: [], line: tagLine };
    top().children.push(node);
    if (selfClosing) return;
    if (rawText.has(tag)) {
      const end = text.indexOf('</' + tag, i);
      if (end < 0) fail('<' + tag + '> is not closed', tagLine);
      const body = text.slice(i, end);
      if (body.trim() !== '') node.children.push({ type: 'text', value: body, line });
      advance(end);
      const close = text.indexOf('>', i);
      advance(close < 0 ? text.length : close + 1);
      return;
    }
    stack.push(node);
  }
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(text) {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.prototype.hasOwnProperty.call(entities, name) ? entities[name] : whole;
  });
}

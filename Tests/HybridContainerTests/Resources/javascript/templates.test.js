// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual, assertThrows } from './testing.js';
import { parseTemplate } from './template-parser.js';
import { compileExpression, compileInterpolation, registerModuleFunctions } from './expressions.js';
import { parseSelector } from './selectors.js';
import { eventBinding } from './templates.js';

const shape = (node) => node.type === 'text' ? node.value.trim() : [node.tag, node.line, node.children.map(shape).filter((x) => x !== '')];
const evaluate = (source, scope) => compileExpression(source, 'x.wxml', 1)(Object.assign(Object.create(null), scope || {}));

test('the parser keeps every node with its line; comments go, contentless tags may stay open', () => {
  const root = parseTemplate('<view>\n  <!-- a\n comment -->\n  <text>hi {{a < b}}</text>\n  <input value="x">\n</view>\n<image src="a"/>', 'p.wxml');
  assertEqual(root.children.map(shape).filter((x) => x !== ''), [['view', 1, [['text', 4, ['hi {{a < b}}']], ['input', 5, []]]], ['image', 7, []]]);
});

test('the parser reports malformed templates with file:line', () => {
  assertThrows(() => parseTemplate('<view>\n<text>\n</view>', 'a.wxml'), /^a\.wxml:3: <\/view> closes <text> opened at line 2/);
  assertThrows(() => parseTemplate('<view>\n\n<text>x</text>', 'b.wxml'), /^b\.wxml:1: <view> is not closed/);
  assertThrows(() => parseTemplate('<view>{{ open </view>', 'd.wxml'), /"\{\{" is not closed/);
  assertThrows(() => parseTemplate('<view class="x></view>', 'e.wxml'), /is not closed by "/);
});

test('a repeated attribute keeps the last value, with a warning naming file:line', () => {
  const warnings = [];
  const [node] = parseTemplate('<image\n mode="a" mode="b"/>', 'c.wxml', warnings).children;
  assertEqual(node.attrs.filter((attr) => attr.name === 'mode').map((attr) => attr.value), ['b']);
  assertEqual(warnings.length, 1);
  assertEqual(/^c\.wxml:\d+: .*mode/.test(warnings[0]), true, warnings[0]);
});

test('attributes: quotes, bare values, entities, valueless', () => {
  const [node] = parseTemplate('<view id=main class=\'a b\' title="x &amp; &lt;y&gt;" hidden data-n="{{ {a: 1} }}"/>', 'a.wxml').children;
  assertEqual(node.attrs.map((attr) => [attr.name, attr.value]), [['id', 'main'], ['class', 'a b'], ['title', 'x & <y>'], ['hidden', ''], ['data-n', '{{ {a: 1} }}']]);
});

test('wxs bodies stay raw text', () => {
  const [node] = parseTemplate('<wxs module="m">\nvar a = 1 < 2 && "</view>";\nmodule.exports = a;\n</wxs>', 'a.wxml').children;
  assertEqual(node.children[0].value.trim(), 'var a = 1 < 2 && "</view>";\nmodule.exports = a;');
});

test('expressions: members, indexes, arithmetic, comparison, logic, ternary, literals, spread', () => {
  const scope = { a: { b: [1, 2, 3] }, n: 4, s: 'x', o: { p: 1, q: 2 } };
  assertEqual(evaluate('a.b[1] + n * 2 - 1', scope), 9);
  assertEqual(evaluate('n > 3 && n <= 4 ? "yes" : "no"', scope), 'yes');
  assertEqual(evaluate('s + "-" + (n % 3)', scope), 'x-1');
  assertEqual(evaluate('!missing || missing.deep.deeper', scope), true);
  assertEqual(evaluate('missing.deep', scope), undefined);
  assertEqual(evaluate('[1, n, ...a.b]', scope), [1, 4, 1, 2, 3]);
  assertEqual(evaluate('{ ...o, q: 3, s }', scope), { p: 1, q: 3, s: 'x' });
  assertEqual(evaluate('n === 4 && s !== "y"', scope), true);
  assertEqual(evaluate('nothing ?? "default"', scope), 'default');
});

test('calls: module functions and read-only built-ins only; nothing mutates data or grows without bound', () => {
  const tools = { twice: (x) => x * 2, nested: { shout: (s) => s.toUpperCase() + '!' } };
  registerModuleFunctions(tools);
  const data = { list: [1, 2, 3], s: 'abc', n: 1.2345, tools };
  assertEqual(evaluate('tools.twice(list.length) + tools.nested.shout(s)', data), '6ABC!');
  assertEqual(evaluate('n.toFixed(2) + s.toUpperCase() + list.join("-") + list.indexOf(2)', data), '1.23ABC1-2-31');
  assertThrows(() => evaluate('list.push(4)', data), /push can not be called from a template/);
  assertEqual(data.list.length, 3, 'the refused call changed nothing');
  assertThrows(() => evaluate('s.repeat(268435456)', data), /repeat can not be called/);
  assertThrows(() => evaluate('s.padStart(1e9)', data), /padStart can not be called/);
  assertThrows(() => evaluate('list.map(tools.twice)', data), /map can not be called/);
  assertThrows(() => evaluate('(tools.twice).call(null, 2)', data), /call can not be called/);
  const unregistered = { f: () => 1 };
  assertThrows(() => evaluate('o.f()', { o: unregistered }), /can not be called from a template/);
});

test('template literals: quasis, nested bindings, braces inside', () => {
  const scope = { x: 3, s: 'px', o: { w: 10 } };
  assertEqual(evaluate('`w: ${x}${s}`', scope), 'w: 3px');
  assertEqual(evaluate('`${o.w * 2}-${`in${x}`}`', scope), '20-in3');
  assertEqual(evaluate('`a{b}c`', scope), 'a{b}c');
  assertEqual(evaluate('`${ {a: 1}.a }`', scope), '1');
  assertEqual(compileInterpolation('{{`w: ${x}px`}}', 'a', 1).evaluate(scope), 'w: 3px');
  assertEqual(compileInterpolation('a {{`}}`}} b', 'a', 1).evaluate(scope), 'a }} b');
  assertThrows(() => compileExpression('`open ${x', 'p.wxml', 5), /^p\.wxml:5: /);
});

test('Alipay style objects: an object body in {{ }} where an expression does not parse', () => {
  const scope = { a: 50, c: 'red' };
  assertEqual(compileInterpolation("{{width: a + '%', color: c}}", 'a', 1).evaluate(scope), { width: '50%', color: 'red' });
  assertEqual(compileInterpolation('{{ {a: 1}}}', 'a', 1).evaluate(scope), { a: 1 });
  assertThrows(() => compileInterpolation('{{width: }}', 'p.axml', 2), /^p\.axml:2: /);
});

test('expressions can not reach globals or constructors', () => {
  assertEqual(evaluate('globalThis', {}), undefined);
  assertEqual(evaluate('s.constructor', { s: 'x' }), undefined);
  assertEqual(evaluate('o.__proto__', { o: {} }), undefined);
  assertEqual(evaluate('s.constructor.constructor', { s: 'x' }), undefined);
  assertThrows(() => evaluate('s.nothing()', { s: 'x' }), /not a function/);
});

test('bad expressions are TemplateErrors with file:line', () => {
  assertThrows(() => compileExpression('a +', 'p.wxml', 7), /^p\.wxml:7: .*ends early/);
  assertThrows(() => compileExpression('a b', 'p.wxml', 2), /^p\.wxml:2: unexpected "b"/);
  assertThrows(() => compileExpression('"open', 'p.wxml', 3), /^p\.wxml:3: a string is not closed/);
  assertThrows(() => compileExpression('a = 1', 'p.wxml', 4), /^p\.wxml:4: unexpected "="/);
});

test('interpolation: constant, raw single binding, joined text', () => {
  assertEqual(compileInterpolation('plain', 'a', 1), { constant: 'plain' });
  assertEqual(compileInterpolation('{{n}}', 'a', 1).evaluate({ n: 3 }), 3);
  assertEqual(compileInterpolation('n={{n}}, m={{m}}', 'a', 1).evaluate({ n: 3 }), 'n=3, m=');
  assertEqual(compileInterpolation('{{a: 1, ...b}}', 'a', 1, true).evaluate({ b: { c: 2 } }), { a: 1, c: 2 });
});

test('event attributes of both platforms', () => {
  assertEqual(eventBinding('bindtap'), { type: 'tap', capture: false, catch: false, mut: false });
  assertEqual(eventBinding('catch:longpress'), { type: 'longpress', capture: false, catch: true, mut: false });
  assertEqual(eventBinding('capture-catch:tap'), { type: 'tap', capture: true, catch: true, mut: false });
  assertEqual(eventBinding('mut-bind:tap'), { type: 'tap', capture: false, catch: false, mut: true });
  assertEqual(eventBinding('onTap'), { type: 'tap', capture: false, catch: false, mut: false });
  assertEqual(eventBinding('catchTap'), { type: 'tap', capture: false, catch: true, mut: false });
  assertEqual(eventBinding('class'), null);
});

test('selectors parse into steps; bad ones are SyntaxErrors', () => {
  const [steps] = parseSelector('view.a#b > .c >>> button[data-x=1]');
  assertEqual(steps.map((step) => step.combinator), [null, '>', '>>>']);
  assertEqual(steps[0].compound, { tag: 'view', id: 'b', classes: ['a'], attrs: [] });
  assertEqual(steps[2].compound.attrs, [{ name: 'data-x', value: '1' }]);
  assertEqual(parseSelector('#a, .b').length, 2);
  assertThrows(() => parseSelector('view >'), /ends with a combinator/);
  assertThrows(() => parseSelector(''), /empty/);
});

// Random templates built from the fragments real ones (and broken ones) are made of: the parser
// and the expression compiler either return or throw a TemplateError, never anything else, and
// never loop (the test context's watchdog would stop it).
test('random templates only ever give a tree or a TemplateError', () => {
  let seed = 12345;
  const random = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const fragments = ['<view', '<text', '</view>', '</text>', '>', '/>', ' ', '\n', 'class="a"', "id='b'", 'hidden', '=',
    '"', "'", '{{', '}}', 'a.b', '[0]', '+', '?', ':', '(', ')', '{', '}', '[', ']', '...', ',', '<!--', '-->', '<wxs module="m">',
    '</wxs>', 'wx:if="{{x}}"', 'wx:for="{{list}}"', '&amp;', '&#x41;', '&bogus;', '<', '/', 'text', '1e5', '"s\\"', 'x y',
    '<template name="t">', '</template>', '<block>', '</block>', '\u2028', '\u0000', '</', '<a b c d e>'];
  let trees = 0;
  let errors = 0;
  for (let round = 0; round < 3000; round++) {
    let text = '';
    const length = 1 + random(24);
    for (let i = 0; i < length; i++) text += fragments[random(fragments.length)];
    try {
      const root = parseTemplate(text, 'fuzz.wxml');
      const visit = (node) => {
        if (node.type === 'text') { compileInterpolation(node.value, 'fuzz.wxml', node.line); return; }
        for (const attr of node.attrs) compileInterpolation(attr.value, 'fuzz.wxml', attr.line);
        node.children.forEach(visit);
      };
      visit(root);
      trees++;
    } catch (error) {
      if (!error || error.name !== 'TemplateError') throw new Error('round ' + round + ': ' + JSON.stringify(text) + ' threw ' + error);
      errors++;
    }
  }
  assertEqual(trees > 100 && errors > 100, true, trees + ' trees, ' + errors + ' errors');
});

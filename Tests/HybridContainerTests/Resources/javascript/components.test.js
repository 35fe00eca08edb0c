// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual } from './testing.js';
import { behaviorMark, mergeComponent, propertyValue } from './components.js';

const behavior = (definition) => ({ [behaviorMark]: true, definition });

test('mergeComponent flattens behaviors depth first, each once, the component last', () => {
  const shared = behavior({ data: { a: 1, b: 1 }, methods: { hello() { return 'shared'; } } });
  const outer = behavior({ behaviors: [shared], data: { b: 2 } });
  const merged = mergeComponent({ behaviors: [outer, shared], data: { c: 3 }, methods: { own() {} } });
  assertEqual(merged.data, { a: 1, b: 2, c: 3 });
  assertEqual(Object.keys(merged.methods), ['hello', 'own']);
});

test('mergeComponent maps Alipay lifetimes and props onto WeChat names', () => {
  const merged = mergeComponent({ mixins: [{ didMount() {} }], onInit() {}, didUnmount() {}, props: { size: 4 } });
  assertEqual(Object.keys(merged.lifetimes).sort(), ['created', 'detached', 'ready']);
  assertEqual(merged.properties, { size: { value: 4 } });
});

test('mergeComponent splits observer keys on commas', () => {
  const merged = mergeComponent({ observers: { 'a, b.c': function () {}, ignored: 1 } });
  assertEqual(merged.observers.map(([fields]) => fields), [['a', 'b.c']]);
});

test('propertyValue gives typed defaults and converts query strings', () => {
  assertEqual([Number, Boolean, String, Array, Object].map((type) => propertyValue(type, undefined)), [0, false, '', [], null]);
  assertEqual(propertyValue({ type: Number, value: 7 }, undefined), 7);
  assertEqual(propertyValue(Number, '12'), 12);
  assertEqual([propertyValue(Boolean, 'true'), propertyValue(Boolean, '1'), propertyValue(Boolean, 'no')], [true, true, false]);
  assertEqual(propertyValue(String, 'x'), 'x');
});

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import { test, assertEqual } from './testing.js';
import { addListener, removeListener, emit, eventOfListener, listenerCount } from './host-events.js';
import { createSelectorQuery } from './selector-query.js';

test('listener names map to event names', () => {
  assertEqual(eventOfListener('onNetworkStatusChange'), 'networkStatusChange');
  assertEqual(eventOfListener('onBLEConnectionStateChanged'), 'bLEConnectionStateChanged');
});

test('emit reaches every listener with its own copy; remove one or all', () => {
  const heard = [];
  const first = (p) => { p.n += 1; heard.push('first ' + p.n); };
  const second = (p) => heard.push('second ' + p.n);
  addListener('e', first);
  const handle = addListener('e', second);
  assertEqual(emit('e', { n: 1 }), 2);
  assertEqual(heard, ['first 2', 'second 1']);
  handle.remove();
  assertEqual(listenerCount('e'), 1);
  addListener('e', second);
  removeListener('e');
  assertEqual(emit('e', { n: 1 }), 0);
});

test('a selector query answers one entry per request, in order', () => {
  const answered = [];
  const keep = (answer) => answered.push(answer);
  createSelectorQuery().select('#a').boundingClientRect(keep).selectAll('.b').boundingClientRect(keep)
    .selectViewport().fields({ size: true }, keep).exec();
  assertEqual(answered, [], 'answered after the current job, as the platforms do');
  return Promise.resolve().then(() => assertEqual(answered, [null, [], { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 }]));
});

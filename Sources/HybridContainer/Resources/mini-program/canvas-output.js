// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// What canvases drew goes to the render layer, so a picture replays it on a real canvas: after
// the job that drew (a `type="2d"` canvas) or at `draw()` (the older `createCanvasContext`), the
// new commands go to the sink as a `canvas` update `{path, width, height, legacy, reset,
// commands}` of the canvas node's page (`path` as tree patches address nodes). Only while the
// host has a layout engine (layout.js): without one nothing reads them and nothing is sent.
import { render } from './set-data.js';
import { plainPath } from './tree-output.js';
import { layoutAvailable } from './layout.js';

const rootOf = (node) => {
  let current = node;
  while (current && current.parent) current = current.parent;
  return current && current.tag === 'page' ? current : null;
};

// The node now rendered in the place of `node` (a render again makes new nodes): the one with
// its owner and template position, searched from its page's root.
export function currentNode(node) {
  const root = rootOf(node);
  if (root === null) return null;
  if (!node.renderKey) return node;
  const stack = [root];
  while (stack.length > 0) {
    const each = stack.pop();
    if (each.renderKey === node.renderKey && each.owner === node.owner) return each;
    if (each.children) for (let i = each.children.length - 1; i >= 0; i--) stack.push(each.children[i]);
  }
  return null;
}

// Sends what `canvas` recorded since the last time (all of it with `reset`; by default the
// first time).
export function flushCanvas(canvas, reset) {
  if (!layoutAvailable || !canvas.__output) return false;
  const output = canvas.__output;
  const drawing = canvas.__drawing;
  const node = output.node === null ? null : currentNode(output.node);
  if (node === null) return false;
  output.node = node;
  const root = rootOf(node);
  const path = plainPath(node);
  const state = root && root.owner ? root.owner.state : null;
  if (path === null || !state) return false;
  const fresh = reset === undefined ? output.sent === 0 : !!reset;
  const from = fresh ? 0 : output.sent;
  output.sent = drawing.length;
  render(state, 'canvas', { data: { path, width: canvas.width, height: canvas.height, legacy: output.legacy, reset: fresh,
    commands: drawing.slice(from) } });
  return true;
}

// After the current job, once however much was drawn in it.
export function scheduleFlush(canvas) {
  if (!layoutAvailable || !canvas.__output || canvas.__output.legacy || canvas.__output.scheduled) return;
  canvas.__output.scheduled = true;
  Promise.resolve().then(() => {
    canvas.__output.scheduled = false;
    flushCanvas(canvas);
  });
}

// Makes `canvas` send its drawing for `node` (`legacy`: the older API, drawn at `draw()`).
export function bindCanvas(canvas, node, legacy) {
  Object.defineProperty(canvas, '__output', { value: { node, legacy: !!legacy, sent: 0, scheduled: false }, enumerable: false });
}

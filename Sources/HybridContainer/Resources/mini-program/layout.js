// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Layout answers from the host's layout engine (`MiniProgramOptions.layoutEngine`, e.g.
// PageRenderer's `LivePages`: a real browser engine that follows every page from its first
// render): the boxes of rendered nodes, addressed by their path in the plain tree, the page's
// viewport, scroll offsets and computed styles, in one `__hc.layout` call per query. Without an
// engine (the default) `layoutAvailable` is false and the queries answer zero-sized boxes, as
// headless DOMs do.
import { bridge, config } from 'hc:host';
import { plainPath } from './tree-output.js';

export const layoutAvailable = config.layout === true;

// The id of the page a node is rendered in, or null.
export function pageIdOf(node) {
  let current = node;
  while (current && current.parent) current = current.parent;
  return current && current.tag === 'page' && current.owner && current.owner.state ? current.owner.state.id : null;
}

// Resolves to one box (or null: not drawn) per target, a node or the string 'viewport'.
// A box: `{left, top, right, bottom, width, height, scrollLeft, scrollTop, scrollWidth,
// scrollHeight, computedStyle}`, CSS pixels relative to the page's viewport.
export function measure(pageId, targets, computedStyle) {
  const paths = targets.map((target) => target === 'viewport' ? null : plainPath(target));
  return bridge.call('__hc.layout', { pageId, targets: paths, computedStyle: computedStyle || [] })
    .then((answer) => Array.isArray(answer && answer.boxes) ? answer.boxes : targets.map(() => null));
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `createIntersectionObserver()` answered from the rendered tree: `observe(selector, callback)`
// calls back once (after the current job) for each matching node (the first one unless
// `observeAll`). With the host's layout engine (layout.js) the answer is the node's real box and
// its intersection with the viewport (`relativeToViewport(margins)`, the default) or with the
// first node of `relativeTo(selector, margins)`; without one it is a zero-sized box that does not
// intersect (ratio 0), the honest headless answer. `in` scopes to a component; `disconnect` stops
// pending callbacks. The page does not scroll headless, so there are no later callbacks.
import { report } from './common.js';
import { selectAll } from './selectors.js';
import { resolveComponentView } from './selector-query.js';
import { layoutAvailable, measure, pageIdOf } from './layout.js';

const zero = () => ({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 });
const rectOf = (box) => box ? { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height } : zero();
function withMargins(rect, margins) {
  const m = margins || {};
  const n = (v) => typeof v === 'number' && isFinite(v) ? v : 0;
  const out = { left: rect.left - n(m.left), right: rect.right + n(m.right), top: rect.top - n(m.top), bottom: rect.bottom + n(m.bottom) };
  out.width = Math.max(0, out.right - out.left);
  out.height = Math.max(0, out.bottom - out.top);
  return out;
}
function intersection(a, b) {
  const left = Math.max(a.left, b.left), top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right), bottom = Math.min(a.bottom, b.bottom);
  if (right < left || bottom < top) return zero();
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

export function createIntersectionObserver(scopeOf, options) {
  let scope = scopeOf;
  let connected = true;
  const settings = options || {};
  let relative = { selector: null, margins: null };
  const observer = {
    // Alipay: observe inside a component's template.
    in(component) {
      const view = resolveComponentView(component);
      if (view !== null) scope = () => view;
      return observer;
    },
    relativeTo(selector, margins) { relative = { selector: String(selector), margins }; return observer; },
    relativeToViewport(margins) { relative = { selector: null, margins }; return observer; },
    observe(selector, callback) {
      const view = scope();
      const find = (text) => {
        if (view === null) return [];
        try { return selectAll(view.host || view.root, view, text); } catch (error) { report(error, 'IntersectionObserver'); return []; }
      };
      let nodes = find(String(selector));
      if (!settings.observeAll) nodes = nodes.slice(0, 1);
      const against = relative.selector === null ? 'viewport' : find(relative.selector)[0] || null;
      const margins = relative.margins;
      const deliver = (boxes) => {
        const relativeRect = boxes === null || against === null ? zero() : withMargins(rectOf(boxes[nodes.length]), margins);
        nodes.forEach((node, index) => {
          if (!connected || typeof callback !== 'function') return;
          const bounds = rectOf(boxes === null ? null : boxes[index]);
          const meet = boxes === null || against === null ? zero() : intersection(bounds, relativeRect);
          const area = bounds.width * bounds.height;
          const ratio = area > 0 ? Math.min(1, (meet.width * meet.height) / area) : 0;
          try {
            callback({ id: node.id || '', dataset: Object.assign({}, node.dataset), time: Date.now(), intersectionRatio: ratio,
              intersectionRect: meet, boundingClientRect: bounds, relativeRect });
          } catch (error) { report(error, 'IntersectionObserver callback'); }
        });
      };
      const pageId = view === null ? null : pageIdOf(view.host || view.root);
      if (!layoutAvailable || pageId === null || nodes.length === 0 || against === null) {
        Promise.resolve().then(() => deliver(null));
        return observer;
      }
      measure(pageId, nodes.concat([against]), []).then(deliver, (error) => {
        report(error, 'IntersectionObserver layout');
        deliver(null);
      });
      return observer;
    },
    disconnect() { connected = false; },
  };
  return observer;
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `createIntersectionObserver()` answered from the rendered tree: `observe(selector, callback)`
// calls back once (after the current job) for each matching node, as a zero-sized box that
// does not intersect (ratio 0), the honest headless answer; `relativeTo*` are accepted, `in`
// scopes to a component;
// `disconnect` stops pending callbacks.
import { report } from './common.js';
import { selectAll } from './selectors.js';
import { resolveComponentView } from './selector-query.js';

const zero = () => ({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 });
export function createIntersectionObserver(scopeOf, options) {
  let scope = scopeOf;
  let connected = true;
  const settings = options || {};
  const observer = {
    // Alipay: observe inside a component's template.
    in(component) {
      const view = resolveComponentView(component);
      if (view !== null) scope = () => view;
      return observer;
    },
    relativeTo() { return observer; },
    relativeToViewport() { return observer; },
    observe(selector, callback) {
      const view = scope();
      let nodes = [];
      if (view !== null) {
        try { nodes = selectAll(view.host || view.root, view, String(selector)); } catch (error) { report(error, 'IntersectionObserver'); }
      }
      if (!settings.observeAll) nodes = nodes.slice(0, 1);
      Promise.resolve().then(() => {
        for (const node of nodes) {
          if (!connected || typeof callback !== 'function') return;
          try {
            callback({ id: node.id || '', dataset: Object.assign({}, node.dataset), time: Date.now(), intersectionRatio: 0,
              intersectionRect: zero(), boundingClientRect: zero(), relativeRect: zero() });
          } catch (error) { report(error, 'IntersectionObserver callback'); }
        }
      });
      return observer;
    },
    disconnect() { connected = false; },
  };
  return observer;
}

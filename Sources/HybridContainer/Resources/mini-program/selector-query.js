// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `createSelectorQuery()` with the platforms' answer shapes, answered from the rendered tree
// (render-tree.js): `select` gives the first matching node's fields or null, `selectAll` a list,
// `selectViewport` the viewport. Ids, datasets, marks and `properties` (attributes) come from the
// node. Boxes (`rect`, `size`), `scrollOffset` and `computedStyle` come from the host's layout
// engine when it has one (layout.js: one call for the whole query); without one they are
// zero-sized boxes at 0,0 and empty styles, as headless DOMs answer. `in(component)` scopes the
// selectors to that component's template. `exec` answers after the current job, as the
// platforms' view layer does; each request's own callback gets its entry too.
import { report } from './common.js';
import { selectAll } from './selectors.js';
import { nodeObject } from './canvas.js';
import { layoutAvailable, measure, pageIdOf } from './layout.js';

const zeroBox = { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, scrollLeft: 0, scrollTop: 0, scrollWidth: 0,
  scrollHeight: 0, computedStyle: {} };
const needsLayout = (fields) => !!(fields.rect || fields.size || fields.scrollOffset || Array.isArray(fields.computedStyle));
function fieldsOf(node, fields, measured) {
  const box = measured || zeroBox;
  const answer = {};
  if (fields.id) answer.id = node ? node.id || '' : '';
  if (fields.dataset) answer.dataset = node ? Object.assign({}, node.dataset) : {};
  if (fields.rect || fields.size) {
    Object.assign(answer, { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, height: box.height });
  }
  if (fields.scrollOffset) {
    Object.assign(answer, { scrollLeft: box.scrollLeft, scrollTop: box.scrollTop, scrollWidth: box.scrollWidth, scrollHeight: box.scrollHeight });
  }
  if (fields.mark) answer.mark = node ? Object.assign({}, node.marks) : {};
  if (Array.isArray(fields.properties)) for (const name of fields.properties) answer[name] = node && node.attrs ? node.attrs[name] : undefined;
  if (Array.isArray(fields.computedStyle)) {
    for (const name of fields.computedStyle) answer[name] = box.computedStyle && typeof box.computedStyle[name] === 'string' ? box.computedStyle[name] : '';
  }
  if (fields.node) answer.node = nodeObject(node);
  if (fields.context) answer.context = {};
  return answer;
}

// `scopeOf()` gives the view whose template the selectors address (or null if none is rendered).
export function createSelectorQuery(scopeOf) {
  const requests = [];
  let scope = typeof scopeOf === 'function' ? scopeOf : () => null;
  let last = null;
  const query = {
    in(component) {
      const view = component && typeof component === 'object' ? componentView(component) : null;
      if (view !== null) scope = () => view;
      return query;
    },
    select(selector) { return nodesRef(String(selector), 'one'); },
    selectAll(selector) { return nodesRef(String(selector), 'all'); },
    selectViewport() { return nodesRef('viewport', 'viewport'); },
    // Alipay chains the field requests on the query itself: they apply to the last selection.
    boundingClientRect(callback) { return (last || nodesRef('viewport', 'viewport')).boundingClientRect(callback); },
    scrollOffset(callback) { return (last || nodesRef('viewport', 'viewport')).scrollOffset(callback); },
    fields(fields, callback) { return (last || nodesRef('viewport', 'viewport')).fields(fields, callback); },
    node(callback) { return (last || nodesRef('viewport', 'viewport')).node(callback); },
    context(callback) { return (last || nodesRef('viewport', 'viewport')).context(callback); },
    exec(callback) {
      const view = scope();
      const resolved = requests.map((request) => {
        let nodes = [];
        if (request.kind !== 'viewport' && view !== null) {
          try { nodes = selectAll(view.host || view.root, view, request.selector); } catch (error) { report(error, 'SelectorQuery'); }
        }
        if (request.kind === 'one') nodes = nodes.slice(0, 1);
        return { request, nodes };
      });
      const deliver = (boxes) => {
        let next = 0;
        const box = () => boxes === null ? null : boxes[next++] || null;
        const answers = resolved.map(({ request, nodes }) => {
          const answer = request.kind === 'viewport' ? fieldsOf(null, request.fields, box())
            : request.kind === 'all' ? nodes.map((node) => fieldsOf(node, request.fields, box()))
              : nodes.length > 0 ? fieldsOf(nodes[0], request.fields, box()) : null;
          if (typeof request.callback === 'function') {
            try { request.callback(answer); } catch (error) { report(error, 'SelectorQuery callback'); }
          }
          return answer;
        });
        if (typeof callback === 'function') {
          try { callback(answers); } catch (error) { report(error, 'SelectorQuery.exec callback'); }
        }
      };
      const pageId = view === null ? null : pageIdOf(view.host || view.root);
      if (!layoutAvailable || pageId === null || !resolved.some(({ request }) => needsLayout(request.fields))) {
        Promise.resolve().then(() => deliver(null));
        return query;
      }
      const targets = [];
      const styles = new Set();
      for (const { request, nodes } of resolved) {
        if (request.kind === 'viewport') targets.push('viewport'); else targets.push(...nodes);
        if (Array.isArray(request.fields.computedStyle)) for (const name of request.fields.computedStyle) styles.add(String(name));
      }
      measure(pageId, targets, [...styles]).then(deliver, (error) => {
        report(error, 'SelectorQuery layout');
        deliver(null);
      });
      return query;
    },
  };
  function nodesRef(selector, kind) {
    const queue = (fields, callback) => {
      requests.push({ selector, kind, fields, callback });
      return query;
    };
    last = {
      boundingClientRect: (callback) => queue({ rect: true, size: true, id: true, dataset: true }, callback),
      scrollOffset: (callback) => queue({ scrollOffset: true, id: true, dataset: true }, callback),
      fields: (fields, callback) => queue(Object.assign({}, fields), callback),
      node: (callback) => queue({ node: true }, callback),
      context: (callback) => queue({ context: true }, callback),
    };
    return last;
  }
  return query;
}

let componentView = () => null;
// How `in(component)` finds a component's view (set by component-api.js, which knows instances).
export function setComponentResolver(resolver) { componentView = resolver; }
// A component instance's view, or null (for `in(component)` of queries and observers).
export const resolveComponentView = (component) => component && typeof component === 'object' ? componentView(component) : null;

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `createSelectorQuery()` with the platforms' answer shapes, answered from the rendered tree
// (render-tree.js): `select` gives the first matching node's fields or null, `selectAll` a list,
// `selectViewport` the viewport. Rects are zero-sized boxes at 0,0, as headless DOMs answer; ids,
// datasets, `properties` (attributes) and `computedStyle` come from the node. `in(component)`
// scopes the selectors to that component's template. `exec` answers after the current job, as
// the platforms' view layer does; each request's own callback gets its entry too.
import { report } from './common.js';
import { selectAll } from './selectors.js';
import { nodeObject } from './canvas.js';

const box = { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 };
function fieldsOf(node, fields) {
  const answer = {};
  if (fields.id) answer.id = node ? node.id || '' : '';
  if (fields.dataset) answer.dataset = node ? Object.assign({}, node.dataset) : {};
  if (fields.rect || fields.size) Object.assign(answer, box);
  if (fields.scrollOffset) Object.assign(answer, { scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 });
  if (fields.mark) answer.mark = node ? Object.assign({}, node.marks) : {};
  if (Array.isArray(fields.properties)) for (const name of fields.properties) answer[name] = node && node.attrs ? node.attrs[name] : undefined;
  if (Array.isArray(fields.computedStyle)) for (const name of fields.computedStyle) answer[name] = '';
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
      const answers = requests.map((request) => {
        let answer;
        if (request.kind === 'viewport') answer = fieldsOf(null, request.fields);
        else {
          let nodes = [];
          if (view !== null) {
            try { nodes = selectAll(view.host || view.root, view, request.selector); } catch (error) { report(error, 'SelectorQuery'); }
          }
          answer = request.kind === 'all' ? nodes.map((node) => fieldsOf(node, request.fields))
            : nodes.length > 0 ? fieldsOf(nodes[0], request.fields) : null;
        }
        if (typeof request.callback === 'function') {
          try { request.callback(answer); } catch (error) { report(error, 'SelectorQuery callback'); }
        }
        return answer;
      });
      Promise.resolve().then(() => {
        if (typeof callback === 'function') {
          try { callback(answers); } catch (error) { report(error, 'SelectorQuery.exec callback'); }
        }
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

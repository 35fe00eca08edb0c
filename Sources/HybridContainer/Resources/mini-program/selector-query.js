// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `createSelectorQuery()` with the platforms' answer shapes. There is no node tree yet (the
// render layer brings one), so nothing matches: `exec` answers one entry per queued request,
// `null` for `select`, `[]` for `selectAll`, and the viewport as a zero-sized box at 0,0 (as
// headless DOMs answer); each request's own callback gets its entry too.
import { report } from './common.js';

const viewport = (fields) => {
  const answer = {};
  if (fields.rect || fields.size) Object.assign(answer, { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 });
  if (fields.scrollOffset) Object.assign(answer, { scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 });
  if (fields.id) answer.id = '';
  if (fields.dataset) answer.dataset = {};
  return answer;
};

export function createSelectorQuery() {
  const requests = [];
  let last = null;
  const query = {
    in() { return query; },
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
      const answers = requests.map((request) => {
        const answer = request.kind === 'all' ? [] : request.kind === 'one' ? null : viewport(request.fields);
        if (typeof request.callback === 'function') {
          try { request.callback(answer); } catch (error) { report(error, 'SelectorQuery callback'); }
        }
        return answer;
      });
      // Asynchronous, as on the platforms (the view layer answers later).
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

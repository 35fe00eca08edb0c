// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Events on the rendered tree, with WeChat's rules: a capture phase from the root down
// (`capture-bind` / `capture-catch`), then a bubble phase up from the target (`bind` / `catch`;
// `mut-bind` handlers exclude each other); `catch` stops the event. Each handler is a method of
// the view whose template holds the listening node, and sees `target` retargeted to a node of
// that template (the component's host when the event came from inside a component). User events
// (tap, input, …) cross component boundaries; `triggerEvent` only when `bubbles`/`composed` say so.
import { report } from './common.js';
import { forgetPlain, ownTable } from './tree-output.js';

const describe = (node) => ({ id: node.id || '', dataset: Object.assign({}, node.dataset), offsetLeft: 0, offsetTop: 0 });

function path(target, options) {
  const nodes = [];
  for (let node = target; node; node = node.parent) {
    if (node.tag === 'page' || node.tag === '#text') { if (node !== target) break; else continue; }
    if (node.tag !== 'slot') nodes.push(node);
    if (!options.bubbles) break;
    // Not composed: the event stays in the template that holds the target.
    if (!options.composed && node.parent && node.parent.owner !== target.owner && node.parent.tag !== 'slot') break;
  }
  return nodes;
}
function seenFrom(target, owner) {
  for (let node = target; node; node = node.parent) if (node.owner === owner && node.tag !== 'slot') return node;
  return target;
}

// Dispatches `type` at `target`; returns how many handlers ran.
export function dispatch(target, type, detail, options) {
  const nodes = path(target, options);
  const mark = {};
  for (let i = nodes.length - 1; i >= 0; i--) Object.assign(mark, nodes[i].marks || {});
  let count = 0;
  let stopped = false;
  let mutDone = false;
  const fire = (node, listener) => {
    const owner = node.owner;
    const handler = listener.handler;
    const method = typeof handler === 'function' ? handler : owner && owner.instance ? owner.instance[handler] : undefined;
    if (typeof method !== 'function') {
      if (handler !== '' && handler !== undefined) {
        console.warn((owner ? owner.base : 'the page') + ' has no method "' + String(handler) + '" to handle the event "' + type + '"');
      }
      return;
    }
    const event = { type, timeStamp: Date.now(), target: describe(seenFrom(target, owner)), currentTarget: describe(node),
      detail: detail === undefined ? {} : detail, mark: Object.assign({}, mark), touches: [], changedTouches: [] };
    count++;
    try {
      const result = method.call(owner.instance, event);
      if (result && typeof result.then === 'function') result.then(undefined, (error) => report(error, owner.base + ' ' + String(handler)));
    } catch (error) {
      report(error, owner.base + ' ' + String(handler));
    }
  };
  if (options.capture) {
    for (let i = nodes.length - 1; i >= 0 && !stopped; i--) {
      for (const listener of nodes[i].events) {
        if (listener.type !== type || !listener.capture) continue;
        fire(nodes[i], listener);
        if (listener.catch) { stopped = true; break; }
      }
    }
  }
  for (let i = 0; i < nodes.length && !stopped; i++) {
    for (const listener of nodes[i].events) {
      if (listener.type !== type || listener.capture) continue;
      if (listener.mut && mutDone) continue;
      fire(nodes[i], listener);
      if (listener.mut) mutDone = true;
      if (listener.catch) { stopped = true; break; }
    }
  }
  return count;
}

// A user event from the host: tap, longpress, input (`detail.value` becomes the field's value), …
export function userEvent(target, type, detail) {
  const full = Object.assign(type === 'tap' || type === 'longpress' || type === 'longtap' ? { x: 0, y: 0 } : {}, detail || {});
  if ((type === 'input' || type === 'change' || type === 'blur' || type === 'confirm') && 'value' in full) {
    ownTable(target, 'attrs').value = full.value;
    forgetPlain(target);
    if (type === 'input' && !('cursor' in full)) full.cursor = String(full.value).length;
  }
  return dispatch(target, type, full, { bubbles: true, composed: true, capture: true });
}

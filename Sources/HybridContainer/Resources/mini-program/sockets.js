// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// WebSockets: `connectSocket` returns a `SocketTask` (send, close, onOpen/onMessage/onError/
// onClose and Alipay's off… methods) over the container's `socket.*` JSAPIs (permission
// `websocket`, allowedDomains); the global `onSocketOpen/Message/Error/Close` listeners hear
// every socket, and `sendSocketMessage`/`closeSocket` act on the latest one, as on the platforms.
import { report } from './common.js';
import { isObject } from './values.js';
import { APIFailure } from './api-failure.js';
import { emit } from './host-events.js';
import { withoutCallbacks } from './ui.js';

const tasks = new Map();
let nextId = 1;
let latest = 0;
const globalEvents = { open: 'socketOpen', message: 'socketMessage', error: 'socketError', close: 'socketClose' };
const listenerNames = { open: 'onOpen', message: 'onMessage', error: 'onError', close: 'onClose' };

JSBridge.on('socket', (event) => {
  const task = isObject(event) ? tasks.get(event.socketId) : undefined;
  if (!task) return;
  const { socketId, type, ...detail } = event;
  if (type === 'close') tasks.delete(socketId);
  task.fire(listenerNames[type], detail);
  emit(globalEvents[type], detail);
});

// A callback-style call of a socket JSAPI: success/fail/complete in the platform's shape.
function settle(promise, options, shape, name) {
  const run = (key, value) => {
    if (typeof options[key] !== 'function') return;
    try { options[key](value); } catch (error) { report(error, name + ' ' + key + ' callback'); }
  };
  promise.then((result) => { const ok = shape.ok(name, result); run('success', ok); run('complete', ok); },
    (error) => {
      const failure = shape.fail(name, { code: error && error.error || 3, message: error && error.errorMessage || String(error) });
      run('fail', failure); run('complete', failure);
    });
}

export function connectSocket(options, shape) {
  if (typeof options.url !== 'string') throw new APIFailure(2, 'url must be a string');
  const socketId = nextId++;
  const listeners = new Map();
  const task = {
    send(o) {
      const params = isObject(o) ? o : {};
      settle(JSBridge.call('socket.send', { socketId, data: params.data }), params, shape, 'sendSocketMessage');
    },
    close(o) {
      const params = isObject(o) ? o : {};
      const call = Object.assign({ socketId }, withoutCallbacks(params));
      settle(JSBridge.call('socket.close', call), params, shape, 'closeSocket');
    },
    fire(name, detail) {
      for (const callback of (listeners.get(name) || []).slice()) {
        try { callback(detail); } catch (error) { report(error, 'SocketTask.' + name + ' listener'); }
      }
    },
  };
  for (const name of Object.values(listenerNames)) {
    task[name] = (callback) => { if (typeof callback === 'function') listeners.set(name, (listeners.get(name) || []).concat([callback])); };
    task['off' + name.slice(2)] = (callback) => {
      if (typeof callback !== 'function') listeners.delete(name);
      else listeners.set(name, (listeners.get(name) || []).filter((f) => f !== callback));
    };
  }
  Object.defineProperty(task, 'fire', { enumerable: false });
  tasks.set(socketId, task);
  latest = socketId;
  const params = { socketId, url: options.url, header: options.header || options.headers || {} };
  if (Array.isArray(options.protocols)) params.protocols = options.protocols.map(String);
  const connected = JSBridge.call('socket.connect', params).catch((error) => { tasks.delete(socketId); throw error; });
  // An open socket is work in progress: the app is not idle until it has closed.
  connected.then(() => JSBridge.call('socket.wait', { socketId })).catch(() => {});
  return { task, connected };
}

// The id of the socket `sendSocketMessage` and `closeSocket` act on: the latest one opened.
export const latestSocketId = () => {
  if (!tasks.has(latest)) throw new APIFailure(2, 'no socket is open');
  return latest;
};

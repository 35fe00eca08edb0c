// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `wx.cloud`: WeChat's cloud development, routed to the host's cloud (`CloudPlugin` over a
// `CloudService` in Swift, the `cloud.*` JSAPIs). `init` keeps the environment; `callFunction`,
// `database()` (collections, documents, queries, `command`, `serverDate`), `uploadFile`,
// `downloadFile`, `getTempFileURL` and `deleteFile` answer in WeChat's shapes, with callbacks
// or a promise. A host without a cloud answers each call with "cloud not configured".
import { isObject, clone } from './values.js';
import { APIFailure } from './api-failure.js';
import { count, countUnsupported } from './api-calls.js';
import { shapes, callbackNames } from './api-support.js';
import { report } from './common.js';

const NOT_CONFIGURED = 'cloud not configured (the host registers no CloudPlugin)';
let downloads = 0;

export function makeCloud(namespace, fileSystem) {
  let environment = null;
  const shape = shapes.wechat;
  const native = (api, params) => JSBridge.call('cloud.' + api, params).then(undefined, (error) => {
    if (error && (error.code === 1 || /^no such API/.test(String(error.message)))) throw new APIFailure(-1, NOT_CONFIGURED);
    throw new APIFailure(error && typeof error.code === 'number' ? error.code : -1, String(error && error.message || error));
  });
  // Whether the host registered a cloud: asked once (a missing JSAPI says "no such API" at
  // once, a registered async one that it is asynchronous). Without one, calls count as
  // unsupported and their ignored rejections are not the app's errors.
  let configured = null;
  const hasCloud = () => {
    if (configured === null) {
      try { JSBridge.callSync('cloud.callFunction'); configured = true; } catch (error) {
        configured = !/^no such API/.test(String(error && (error.errorMessage || error.message)));
      }
    }
    return configured;
  };
  // One call in WeChat's style: `errMsg: 'cloud.name:ok'`, callbacks or a promise.
  const call = (name, implementation) => function (options) {
    const available = hasCloud();
    if (available) count(namespace, 'cloud.' + name); else countUnsupported(namespace, 'cloud.' + name);
    const params = isObject(options) ? options : {};
    const label = 'cloud.' + name;
    const promise = Promise.resolve().then(() => {
      if (!available) throw new APIFailure(-1, NOT_CONFIGURED);
      return implementation(params);
    }).then(
      (result) => shape.ok(label, result),
      (error) => {
        const failure = shape.fail(label, error instanceof APIFailure ? { message: error.message } : { message: String(error && error.message || error) });
        throw Object.assign(failure, { errCode: error instanceof APIFailure ? error.code : -1 });
      });
    if (!callbackNames.some((key) => typeof params[key] === 'function')) {
      if (!available) promise.catch(() => {});
      return promise;
    }
    const run = (key, value) => {
      if (typeof params[key] !== 'function') return;
      try { params[key](value); } catch (error) { report(error, namespace + '.cloud.' + name + ' ' + key + ' callback'); }
    };
    promise.then((result) => { run('success', result); run('complete', result); }, (failure) => { run('fail', failure); run('complete', failure); });
    return undefined;
  };
  const envOf = (params) => (isObject(params.config) && typeof params.config.env === 'string' ? params.config.env : environment);

  const cloud = {
    init(options) {
      count(namespace, 'cloud.init');
      const env = isObject(options) ? options.env : undefined;
      environment = typeof env === 'string' ? env : isObject(env) && typeof env.functions === 'string' ? env.functions : null;
    },
    callFunction: call('callFunction', (o) => {
      if (typeof o.name !== 'string' || o.name === '') throw new APIFailure(-1, 'name must be a non-empty string');
      return native('callFunction', { name: o.name, data: o.data === undefined ? {} : clone(o.data), env: envOf(o) })
        .then((answer) => ({ result: answer.result, requestID: 'hc-' + Date.now().toString(36) }));
    }),
    uploadFile: call('uploadFile', (o) => {
      if (typeof o.cloudPath !== 'string' || typeof o.filePath !== 'string') throw new APIFailure(-1, 'cloudPath and filePath must be strings');
      const contents = fileSystem().readFileSync(o.filePath);
      return native('uploadFile', { cloudPath: o.cloudPath, contents, env: envOf(o) }).then((answer) => ({ fileID: answer.fileID, statusCode: 200 }));
    }),
    downloadFile: call('downloadFile', (o) => {
      if (typeof o.fileID !== 'string') throw new APIFailure(-1, 'fileID must be a string');
      return native('downloadFile', { fileID: o.fileID, env: envOf(o) }).then((answer) => {
        const name = o.fileID.split('/').pop().replace(/[^\w.-]/g, '_') || 'file';
        const tempFilePath = 'wxfile://tmp/cloud-' + (++downloads) + '-' + name;
        fileSystem().writeFileSync(tempFilePath, answer.contents);
        return { tempFilePath, statusCode: 200 };
      });
    }),
    getTempFileURL: call('getTempFileURL', (o) => native('getTempFileURL', { fileList: Array.isArray(o.fileList) ? clone(o.fileList) : [], env: envOf(o) })),
    deleteFile: call('deleteFile', (o) => native('deleteFile', { fileList: Array.isArray(o.fileList) ? clone(o.fileList) : [], env: envOf(o) })),
    database(options) {
      count(namespace, 'cloud.database');
      const env = isObject(options) && typeof options.env === 'string' ? options.env : environment;
      return database((params) => {
        if (!hasCloud()) {
          countUnsupported(namespace, 'cloud.database');
          const failed = Promise.reject(new APIFailure(-1, NOT_CONFIGURED));
          failed.catch(() => {});
          failed.notConfigured = true;
          return failed;
        }
        return native('database', Object.assign(params, { env }));
      });
    },
    // Cloud hosting and the rest need a WeChat server; they fail in the platform's shape.
    callContainer: call('callContainer', () => { throw new APIFailure(-1, 'cloud hosting is not offered by this host'); }),
    connectContainer: call('connectContainer', () => { throw new APIFailure(-1, 'cloud hosting is not offered by this host'); }),
    CDN(target) { return { type: 'CDN', target }; },
    Cloud: function Cloud(options) { const other = makeCloud(namespace, fileSystem); other.init(options); return other; },
  };
  return cloud;
}

// `db.command`: query and update operators, serialised as `{$cmd, value}` for the host.
const operator = (name) => (...values) => ({ $cmd: name, value: values.length === 1 ? clone(values[0]) : clone(values) });
const command = {};
for (const name of ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'and', 'or', 'nor', 'not', 'exists', 'size', 'all',
  'elemMatch', 'set', 'remove', 'inc', 'mul', 'push', 'pop', 'shift', 'unshift', 'pull', 'pullAll', 'addToSet', 'min', 'max', 'rename']) {
  command[name] = operator(name);
}

function database(run) {
  const collection = (name) => query(name, {});
  function query(name, state) {
    const next = (change) => query(name, Object.assign({}, state, change));
    const options = () => ({ orderBy: state.orderBy || [], limit: state.limit, skip: state.skip, field: state.field });
    const wrap = (action, extra) => (o) => callback(o, run(Object.assign({ action, collection: name, query: clone(state.where || null), options: options() }, extra)), 'collection.' + action);
    return {
      where: (conditions) => next({ where: conditions }),
      orderBy: (field, order) => next({ orderBy: (state.orderBy || []).concat([{ field: String(field), order: String(order || 'asc') }]) }),
      limit: (n) => next({ limit: Number(n) }),
      skip: (n) => next({ skip: Number(n) }),
      field: (projection) => next({ field: clone(projection) }),
      get: (o) => wrap('get', {})(o),
      count: (o) => wrap('count', {})(o),
      update: (o) => wrap('update', { data: clone((o || {}).data) })(o),
      remove: (o) => wrap('remove', {})(o),
      add: (o) => wrap('add', { data: clone((o || {}).data) })(o),
      doc: (id) => ({
        get: (o) => callback(o, run({ action: 'get', collection: name, doc: String(id) }), 'document.get'),
        set: (o) => callback(o, run({ action: 'set', collection: name, doc: String(id), data: clone((o || {}).data) }), 'document.set'),
        update: (o) => callback(o, run({ action: 'update', collection: name, doc: String(id), data: clone((o || {}).data) }), 'document.update'),
        remove: (o) => callback(o, run({ action: 'remove', collection: name, doc: String(id) }), 'document.remove'),
        watch: (o) => watchUnsupported(o),
      }),
      watch: (o) => watchUnsupported(o),
    };
  }
  return { collection, command, serverDate: (o) => ({ $serverDate: isObject(o) && typeof o.offset === 'number' ? o.offset : 0 }),
    RegExp: (o) => ({ $regex: String((o || {}).regexp || ''), $options: String((o || {}).options || '') }),
    Geo: { Point: (longitude, latitude) => ({ type: 'Point', coordinates: [Number(longitude), Number(latitude)] }) } };
}

// Database promises take callbacks too (`get({success})`), answering `errMsg: 'collection.get:ok'`,
// `'document.update:ok'` … (`label`).
function callback(options, promise, label) {
  const shaped = promise.then((answer) => Object.assign({}, answer, { errMsg: label + ':ok' }),
    (error) => { throw Object.assign(new Error(error.message || String(error)), { errMsg: label + ':fail ' + (error.message || String(error)), errCode: error.code }); });
  const o = isObject(options) ? options : {};
  if (promise.notConfigured) shaped.catch(() => {});
  if (!callbackNames.some((key) => typeof o[key] === 'function')) return shaped;
  shaped.then((r) => { if (o.success) o.success(r); if (o.complete) o.complete(r); }, (e) => { if (o.fail) o.fail(e); if (o.complete) o.complete(e); });
  return undefined;
}
function watchUnsupported(options) {
  const o = isObject(options) ? options : {};
  if (typeof o.onError === 'function') Promise.resolve().then(() => o.onError(new Error('realtime database watch is not offered by this host')));
  return { close: () => Promise.resolve() };
}

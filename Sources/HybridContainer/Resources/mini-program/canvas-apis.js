// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `createCanvasContext(canvasId, component)` (the older canvas API, drawn at `draw()`) and
// `canvasToTempFilePath(options, component)`: the canvas's pixels as a real PNG (or JPEG) file in
// the app's `tmp`, drawn by the host's layout engine from what the app drew (canvas-output.js).
// Without a layout engine there are no pixels: the call fails, saying so.
import { bridge } from 'hc:host';
import { isObject } from './values.js';
import { asyncAPI } from './api-support.js';
import { APIFailure } from './api-failure.js';
import { count } from './api-calls.js';
import { topPageView } from './page-stack.js';
import { instanceView } from './component-api.js';
import { selectAll } from './selectors.js';
import { legacyCanvasContext } from './canvas.js';
import { flushCanvas, currentNode } from './canvas-output.js';
import { layoutAvailable, pageIdOf } from './layout.js';
import { plainPath } from './tree-output.js';

const viewOf = (component) => (component && typeof component === 'object' ? instanceView(component) : null) || topPageView();
// The `<canvas>` with `canvas-id` (WeChat) or `id` (Alipay) `canvasId` in the component's or top page's template.
function canvasNode(canvasId, component) {
  const view = viewOf(component);
  if (view === null) return null;
  const id = String(canvasId);
  return selectAll(view.host || view.root, view, 'canvas').find((node) => (node.attrs && node.attrs['canvas-id'] === id) || node.id === id) || null;
}

let written = 0;
export function installCanvasAPIs(api, namespace, flavor, list) {
  const wechat = flavor === 'wechat';
  api.createCanvasContext = function (canvasId, component) {
    count(namespace, 'createCanvasContext');
    return legacyCanvasContext(() => canvasNode(canvasId, component));
  };
  if (!list.apis.canvasToTempFilePath) return;
  const implementation = (o, component) => {
    if (!layoutAvailable) throw new APIFailure(-1, 'no page engine draws this canvas (run with pictures, or give the host a layout engine)');
    let node = null;
    if (isObject(o.canvas) && o.canvas.__output) {
      flushCanvas(o.canvas);
      node = o.canvas.__output.node === null ? null : currentNode(o.canvas.__output.node);
    } else if (o.canvasId !== undefined) {
      node = canvasNode(o.canvasId, component);
    } else {
      throw new APIFailure(-1, 'canvasToTempFilePath needs canvas or canvasId');
    }
    const path = node === null ? null : plainPath(node);
    const pageId = node === null ? null : pageIdOf(node);
    if (path === null || pageId === null) throw new APIFailure(-1, 'canvas not found');
    const number = (value) => typeof value === 'number' && isFinite(value) ? value : null;
    const fileType = o.fileType === 'jpg' ? 'jpg' : 'png';
    return bridge.call('__hc.canvasImage', { pageId, path, x: number(o.x), y: number(o.y), width: number(o.width),
      height: number(o.height), destWidth: number(o.destWidth), destHeight: number(o.destHeight), fileType,
      quality: number(o.quality) }).then((answer) => {
      const tempFilePath = (wechat ? 'wxfile://tmp/' : 'https://tmp/') + 'canvas-' + (++written) + '.' + fileType;
      JSBridge.callSync('fs.writeFileSync', { filePath: tempFilePath, data: answer.data });
      return wechat ? { tempFilePath } : { tempFilePath, apFilePath: tempFilePath };
    });
  };
  api.canvasToTempFilePath = function (options, component) {
    return asyncAPI(namespace, flavor, 'canvasToTempFilePath', (o) => implementation(o, component))(options);
  };
}

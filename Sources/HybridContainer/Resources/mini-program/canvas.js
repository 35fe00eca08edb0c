// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Canvas objects for `<canvas type="2d">` nodes (`SelectorQuery.fields({node: true})`) and
// `createOffscreenCanvas`: `width`/`height`, `getContext('2d')`, `createImage`, `createPath2D`,
// `requestAnimationFrame`, `toDataURL`, and the older `createCanvasContext(canvasId)` context
// (`setFillStyle` …, `draw()`). Nothing is rasterised here: the 2D context records every call
// and property write in order (`canvas.drawing()`), in plain values (gradients, paths and images
// as descriptions), which is what a picture of the page replays (canvas-output.js sends it to
// the layout engine); methods that answer (measureText, getImageData …) answer plausibly.
// WebGL is not offered: `getContext('webgl')` is null, as a browser without it answers.
import { bindCanvas, scheduleFlush, flushCanvas } from './canvas-output.js';

const answers = {
  measureText(text) {
    const size = /(\d+(?:\.\d+)?)px/.exec(this.font || '');
    return { width: String(text).length * (size ? Number(size[1]) : 10) * 0.6 };
  },
  createLinearGradient(...args) { return gradient('linear', args); },
  createRadialGradient(...args) { return gradient('radial', args); },
  createConicGradient(...args) { return gradient('conic', args); },
  createPattern() { return {}; },
  getImageData(x, y, width, height) { return imageData(width, height); },
  createImageData(width, height) { return typeof width === 'object' && width !== null ? imageData(width.width, width.height) : imageData(width, height); },
  isPointInPath() { return false; },
  isPointInStroke() { return false; },
  getLineDash() { return (this.__lineDash || []).slice(); },
  getTransform() { return { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }; },
};
function gradient(kind, args) {
  const stops = [];
  const made = { stops, addColorStop(offset, color) { stops.push([Number(offset), String(color)]); } };
  Object.defineProperty(made, '__gradient', { value: { kind, args: args.map(Number) }, enumerable: false });
  return made;
}
// A drawing argument as plain JSON: images by `src`, gradients and Path2D by how they were made.
function plainArg(arg) {
  if (typeof arg === 'number' || typeof arg === 'string' || typeof arg === 'boolean' || arg === null || arg === undefined) return arg;
  if (typeof arg !== 'object') return null;
  if (arg.__image) return { image: arg.src };
  if (arg.__gradient) return { gradient: arg.__gradient.kind, args: arg.__gradient.args, stops: arg.stops.slice() };
  if (Array.isArray(arg.__calls)) return { path2D: arg.__calls.map((call) => call.map(plainArg)) };
  if (Array.isArray(arg)) return arg.map(plainArg);
  return null;
}
function imageData(width, height) {
  const w = Math.max(0, Math.min(4096, Math.floor(Number(width) || 0)));
  const h = Math.max(0, Math.min(4096, Math.floor(Number(height) || 0)));
  return { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
}
const defaults = { fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', miterLimit: 10,
  font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', globalAlpha: 1, globalCompositeOperation: 'source-over',
  shadowBlur: 0, shadowColor: 'rgba(0, 0, 0, 0)', shadowOffsetX: 0, shadowOffsetY: 0, lineDashOffset: 0, direction: 'inherit',
  imageSmoothingEnabled: true, filter: 'none' };
const recordedLimit = 100000;

// A recording 2D context for `canvas`.
function context2D(canvas, drawing) {
  const state = Object.assign({ canvas }, defaults);
  const record = (entry) => {
    if (drawing.length < recordedLimit) drawing.push(entry);
    scheduleFlush(canvas);
  };
  return new Proxy(state, {
    get(target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (Object.prototype.hasOwnProperty.call(target, property)) return target[property];
      return function (...args) {
        record([property].concat(args.map(plainArg)));
        if (property === 'setLineDash') target.__lineDash = Array.isArray(args[0]) ? args[0].slice() : [];
        return answers[property] ? answers[property].apply(target, args) : undefined;
      };
    },
    set(target, property, value) {
      if (typeof property !== 'string') return false;
      target[property] = value;
      record(['set', property, plainArg(value)]);
      return true;
    },
  });
}

function image() {
  const img = { __image: true, width: 0, height: 0, onload: null, onerror: null };
  let src = '';
  Object.defineProperty(img, 'src', {
    get() { return src; },
    // Nothing is decoded headless: the image "loads" (its size unknown, 0 × 0) so drawing goes on.
    set(value) { src = String(value); Promise.resolve().then(() => { if (typeof img.onload === 'function') img.onload({ type: 'load' }); }); },
    enumerable: true,
  });
  return img;
}

// A canvas `width` × `height` (CSS px; the platforms size the drawing buffer the same way).
export function makeCanvas(width, height) {
  const drawing = [];
  let context = null;
  const canvas = {
    width: Number(width) || 300, height: Number(height) || 150,
    getContext(type) {
      if (String(type) !== '2d') return null;
      if (context === null) context = context2D(canvas, drawing);
      return context;
    },
    createImage: image,
    createImageData: (w, h) => imageData(w, h),
    createPath2D() {
      const calls = [];
      return new Proxy({ calls }, { get: (t, p) => p === 'calls' || p === '__calls' ? calls : (...args) => { calls.push([p].concat(args)); } });
    },
    requestAnimationFrame(callback) { return globalThis.setTimeout(() => callback(Date.now()), 16); },
    cancelAnimationFrame(id) { globalThis.clearTimeout(id); },
    // A transparent 1 × 1 PNG: what is drawn is in drawing(), not in pixels.
    toDataURL() { return 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='; },
  };
  Object.defineProperty(canvas, 'drawing', { value: () => drawing.slice(), enumerable: false });
  Object.defineProperty(canvas, '__drawing', { value: drawing, enumerable: false });
  return canvas;
}

// The older API's setters, as the property writes of a 2D context.
const legacySetters = {
  setFillStyle: (v) => [['fillStyle', v]], setStrokeStyle: (v) => [['strokeStyle', v]], setLineWidth: (v) => [['lineWidth', v]],
  setLineCap: (v) => [['lineCap', v]], setLineJoin: (v) => [['lineJoin', v]], setMiterLimit: (v) => [['miterLimit', v]],
  setFontSize: (v) => [['font', Number(v) + 'px sans-serif']], setTextAlign: (v) => [['textAlign', v]],
  setTextBaseline: (v) => [['textBaseline', v]], setGlobalAlpha: (v) => [['globalAlpha', v]],
  setShadow: (x, y, blur, color) => [['shadowOffsetX', x], ['shadowOffsetY', y], ['shadowBlur', blur], ['shadowColor', color]],
};
// `createCanvasContext(canvasId)`: a recording context for the `<canvas canvas-id>` node `find()`
// gives (null: none rendered); `draw(reserve, callback)` sends what was drawn since the last
// `draw` (replacing the picture unless `reserve`).
export function legacyCanvasContext(find) {
  const canvas = makeCanvas(300, 150);
  const context = canvas.getContext('2d');
  let bound = false;
  return new Proxy({}, {
    get(target, property) {
      if (typeof property !== 'string' || property === 'then') return undefined;
      if (property === 'draw') {
        return (reserve, callback) => {
          const node = find();
          if (node !== null && !bound) { bindCanvas(canvas, node, true); bound = true; }
          if (node !== null) flushCanvas(canvas, reserve !== true);
          // Sent (or nowhere to draw): the next draw sends only what comes after.
          canvas.__drawing.length = 0;
          if (bound) canvas.__output.sent = 0;
          if (typeof callback === 'function') Promise.resolve().then(() => callback());
          else if (typeof reserve === 'function') Promise.resolve().then(() => reserve());
        };
      }
      if (legacySetters[property]) {
        return (...args) => { for (const [name, value] of legacySetters[property](...args)) context[name] = value; };
      }
      const value = context[property];
      return typeof value === 'function' ? (...args) => value(...args) : value;
    },
    set(target, property, value) {
      context[property] = value;
      return true;
    },
  });
}

const nodeCanvases = new WeakMap();
// The node object `fields({node: true})` answers for a rendered node: a canvas for
// `<canvas type="2d">` (the same one on every query of that node), a scroll context for
// `<scroll-view>`, null for the others (as the platforms answer).
export function nodeObject(node) {
  if (!node || !node.tag) return null;
  if (node.tag === 'canvas') {
    // Kept per owner and place in the template: a render again gives the same canvas.
    const owner = node.owner && typeof node.owner === 'object' ? node.owner : node;
    if (!nodeCanvases.has(owner)) nodeCanvases.set(owner, new Map());
    const canvases = nodeCanvases.get(owner);
    const key = node.renderKey || node.id || '';
    if (!canvases.has(key)) {
      const attrs = node.attrs || {};
      const canvas = makeCanvas(attrs.width || 300, attrs.height || 150);
      bindCanvas(canvas, node, false);
      canvases.set(key, canvas);
    }
    return canvases.get(key);
  }
  if (node.tag === 'scroll-view') {
    return { scrollTo() {}, scrollIntoView() {}, triggerRefresh() {}, closeRefresh() {}, scrollEnabled: true, bounces: true,
      showScrollbar: true, pagingEnabled: false, fastDeceleration: false, decelerationDisabled: false };
  }
  return null;
}

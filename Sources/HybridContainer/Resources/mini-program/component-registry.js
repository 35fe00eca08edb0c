// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// Which tags are custom components, and where their files are: `usingComponents` of app.json
// (global), of a page's and of a component's own `.json`, with relative, absolute and npm
// (`miniprogram_npm/`, `node_modules/`) paths. A component is its base path without extension
// (`components/counter/counter` → `.js`, `.wxml`/`.axml`, `.json`).
import { bridge, config } from 'hc:host';
import { fileExists } from './files.js';
import { joinPath, dirname } from './templates.js';

const jsonCache = new Map();
// The parsed `.json` next to `base`, or {} (a broken one is an error naming the file).
export function configOf(base) {
  if (!jsonCache.has(base)) {
    const path = base + '.json';
    let value = {};
    if (fileExists(path)) {
      try { value = JSON.parse(bridge.readText(path)); } catch (error) {
        jsonCache.set(base, { error: new SyntaxError(path + ': ' + error.message) });
        throw jsonCache.get(base).error;
      }
    }
    jsonCache.set(base, { value: value !== null && typeof value === 'object' ? value : {} });
  }
  const entry = jsonCache.get(base);
  if (entry.error) throw entry.error;
  return entry.value;
}

const exists = (base) => fileExists(base + '.js');
// The component base a `usingComponents` entry of the file at `fromBase` names, or null.
export function resolveComponent(fromBase, request) {
  if (typeof request !== 'string' || request === '' || request.startsWith('plugin://')) return null;
  const folder = dirname(fromBase);
  const bases = request.startsWith('/') ? [joinPath('', request)]
    : request.startsWith('.') ? [joinPath(folder, request)]
    : [joinPath(folder, request), joinPath('miniprogram_npm', request), joinPath('node_modules', request), joinPath('', request)];
  for (const base of bases) {
    if (base === null) continue;
    if (exists(base)) return base;
    if (exists(base + '/index')) return base + '/index';
  }
  return null;
}

// tag → component base for the page or component at `base`; missing ones are listed apart.
export function componentsOf(base) {
  const table = new Map();
  const missing = [];
  const global = (config.appJSON && config.appJSON.usingComponents) || {};
  const own = configOf(base).usingComponents || {};
  for (const [using, from] of [[global, ''], [own, base]]) {
    for (const tag of Object.keys(using)) {
      const resolved = resolveComponent(from === '' ? 'app' : from, using[tag]);
      if (resolved === null) missing.push({ tag, request: String(using[tag]) });
      else table.set(tag, resolved);
    }
  }
  return { table, missing };
}

// Tags of the platforms' built-in components (and template control tags): anything else that is
// not a custom component is reported as unknown.
export const builtInTags = new Set(('view scroll-view swiper swiper-item movable-area movable-view cover-view cover-image icon text ' +
  'rich-text progress button checkbox checkbox-group form input label picker picker-view picker-view-column radio radio-group ' +
  'slider switch textarea navigator image video camera audio live-player live-pusher map canvas web-view ad ad-custom ' +
  'official-account open-data editor page-meta navigation-bar keyboard-accessory match-media page-container share-element ' +
  'functional-page-navigator root-portal grid-view list-view sticky-header sticky-section channel-video store-product lottie ' +
  'contact-button lifestyle life-follow block slot template import include wxs import-sjs voip-room draggable-sheet ' +
  'nested-scroll-header nested-scroll-body span snapshot mkp-button tabs tab-bar').split(' '));

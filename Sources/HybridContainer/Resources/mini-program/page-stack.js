// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The headless page stack that navigation drives, the app lifecycle hooks the container calls
// (`__hcInvokeHook`), and `__hcMini`, what the host drives and reads.
import { config } from 'hc:host';
import { fixed, report, pages, allPages, tabPages } from './common.js';
import { isObject } from './values.js';
import { render, states } from './set-data.js';
import { currentApp, definitionOf, makePage, runHooks } from './framework.js';
import { NavigationError, parseURL } from './routes.js';
import { apiCalls, unsupportedCalls } from './api-calls.js';
import { emit } from './host-events.js';
import { attachPage, readyComponents, detachPage, eachComponent, diagnostics, setModuleCompiler } from './render-tree.js';
import { pageLifetime } from './component-instances.js';
import { plainNode, treeText } from './tree-output.js';
import { selectAll } from './selectors.js';
import { userEvent } from './view-events.js';
import { bridge } from 'hc:host';

setModuleCompiler(bridge.compileModule);

// ---- the page stack
const stack = [];
const hiddenTabs = new Map();
const visited = [];
const maximumStack = config.maximumPageStack;
const top = () => stack[stack.length - 1];
function load(route, query) {
  const page = makePage(route, query);
  const state = states.get(page);
  stack.push(page);
  visited.push(route);
  // Stays set if the load is stopped before the first render (the watchdog ends a runaway script).
  state.loading = true;
  render(state, 'load', { data: state.rendered, query });
  // The first render (components created and attached) comes before onLoad, as on WeChat.
  const view = attachPage(page, state);
  state.loading = false;
  runHooks(page, 'load', Object.assign({}, query));
  show(page);
  render(state, 'ready', {});
  view.readyDone = true;
  readyComponents(view);
  runHooks(page, 'ready');
  return page;
}
function show(page) {
  const state = states.get(page);
  if (state.shown) return;
  state.shown = true;
  render(state, 'show', {});
  runHooks(page, 'show');
  if (state.view) eachComponent(state.view, (view) => pageLifetime(view, 'show'));
}
function hide(page) {
  const state = states.get(page);
  if (!state.shown) return;
  state.shown = false;
  runHooks(page, 'hide');
  if (state.view) eachComponent(state.view, (view) => pageLifetime(view, 'hide'));
  render(state, 'hide', {});
}
function unload(page) {
  const state = states.get(page);
  if (state.unloaded) return;
  runHooks(page, 'unload');
  if (state.view) detachPage(state.view);
  state.unloaded = true;
  state.shown = false;
  render(state, 'unload', {});
}
const parse = (url) => parseURL(url, top() ? top().route : null, allPages);
function unloadAll() {
  while (stack.length > 0) {
    const page = stack.pop();
    hiddenTabs.delete(page.route);
    unload(page);
  }
  for (const page of hiddenTabs.values()) unload(page);
  hiddenTabs.clear();
}
// Navigations the app makes in one turn (before a timer can run). A page that navigates every
// time it loads (`redirectTo` itself in onLoad) would load forever in promise jobs the watchdog
// can not stop; past the limit the navigation fails as a loop. The host's navigations
// (`__hcMini.navigate`) start a turn of their own and end it when they return (no timer to
// reset the count: a host navigation was two entries into JavaScript, its own and the timer's);
// promise jobs after it count from zero.
const maximumNavigationsPerTurn = 32;
let navigationsThisTurn = 0;
let hostTurn = false;
function countNavigation(action, url) {
  if (navigationsThisTurn === 0 && !hostTurn) setTimeout(() => { navigationsThisTurn = 0; }, 0);
  navigationsThisTurn++;
  if (navigationsThisTurn <= maximumNavigationsPerTurn) return;
  const from = top() ? top().route : 'no page';
  const error = new NavigationError('navigation loop: ' + action + ' to ' + url + ' from ' + from + ' would be navigation ' +
    navigationsThisTurn + ' of one turn (does a page navigate every time it loads?); stopped');
  if (navigationsThisTurn === maximumNavigationsPerTurn + 1) report(error, action);
  throw error;
}
export const navigation = {
  navigateTo(url) {
    countNavigation('navigateTo', url);
    const { route, query } = parse(url);
    if (tabPages.has(route)) throw new NavigationError('can not navigateTo a tab page (' + route + '); use switchTab');
    if (stack.length >= maximumStack) throw new NavigationError('the page stack is full (' + maximumStack + ' pages)');
    if (top()) hide(top());
    load(route, query);
  },
  redirectTo(url) {
    countNavigation('redirectTo', url);
    const { route, query } = parse(url);
    if (tabPages.has(route)) throw new NavigationError('can not redirectTo a tab page (' + route + '); use switchTab');
    const current = stack.pop();
    if (current) { hide(current); unload(current); }
    load(route, query);
  },
  navigateBack(delta) {
    countNavigation('navigateBack', 'delta ' + delta);
    const steps = delta === undefined ? 1 : Math.floor(Number(delta));
    if (!(steps >= 1)) throw new NavigationError('delta must be a number ≥ 1');
    if (stack.length <= 1) throw new NavigationError('there is no page to go back to');
    const count = Math.min(steps, stack.length - 1);
    hide(top());
    for (let i = 0; i < count; i++) unload(stack.pop());
    show(top());
  },
  reLaunch(url) {
    countNavigation('reLaunch', url);
    const { route, query } = parse(url);
    if (top()) hide(top());
    unloadAll();
    load(route, query);
  },
  switchTab(url) {
    countNavigation('switchTab', url);
    const { route, query } = parse(url);
    if (!tabPages.has(route)) throw new NavigationError(route + ' is not a tab page');
    if (Object.keys(query).length > 0) console.warn('switchTab: the query of "' + url + '" is dropped (tab pages take none)');
    const current = top();
    if (current && current.route === route && stack.length === 1) return;
    if (current) hide(current);
    while (stack.length > 0) {
      const page = stack.pop();
      if (tabPages.has(page.route)) hiddenTabs.set(page.route, page); else unload(page);
    }
    const kept = hiddenTabs.get(route);
    if (kept) {
      hiddenTabs.delete(route);
      stack.push(kept);
      show(kept);
    } else {
      load(route, {});
    }
  },
};
fixed('getCurrentPages', function getCurrentPages() { return stack.slice(); });
// The top page's view (render-tree.js), or null: where `wx.createSelectorQuery()` looks.
export function topPageView() {
  const page = top();
  return page ? states.get(page).view || null : null;
}

// ---- the app's lifecycle, as the container drives it
let launchOptions = null;
// A copy of the options the app was launched with.
export const currentLaunchOptions = () => Object.assign({}, launchOptions);
let opened = false;
const callApp = (name, argument) => currentApp() !== null && typeof currentApp()[name] === 'function' ? currentApp()[name](argument) : undefined;
fixed('__hcHasApp', function () { return currentApp() !== null; });
fixed('__hcInvokeHook', function (name, argument) {
  switch (name) {
    case 'onLaunch': {
      const { query = {}, ...rest } = argument || {};
      launchOptions = Object.assign({ path: config.entryPage, query, scene: 0, referrerInfo: {} }, rest);
      return callApp('onLaunch', Object.assign({}, launchOptions));
    }
    case 'onStart': {
      const result = callApp('onShow', Object.assign({}, launchOptions));
      emit('appShow', Object.assign({}, launchOptions));
      if (!opened) {
        opened = true;
        load(config.entryPage, Object.assign({}, (launchOptions && launchOptions.query) || {}));
      } else if (top()) {
        show(top());
      }
      return result;
    }
    case 'onStop':
      if (top()) hide(top());
      emit('appHide', {});
      return callApp('onHide');
    case 'onDestroy':
      if (top()) hide(top());
      unloadAll();
      return callApp('onDestroy');
    case 'onError': {
      const failure = argument || {};
      // (Not for a failure of such a listener itself: a listener that always throws would loop.)
      if (failure.origin === 'unhandled rejection') emit('unhandledRejection', { reason: failure.message });
      else if (!/^(error|unhandledRejection) listener$/.test(String(failure.origin))) emit('error', String(failure.message));
      if (failure.origin === 'unhandled rejection' && currentApp() !== null && typeof currentApp().onUnhandledRejection === 'function') {
        return currentApp().onUnhandledRejection({ reason: failure.message, promise: undefined });
      }
      return callApp('onError', String(failure.message) + (failure.stack ? '\n' + failure.stack : ''));
    }
    default:
      return callApp(name, argument);
  }
});

// ---- what the host drives and reads
function findPage(pageId) {
  if (pageId === undefined || pageId === null) return top();
  return stack.concat(Array.from(hiddenTabs.values())).find((page) => page.$id === pageId);
}
// The host's selectors: the page's own template first (the platforms' scoping, `>>>` to enter a
// component); if nothing matches there, the whole rendered tree, components included.
function hostSelect(view, selector) {
  const strict = selectAll(view.root, view, String(selector), false);
  return strict.length > 0 ? strict : selectAll(view.root, view, String(selector), true);
}
class NodeNotFound extends Error {}
NodeNotFound.prototype.name = 'NodeNotFound';
function viewOf(pageId) {
  const page = findPage(pageId);
  if (!page) throw new Error(pageId === undefined || pageId === null ? 'no page is open' : 'no page ' + pageId);
  const view = states.get(page).view;
  if (!view) {
    throw new Error('the page ' + page.route + (states.get(page).loading
      ? ' did not finish loading (stopped before its first render; the app\'s diagnostics say why)' : ' is not rendered'));
  }
  return view;
}
const describe = (page) => ({ id: page.$id, route: page.route, query: Object.assign({}, states.get(page).query) });
fixed('__hcMini', Object.freeze({
  // The main package's page files run at launch, as the platforms do — unless app.json asks for
  // on-demand code (`"lazyCodeLoading": "requiredComponents"`, WeChat): then a page's file runs
  // when the page is first opened, as its components already do.
  loadMainPages() {
    if (config.appJSON && config.appJSON.lazyCodeLoading === 'requiredComponents') return;
    for (const route of pages) definitionOf(route);
  },
  navigate(action, url, delta) {
    if (!Object.prototype.hasOwnProperty.call(navigation, action)) throw new NavigationError('unknown navigation ' + action);
    // (Reentrant: a hook may call the host, which may navigate again.)
    const outer = hostTurn;
    if (!outer) navigationsThisTurn = 0;
    hostTurn = true;
    try {
      if (action === 'navigateBack') navigation.navigateBack(delta); else navigation[action](url);
    } finally {
      hostTurn = outer;
      if (!outer) navigationsThisTurn = 0;
    }
    return stack.map(describe);
  },
  pages() { return stack.map(describe); },
  data(pageId) {
    const page = findPage(pageId);
    if (!page) throw new Error('no page ' + pageId);
    return page.data;
  },
  firePageEvent(handler, event, pageId) {
    const page = findPage(pageId);
    if (!page) throw new Error(pageId === undefined ? 'no page is open' : 'no page ' + pageId);
    if (typeof page[handler] !== 'function') throw new Error('the page ' + page.route + ' has no handler "' + handler + '"');
    const detail = isObject(event) ? event : {};
    const target = Object.assign({ id: '', dataset: {} }, detail.target || {});
    const normalized = Object.assign({ type: 'tap', timeStamp: Date.now(), detail: {} }, detail,
      { target, currentTarget: Object.assign({}, target, detail.currentTarget || {}) });
    try {
      return page[handler](normalized);
    } catch (error) {
      report(error, page.route + ' ' + handler);
      return undefined;
    }
  },
  // The page's rendered tree: plain JSON, or the text form.
  tree(pageId) { return plainNode(viewOf(pageId).root); },
  treeText(pageId) { return treeText(plainNode(viewOf(pageId).root)); },
  // The nodes a selector matches in the page's template (`>>>` crosses into components).
  query(selector, pageId) { return hostSelect(viewOf(pageId), selector).map(plainNode); },
  // A user event (tap, input, …) at the first node `selector` matches; how many handlers ran.
  dispatch(selector, type, detail, pageId) {
    const view = viewOf(pageId);
    const nodes = hostSelect(view, selector);
    if (nodes.length === 0) throw new NodeNotFound('no node matches "' + selector + '" on ' + view.base);
    return userEvent(nodes[0], String(type), isObject(detail) ? detail : {});
  },
  diagnostics() { return { templateErrors: diagnostics.templateErrors.slice(), unknownTags: Object.keys(diagnostics.unknownTags),
    missingComponents: diagnostics.missingComponents.slice() }; },
  stats() { return { apiCalls: Object.assign({}, apiCalls), unsupportedCalls: Object.assign({}, unsupportedCalls), visited: visited.slice() }; },
  // An event from the host (`MiniProgramSession.emit`) to the app's listeners; how many heard it.
  emit(event, payload) { return emit(String(event), payload === undefined ? null : payload); },
}));

/// The mini-program logic layer in JavaScript: `App`, `Page`, `Component`, `Behavior`,
/// `getApp`, `getCurrentPages`, page instances with `setData` (path keys, minimal diffs to the
/// host's render sink), and the headless page stack that navigation drives.
///
/// It is the body of `__hcInstallMiniProgram(config)`; `MiniProgramAPIs.source` follows it in
/// the same function (sharing `internals`). Errors in page hooks and callbacks go to
/// `reportError` with the route and hook as origin (then to `App.onError` and the host); App
/// hooks throw to the container, which reports them the same way.
enum MiniProgramFramework {
    static let source = #"""
      const fixed = (name, value) => Object.defineProperty(globalThis, name, {
        value, writable: false, enumerable: false, configurable: false,
      });
      const report = (error, origin) => globalThis.reportError(error, origin);
      const pages = config.pages, allPages = config.pages.concat(config.subpackagePages);
      const tabPages = new Set(config.tabPages);
      const isObject = (value) => value !== null && typeof value === 'object';
      const isPlain = (value) => isObject(value) && !Array.isArray(value) &&
        (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

      // ---- values: copies, paths, diffs
      function clone(value, depth = 0) {
        if (depth > 100) throw new TypeError('setData: data nests deeper than 100 levels (is there a cycle?)');
        if (typeof value === 'function' || typeof value === 'symbol') return undefined;
        if (!isObject(value)) return value;
        if (Array.isArray(value)) return value.map((item) => { const copy = clone(item, depth + 1); return copy === undefined ? null : copy; });
        if (value instanceof Date) return new Date(value.getTime());
        if (value instanceof ArrayBuffer) return value.slice(0);
        if (ArrayBuffer.isView(value)) return value.slice ? value.slice() : value;
        const copy = {};
        for (const key of Object.keys(value)) {
          const item = clone(value[key], depth + 1);
          if (item !== undefined) copy[key] = item;
        }
        return copy;
      }
      function parsePath(key) {
        const segments = [];
        let i = 0, name = '';
        const fail = () => { throw new Error('setData: "' + key + '" is not a valid data path'); };
        while (i < key.length) {
          const c = key[i];
          if (c === '.') { if (name === '') fail(); segments.push(name); name = ''; i++; if (i === key.length) fail(); }
          else if (c === '[') {
            if (name !== '') { segments.push(name); name = ''; }
            else if (segments.length === 0 || key[i - 1] === '.') fail();
            const close = key.indexOf(']', i);
            if (close < 0) fail();
            const index = key.slice(i + 1, close);
            if (!/^\d+$/.test(index)) fail();
            segments.push(Number(index));
            i = close + 1;
            if (i < key.length && key[i] !== '.' && key[i] !== '[') fail();
            if (key[i] === '.') { i++; if (i === key.length) fail(); }
          } else if (c === ']') fail();
          else { name += c; i++; }
        }
        if (name !== '') segments.push(name);
        if (segments.length === 0) fail();
        return segments;
      }
      function getPath(root, segments) {
        let current = root;
        for (const segment of segments) {
          if (!isObject(current)) return undefined;
          current = current[segment];
        }
        return current;
      }
      function setPath(root, segments, value) {
        let current = root;
        for (let i = 0; i < segments.length - 1; i++) {
          const segment = segments[i];
          if (!isObject(current[segment])) current[segment] = typeof segments[i + 1] === 'number' ? [] : {};
          current = current[segment];
        }
        current[segments[segments.length - 1]] = value;
      }
      const simpleKey = (key) => /^[A-Za-z_$][\w$]*$/.test(key);
      // What the host must apply to turn `before` (its copy) into `after`, as path → value.
      function diffInto(before, after, path, out, depth) {
        if (depth < 32 && isPlain(before) && isPlain(after)) {
          const newKeys = Object.keys(after);
          if (Object.keys(before).some((key) => !(key in after)) || !newKeys.every(simpleKey)) { out[path] = after; return; }
          for (const key of newKeys) diffInto(before[key], after[key], path + '.' + key, out, depth + 1);
          return;
        }
        if (depth < 32 && Array.isArray(before) && Array.isArray(after) && after.length >= before.length) {
          for (let i = 0; i < after.length; i++) diffInto(before[i], after[i], path + '[' + i + ']', out, depth + 1);
          return;
        }
        if (isObject(before) || isObject(after) || !Object.is(before, after)) {
          if (isObject(before) && isObject(after) && JSON.stringify(before) === JSON.stringify(after)) return;
          out[path] = after;
        }
      }

      // ---- rendering: updates go to the host's render sink
      function render(state, kind, extra) {
        try {
          JSBridge.callSync('__hc.render', Object.assign({ pageId: state.id, route: state.route, kind }, extra));
        } catch (error) {
          report(error, 'render of ' + state.route);
        }
      }
      const states = new WeakMap();
      function applySetData(page, changes, callback) {
        const state = states.get(page);
        if (!state) throw new TypeError('setData must be called on a page');
        if (!isObject(changes) || Array.isArray(changes)) throw new TypeError('setData expects an object of path → value');
        if (callback !== undefined && typeof callback !== 'function') throw new TypeError('setData: the callback must be a function');
        if (state.unloaded) { console.warn('setData on ' + state.route + ' after onUnload is ignored'); return; }
        const diff = {};
        const touched = [];
        for (const key of Object.keys(changes)) {
          const segments = parsePath(key);
          if (changes[key] === undefined) { console.warn('setData: "' + key + '" is undefined and is not set'); continue; }
          const value = clone(changes[key]);
          setPath(page.data, segments, value);
          diffInto(getPath(state.rendered, segments), value, key, diff, 0);
          setPath(state.rendered, segments, clone(value));
          touched.push(segments);
        }
        if (Object.keys(diff).length > 0) render(state, 'diff', { data: diff });
        runObservers(page, state, touched);
        if (callback) Promise.resolve().then(() => {
          try { callback.call(page); } catch (error) { report(error, state.route + ' setData callback'); }
        });
      }
      function runObservers(page, state, touched) {
        for (const [fields, handler] of state.observers) {
          const hit = fields.some((field) => field === '**' || touched.some((segments) => {
            const root = String(segments[0]);
            return field === root || field.startsWith(root + '.') || field.startsWith(root + '[') || field === root + '.**';
          }));
          if (!hit) continue;
          try {
            handler.apply(page, fields.map((field) => field === '**' ? page.data : getPath(page.data, parsePath(field.replace(/\.\*\*$/, '')))));
          } catch (error) { report(error, state.route + ' observer "' + fields.join(', ') + '"'); }
        }
      }

      // ---- definitions: App, Page, Component, Behavior
      let app = null;
      const definitions = new Map();
      const components = new Map();
      let loadingRoute = null;
      function callerFile() {
        for (const frame of String(new Error().stack || '').split('\n')) {
          const match = /@(.+):\d+:\d+$/.exec(frame);
          if (match && !match[1].startsWith('hybrid://')) return match[1];
        }
        return null;
      }
      const routeOf = (file) => file === null ? null : file.replace(/\.(m|c)?js$/, '');
      fixed('App', function App(definition) {
        if (app !== null) throw new Error('App() may be called only once');
        if (!isObject(definition)) throw new TypeError('App() expects an object');
        app = definition;
        return definition;
      });
      fixed('getApp', function getApp(options) {
        if (app === null && options && options.allowDefault) return {};
        return app;
      });
      fixed('Page', function Page(definition) {
        if (!isObject(definition)) throw new TypeError('Page() expects an object');
        register(definition, 'page');
      });
      fixed('Component', function Component(definition) {
        if (!isObject(definition)) throw new TypeError('Component() expects an object');
        const file = callerFile();
        const route = routeOf(file);
        if (route !== null && allPages.includes(route) && !definitions.has(route)) return register(definition, 'component');
        components.set(file || ('component ' + (components.size + 1)), definition);
      });
      const behaviorMark = Symbol('Behavior');
      fixed('Behavior', function Behavior(definition) {
        if (!isObject(definition)) throw new TypeError('Behavior() expects an object');
        return Object.freeze({ [behaviorMark]: true, definition });
      });
      function register(definition, kind) {
        const route = routeOf(callerFile()) || loadingRoute;
        if (route === null || !allPages.includes(route)) {
          throw new Error((kind === 'page' ? 'Page()' : 'Component()') + ' was called from ' + (route || 'an unknown file') +
            ', which is not a page listed in app.json');
        }
        if (definitions.has(route)) throw new Error('the page ' + route + ' is registered twice');
        definitions.set(route, { kind, definition });
      }
      function definitionOf(route) {
        if (!definitions.has(route)) {
          loadingRoute = route;
          try { require('/' + route + '.js'); } finally { loadingRoute = null; }
          if (!definitions.has(route)) throw new Error(route + '.js did not call Page() or Component()');
        }
        return definitions.get(route);
      }

      // Flattens behaviors (WeChat) and mixins (Alipay), depth first, each once.
      function mergeComponent(definition) {
        const merged = { data: {}, methods: {}, properties: {}, observers: [], lifetimes: {}, pageLifetimes: {} };
        const seen = new Set();
        const lifetimeNames = { created: 'created', attached: 'attached', ready: 'ready', detached: 'detached',
          onInit: 'created', didMount: 'ready', didUnmount: 'detached' };
        const add = (table, name, fn) => { if (typeof fn === 'function') (table[name] = table[name] || []).push(fn); };
        function visit(part) {
          const source = part && part[behaviorMark] ? part.definition : part;
          if (!isObject(source) || seen.has(source)) return;
          seen.add(source);
          for (const inner of [].concat(source.behaviors || [], source.mixins || [])) visit(inner);
          Object.assign(merged.data, clone(source.data || {}));
          Object.assign(merged.properties, source.properties || {}, source.props ? Object.fromEntries(
            Object.entries(source.props).map(([key, value]) => [key, { value }])) : {});
          Object.assign(merged.methods, source.methods || {});
          for (const [name, alias] of Object.entries(lifetimeNames)) {
            add(merged.lifetimes, alias, (source.lifetimes && source.lifetimes[name]) || source[name]);
          }
          for (const name of ['show', 'hide']) add(merged.pageLifetimes, name, source.pageLifetimes && source.pageLifetimes[name]);
          for (const [key, handler] of Object.entries(source.observers || {})) {
            if (typeof handler === 'function') merged.observers.push([key.split(',').map((field) => field.trim()), handler]);
          }
        }
        visit(definition);
        return merged;
      }
      function propertyValue(spec, raw) {
        const type = typeof spec === 'function' ? spec : spec && spec.type;
        if (raw === undefined) {
          if (spec && typeof spec === 'object' && 'value' in spec) return clone(spec.value);
          return type === Number ? 0 : type === Boolean ? false : type === String ? '' : type === Array ? [] : type === Object ? null : null;
        }
        if (type === Number) return Number(raw);
        if (type === Boolean) return raw === 'true' || raw === '1';
        return raw;
      }

      // ---- page instances
      let nextPageId = 1;
      const pagePrototype = {
        setData(changes, callback) { applySetData(this, changes, callback); },
        // Alipay: { 'list': [start, deleteCount, ...items] } splices arrays at data paths.
        $spliceData(operations, callback) {
          if (!isObject(operations)) throw new TypeError('$spliceData expects an object of path → [start, deleteCount, ...items]');
          const changes = {};
          for (const key of Object.keys(operations)) {
            const operation = operations[key];
            if (!Array.isArray(operation) || typeof operation[0] !== 'number') throw new TypeError('$spliceData: "' + key + '" needs [start, deleteCount, ...items]');
            const current = getPath(this.data, parsePath(key));
            const list = Array.isArray(current) ? current.slice() : [];
            list.splice(operation[0], operation[1] === undefined ? 0 : operation[1], ...operation.slice(2));
            changes[key] = list;
          }
          applySetData(this, changes, callback);
        },
        selectComponent() { return null; },
        selectAllComponents() { return []; },
        createSelectorQuery() { return internals.uiObject('SelectorQuery'); },
        createIntersectionObserver() { return internals.uiObject('IntersectionObserver'); },
      };
      function makePage(route, query) {
        const { kind, definition } = definitionOf(route);
        const page = Object.create(pagePrototype);
        const state = { id: nextPageId++, route, query, rendered: null, observers: [], shown: false, unloaded: false, hooks: null };
        Object.defineProperty(page, 'route', { value: route, enumerable: true });
        Object.defineProperty(page, '__route__', { value: route });
        Object.defineProperty(page, '$id', { value: state.id });
        page.options = Object.assign({}, query);
        if (kind === 'page') {
          for (const key of Object.keys(definition)) {
            if (key === 'data') continue;
            const value = definition[key];
            page[key] = typeof value === 'function' ? value.bind(page) : clone(value);
          }
          page.data = clone(definition.data || {});
          const call = (name) => (arg) => typeof page[name] === 'function' ? page[name](arg) : undefined;
          state.hooks = { load: [call('onLoad')], show: [call('onShow')], ready: [call('onReady')], hide: [call('onHide')], unload: [call('onUnload')] };
        } else {
          const merged = mergeComponent(definition);
          const data = merged.data;
          for (const [name, spec] of Object.entries(merged.properties)) {
            data[name] = propertyValue(spec, query[name]);
          }
          page.data = data;
          Object.defineProperty(page, 'properties', { get() { return page.data; } });
          page.is = route;
          for (const [name, fn] of Object.entries(merged.methods)) {
            if (typeof fn === 'function') page[name] = fn.bind(page);
          }
          const each = (list) => (list || []).map((fn) => (arg) => fn.call(page, arg));
          const method = (name) => (arg) => typeof page[name] === 'function' ? page[name](arg) : undefined;
          state.hooks = {
            load: each(merged.lifetimes.created).concat(each(merged.lifetimes.attached), [method('onLoad')]),
            show: [method('onShow')].concat(each(merged.pageLifetimes.show)),
            ready: each(merged.lifetimes.ready).concat([method('onReady')]),
            hide: [method('onHide')].concat(each(merged.pageLifetimes.hide)),
            unload: [method('onUnload')].concat(each(merged.lifetimes.detached)),
          };
          state.observers = merged.observers;
        }
        state.rendered = clone(page.data);
        states.set(page, state);
        return page;
      }
      const hookNames = { load: 'onLoad', show: 'onShow', ready: 'onReady', hide: 'onHide', unload: 'onUnload' };
      function runHooks(page, phase, argument) {
        const state = states.get(page);
        for (const hook of state.hooks[phase]) {
          try {
            const result = hook(argument);
            if (result && typeof result.then === 'function') {
              result.then(undefined, (error) => report(error, state.route + ' ' + hookNames[phase]));
            }
          } catch (error) {
            report(error, state.route + ' ' + hookNames[phase]);
          }
        }
      }

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
        render(state, 'load', { data: state.rendered, query });
        runHooks(page, 'load', Object.assign({}, query));
        show(page);
        render(state, 'ready', {});
        runHooks(page, 'ready');
        return page;
      }
      function show(page) {
        const state = states.get(page);
        if (state.shown) return;
        state.shown = true;
        render(state, 'show', {});
        runHooks(page, 'show');
      }
      function hide(page) {
        const state = states.get(page);
        if (!state.shown) return;
        state.shown = false;
        runHooks(page, 'hide');
        render(state, 'hide', {});
      }
      function unload(page) {
        const state = states.get(page);
        if (state.unloaded) return;
        runHooks(page, 'unload');
        state.unloaded = true;
        state.shown = false;
        render(state, 'unload', {});
      }
      class NavigationError extends Error {}
      NavigationError.prototype.name = 'NavigationError';
      function join(base, path) {
        const parts = base === '' ? [] : base.split('/');
        for (const segment of path.split('/')) {
          if (segment === '' || segment === '.') continue;
          if (segment === '..') { if (parts.length === 0) throw new NavigationError('"' + path + '" leaves the package'); parts.pop(); continue; }
          parts.push(segment);
        }
        return parts.join('/');
      }
      function parseURL(url) {
        if (typeof url !== 'string' || url === '') throw new NavigationError('url must be a non-empty string');
        const mark = url.indexOf('?');
        const path = mark < 0 ? url : url.slice(0, mark);
        const search = mark < 0 ? '' : url.slice(mark + 1);
        const current = top();
        const base = path.startsWith('/') || !current ? '' : current.route.slice(0, Math.max(0, current.route.lastIndexOf('/')));
        const route = join(base, path).replace(/\.js$/, '');
        if (!allPages.includes(route)) throw new NavigationError('page "' + route + '" is not found in app.json');
        const query = {};
        for (const pair of search.split('&')) {
          if (pair === '') continue;
          const equals = pair.indexOf('=');
          const decode = (text) => { try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (e) { return text; } };
          const key = decode(equals < 0 ? pair : pair.slice(0, equals));
          query[key] = equals < 0 ? '' : decode(pair.slice(equals + 1));
        }
        return { route, query };
      }
      function unloadAll() {
        while (stack.length > 0) {
          const page = stack.pop();
          hiddenTabs.delete(page.route);
          unload(page);
        }
        for (const page of hiddenTabs.values()) unload(page);
        hiddenTabs.clear();
      }
      const navigation = {
        navigateTo(url) {
          const { route, query } = parseURL(url);
          if (tabPages.has(route)) throw new NavigationError('can not navigateTo a tab page (' + route + '); use switchTab');
          if (stack.length >= maximumStack) throw new NavigationError('the page stack is full (' + maximumStack + ' pages)');
          if (top()) hide(top());
          load(route, query);
        },
        redirectTo(url) {
          const { route, query } = parseURL(url);
          if (tabPages.has(route)) throw new NavigationError('can not redirectTo a tab page (' + route + '); use switchTab');
          const current = stack.pop();
          if (current) { hide(current); unload(current); }
          load(route, query);
        },
        navigateBack(delta) {
          const steps = delta === undefined ? 1 : Math.floor(Number(delta));
          if (!(steps >= 1)) throw new NavigationError('delta must be a number ≥ 1');
          if (stack.length <= 1) throw new NavigationError('there is no page to go back to');
          const count = Math.min(steps, stack.length - 1);
          hide(top());
          for (let i = 0; i < count; i++) unload(stack.pop());
          show(top());
        },
        reLaunch(url) {
          const { route, query } = parseURL(url);
          if (top()) hide(top());
          unloadAll();
          load(route, query);
        },
        switchTab(url) {
          const { route, query } = parseURL(url);
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

      // ---- the app's lifecycle, as the container drives it
      let launchOptions = null;
      let opened = false;
      const callApp = (name, argument) => app !== null && typeof app[name] === 'function' ? app[name](argument) : undefined;
      fixed('__hcHasApp', function () { return app !== null; });
      fixed('__hcInvokeHook', function (name, argument) {
        switch (name) {
          case 'onLaunch': {
            const { query = {}, ...rest } = argument || {};
            launchOptions = Object.assign({ path: config.entryPage, query, scene: 0, referrerInfo: {} }, rest);
            return callApp('onLaunch', Object.assign({}, launchOptions));
          }
          case 'onStart': {
            const result = callApp('onShow', Object.assign({}, launchOptions));
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
            return callApp('onHide');
          case 'onDestroy':
            if (top()) hide(top());
            unloadAll();
            return callApp('onDestroy');
          case 'onError': {
            const failure = argument || {};
            if (failure.origin === 'unhandled rejection' && app !== null && typeof app.onUnhandledRejection === 'function') {
              return app.onUnhandledRejection({ reason: failure.message, promise: undefined });
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
      const describe = (page) => ({ id: page.$id, route: page.route, query: Object.assign({}, states.get(page).query) });
      fixed('__hcMini', Object.freeze({
        loadMainPages() { for (const route of pages) definitionOf(route); },
        navigate(action, url, delta) {
          if (!Object.prototype.hasOwnProperty.call(navigation, action)) throw new NavigationError('unknown navigation ' + action);
          if (action === 'navigateBack') navigation.navigateBack(delta); else navigation[action](url);
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
        stats() { return { apiCalls: Object.assign({}, internals.apiCalls), visited: visited.slice() }; },
      }));
      const internals = { navigation, NavigationError, clone, apiCalls: Object.create(null), uiObject: null,
        launchOptions: () => Object.assign({}, launchOptions) };
    """#
}

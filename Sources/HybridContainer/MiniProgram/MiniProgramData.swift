/// Part of the mini-program logic layer (see `MiniProgramInstaller`): shared helpers, value
/// copies, data paths, the minimal diff against what the host has, the render sink calls and
/// `setData` itself with its observers.
enum MiniProgramData {
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
          hcBridge.callSync('__hc.render', Object.assign({ pageId: state.id, route: state.route, kind }, extra));
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

    """#
}

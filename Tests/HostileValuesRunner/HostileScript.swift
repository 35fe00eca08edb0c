// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The JavaScript of the hostile-values run: for every built-in JSAPI, a valid call (permission
/// granted, domain allowed, server up) with one field at a time replaced by each hostile value;
/// then timers and console with the same values. `__SERVER__` is the local server's base URL.
enum HostileScript {
    static func source(server: String, only: String?) -> String {
        let filter = only.map { "'\($0)'" } ?? "null"
        return #"""
            (async () => {
              const SERVER = '__SERVER__';
              const ONLY = __ONLY__;
              const base = {
                request: { url: SERVER + '/ok', method: 'POST', headers: { 'X-Test': '1' }, data: { a: 1 }, dataType: 'json', timeout: 5000, redirect: 'follow' },
                setStorage: { key: 'k', data: { n: 1, s: 'x' } },
                getStorage: { key: 'k' },
                removeStorage: { key: 'k' },
                clearStorage: {},
                getStorageInfo: {},
                postNotification: { name: 'note', data: { a: 1 } },
                getConfig: { key: 'flag' },
                reportEvent: { name: 'event', data: { a: 1 } },
                openApp: { appId: 'bystander', query: { a: '1' } },
                getSystemInfo: {},
                getAppInfo: {},
                'fs.mkdir': { dirPath: 'wxfile://usr/d', recursive: true },
                'fs.writeFile': { filePath: 'wxfile://usr/d/h.txt', data: 'hello', encoding: 'utf8' },
                'fs.appendFile': { filePath: 'wxfile://usr/d/h.txt', data: '!', encoding: 'utf8' },
                'fs.readFile': { filePath: 'wxfile://usr/d/h.txt', encoding: 'utf8', position: 0, length: 3 },
                'fs.copyFile': { srcPath: 'wxfile://usr/d/h.txt', destPath: 'wxfile://usr/d/c.txt' },
                'fs.rename': { oldPath: 'wxfile://usr/d/c.txt', newPath: 'wxfile://usr/d/r.txt' },
                'fs.readdir': { dirPath: 'wxfile://usr/d' },
                'fs.stat': { path: 'wxfile://usr/d/h.txt' },
                'fs.access': { path: 'wxfile://usr/d/h.txt' },
                'fs.getFileInfo': { filePath: 'wxfile://usr/d/h.txt' },
                'fs.saveFile': { tempFilePath: 'wxfile://usr/d/r.txt', filePath: 'wxfile://store/saved.txt' },
                'fs.getSavedFileList': {},
                'fs.removeSavedFile': { filePath: 'wxfile://store/saved.txt' },
                'fs.unlink': { filePath: 'wxfile://usr/d/h.txt' },
                'fs.rmdir': { dirPath: 'wxfile://usr/d', recursive: true },
                'socket.connect': { socketId: 7, url: SERVER.replace('http:', 'ws:') + '/ws', header: { 'X-Test': '1' }, protocols: ['p'] },
                'socket.send': { socketId: 7, data: 'x' },
                'socket.close': { socketId: 7, code: 1000, reason: 'done' },
              };
              const syncVariants = ['setStorage', 'getStorage', 'removeStorage', 'clearStorage', 'getStorageInfo',
                'fs.mkdir', 'fs.writeFile', 'fs.readFile', 'fs.stat', 'fs.readdir', 'fs.rmdir'];
              const syncOnly = new Set(['getConfig', 'getSystemInfo', 'getAppInfo']);
              const deep = () => { let v = {}; for (let i = 0; i < 10000; i++) v = { a: v }; return v; };
              const cycle = () => { const o = { n: 1 }; o.a = o; o.b = o; o.c = [o, o]; return o; };
              const wide = () => { const a = []; a.push(a, a, a, a); return a; };
              const values = [
                ['+Infinity', () => Infinity], ['-Infinity', () => -Infinity], ['NaN', () => NaN], ['-0', () => -0],
                ['1e308', () => 1e308], ['-1e308', () => -1e308], ['2**64', () => 2 ** 64], ['-1', () => -1], ['1.5', () => 1.5],
                ['1e15', () => 1e15], ['1e20', () => 1e20],
                ['empty string', () => ''], ['10 MB string', () => 'x'.repeat(10 << 20)], ['[]', () => []], ['{}', () => ({})],
                ['null', () => null], ['undefined', () => undefined], ['true', () => true], ['nested 10,000 deep', deep],
                ['Proxy throwing', () => new Proxy({}, { get() { throw new Error('get trap'); }, ownKeys() { throw new Error('ownKeys trap'); }, getOwnPropertyDescriptor() { throw new Error('descriptor trap'); } })],
                ['Proxy array length 1e20', () => new Proxy([], { get(t, k) { return k === 'length' ? 1e20 : undefined; } })],
                ['Proxy array length NaN', () => new Proxy([1], { get(t, k) { return k === 'length' ? NaN : t[k]; } })],
                ['throwing getter', () => ({ get a() { throw new Error('getter'); }, b: 1 })],
                ['throwing toJSON', () => ({ toJSON() { throw new Error('toJSON'); } })],
                ['cycle', cycle], ['wide cyclic array', wide],
                ['ArrayBuffer', () => new ArrayBuffer(16)], ['Uint8Array', () => new Uint8Array([1, 2, 3])],
                ['CR/LF string', () => 'a\r\nInjected: 1'], ['NUL string', () => 'a\u0000b'],
                ['symbol', () => Symbol('s')], ['function', () => function () {}], ['BigInt', () => 2n ** 70n],
                ['lone surrogate', () => '\ud800x'],
              ];
              const extraHeaders = [
                ['CR/LF in header name', () => ({ 'X-A\r\nInjected': '1' })],
                ['CR/LF in header value', () => ({ 'X-A': 'v\r\nInjected: 1' })],
                ['NUL in header value', () => ({ 'X-A': 'v\u0000' })],
                ['Host header', () => ({ Host: 'localhost' })],
                ['Content-Length header', () => ({ 'Content-Length': '1' })],
                ['Transfer-Encoding header', () => ({ 'Transfer-Encoding': 'chunked' })],
                ['Proxy-Authorization header', () => ({ 'Proxy-Authorization': 'x' })],
                ['number header value', () => ({ 'X-A': 1e308 })],
              ];
              const ok = (code) => code === 0 || (code >= 1 && code <= 6) || code >= 1000;
              let cases = 0, failures = [];
              const record = (label, code) => {
                cases++;
                hv.end(label, code);
                if (!ok(code)) failures.push(label + ' → ' + String(code));
              };
              const guard = (promise) => new Promise((resolve) => {
                const timer = setTimeout(() => resolve('unsettled'), 20000);
                promise.then(() => { clearTimeout(timer); resolve(0); },
                             (e) => { clearTimeout(timer); resolve(e && typeof e.error === 'number' ? e.error : 'rejected without a code: ' + String(e)); });
              });
              async function invoke(api, params, label) {
                hv.begin(label);
                if (syncOnly.has(api) || api.endsWith('Sync')) {
                  let code;
                  try { JSBridge.callSync(api, params); code = 0; }
                  catch (e) { code = e && typeof e.error === 'number' ? e.error : 'threw without a code: ' + String(e); }
                  record(label, code);
                  if (syncOnly.has(api)) { hv.begin(label + ' (async)'); record(label + ' (async)', await guard(JSBridge.call(api, params))); }
                  return;
                }
                let promise;
                try { promise = JSBridge.call(api, params); } catch (e) { record(label, 'JSBridge.call threw: ' + String(e)); return; }
                record(label, await guard(promise));
              }
              const apis = [];
              for (const api of Object.keys(base)) {
                apis.push(api);
                if (syncVariants.includes(api)) apis.push(api + 'Sync');
              }
              for (const api of apis) {
                const valid = base[api.replace(/Sync$/, '')];
                if (ONLY !== null && api !== ONLY) continue;
                await invoke(api, valid, api + ' valid');
                for (const [name, make] of values) {
                  await invoke(api, make(), api + ' params=' + name);
                  for (const field of Object.keys(valid)) {
                    const params = Object.assign({}, valid);
                    params[field] = make();
                    await invoke(api, params, api + ' ' + field + '=' + name);
                  }
                }
                if (api === 'request') {
                  for (const [name, make] of extraHeaders) await invoke(api, Object.assign({}, valid, { headers: make() }), 'request headers=' + name);
                }
              }
              if (ONLY === null || ONLY === 'timers') {
                for (const [name, make] of values) {
                  hv.begin('timers ' + name);
                  let code = 0;
                  try {
                    const v = make();
                    const a = setTimeout(() => {}, v); clearTimeout(a);
                    const b = setInterval(() => {}, v); clearInterval(b);
                    clearTimeout(v); clearInterval(v);
                    const c = setTimeout(() => {}, v); clearTimeout(c);
                  } catch (e) { code = 2; }
                  record('timers ' + name, code);
                }
              }
              if (ONLY === null || ONLY === 'console') {
                for (const [name, make] of values) {
                  hv.begin('console ' + name);
                  let code = 0;
                  try {
                    const v = make();
                    console.log(v); console.log('%d', v); console.log('%i %f %s %o %j', v, v, v, v, v); console.info([v, { v }]);
                  } catch (e) { code = 2; }
                  record('console ' + name, code);
                }
              }
              return { cases, failures };
            })()
            """#.replacingOccurrences(of: "__SERVER__", with: server).replacingOccurrences(of: "__ONLY__", with: filter)
    }
}

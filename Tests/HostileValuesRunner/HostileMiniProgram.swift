// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The mini-program batch of the hostile-values run: `wx.*` and `my.*` APIs (storage, request,
/// UI through the host's delegate, navigation) and `setData`, each with one option replaced by
/// each hostile value. Every async call must complete (promise settled, `complete` called), every
/// sync call must return or throw an error object with `errMsg`/`errorMessage`.
enum HostileMiniProgram {
    static let appJSON = #"{"pages": ["pages/index", "pages/other"]}"#

    static func page(server: String) -> String {
        #"""
        const SERVER = '__SERVER__';
        Page({
          data: { n: 0 },
          async hostile() {
            const deep = () => { let v = {}; for (let i = 0; i < 10000; i++) v = { a: v }; return v; };
            const cycle = () => { const o = {}; o.a = o; o.b = o; return o; };
            const values = [Infinity, -Infinity, NaN, -0, 1e308, -1e308, 2 ** 64, -1, 1.5, 1e20, '', 'x'.repeat(1 << 20), [], {}, null,
              undefined, true, deep(), cycle(), new ArrayBuffer(8), 'a\r\nb', 'a\u0000b', Symbol('s'), function () {}, 10n,
              new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('keys'); } }),
              { get a() { throw new Error('getter'); } }];
            const asyncCalls = [
              ['setStorage', { key: 'k', data: { a: 1 } }], ['getStorage', { key: 'k' }], ['removeStorage', { key: 'k' }],
              ['request', { url: SERVER + '/ok', method: 'POST', data: { a: 1 }, header: { 'X-A': '1' }, timeout: 3000, dataType: 'json' }],
              ['showToast', { title: 'hi', icon: 'none', duration: 1500 }], ['showModal', { title: 't', content: 'c' }],
              ['showActionSheet', { itemList: ['a', 'b'] }], ['navigateTo', { url: '/pages/other?x=1' }],
              ['redirectTo', { url: '/pages/other' }], ['navigateBack', { delta: 1 }], ['switchTab', { url: '/pages/index' }],
              ['reLaunch', { url: '/pages/index' }], ['getSystemInfo', {}],
            ];
            // Files, transfers and sockets (wx only: my.* goes through the same code), each from a valid call.
            const file = 'wxfile://usr/h.txt';
            const wxOnlyCalls = [
              ['fs.writeFile', { filePath: file, data: 'hello', encoding: 'utf8' }],
              ['fs.readFile', { filePath: file, encoding: 'utf8', position: 0, length: 3 }],
              ['fs.appendFile', { filePath: file, data: '!', encoding: 'utf8' }],
              ['fs.copyFile', { srcPath: file, destPath: 'wxfile://usr/c.txt' }],
              ['fs.rename', { oldPath: 'wxfile://usr/c.txt', newPath: 'wxfile://usr/d.txt' }],
              ['fs.mkdir', { dirPath: 'wxfile://usr/dir/sub', recursive: true }],
              ['fs.readdir', { dirPath: 'wxfile://usr' }], ['fs.stat', { path: file }], ['fs.access', { path: file }],
              ['fs.unlink', { filePath: 'wxfile://usr/d.txt' }], ['fs.rmdir', { dirPath: 'wxfile://usr/dir', recursive: true }],
              ['getFileInfo', { filePath: file }], ['saveFile', { tempFilePath: 'wxfile://usr/d.txt', filePath: 'wxfile://usr/s.txt' }],
              ['downloadFile', { url: SERVER + '/ok', header: { 'X-A': '1' }, timeout: 3000 }],
              ['uploadFile', { url: SERVER + '/ok', filePath: file, name: 'f', formData: { a: '1' }, timeout: 3000 }],
              ['connectSocket', { url: 'ws://127.0.0.1:9/x', header: { 'X-A': '1' }, protocols: ['p'] }],
            ];
            const wxOnlySyncCalls = [
              ['fs.writeFileSync', [file, 'hello', 'utf8']], ['fs.readFileSync', [file, 'utf8', 0, 3]],
              ['fs.appendFileSync', [file, '!', 'utf8']], ['fs.copyFileSync', [file, 'wxfile://usr/c.txt']],
              ['fs.renameSync', ['wxfile://usr/c.txt', 'wxfile://usr/d.txt']], ['fs.mkdirSync', ['wxfile://usr/dir2', true]],
              ['fs.statSync', [file]], ['fs.readdirSync', ['wxfile://usr']], ['fs.unlinkSync', ['wxfile://usr/d.txt']],
            ];
            // `fs.x` is the file system manager's method x; anything else the namespace's own.
            const target = (api, name) => name.startsWith('fs.') ? [api.getFileSystemManager(), name.slice(3)] : [api, name];
            const syncCalls = [
              ['setStorageSync', ['k', { a: 1 }]], ['getStorageSync', ['k']], ['removeStorageSync', ['k']],
              ['getSystemInfoSync', []], ['getStorageInfoSync', []], ['reportAnalytics', ['e', { a: 1 }]],
            ];
            const describe = (v) => {
              if (typeof v === 'symbol') return 'symbol';
              if (typeof v === 'bigint') return 'bigint';
              try { const text = String(v); return text.length > 20 ? text.slice(0, 20) + '…' : text; } catch { return 'unprintable'; }
            };
            let cases = 0;
            const failures = [];
            const settle = (start) => new Promise((resolve) => {
              const timer = setTimeout(() => resolve('unsettled'), 20000);
              try {
                start((result) => { clearTimeout(timer); resolve(result); });
              } catch (e) { clearTimeout(timer); resolve('threw ' + String(e && (e.errMsg || e.errorMessage || e.message))); }
            });
            for (const ns of ['wx', 'my']) {
              const api = globalThis[ns];
              for (const [name, valid] of ns === 'wx' ? asyncCalls.concat(wxOnlyCalls) : asyncCalls) {
                const [owner, method] = target(api, name);
                if (typeof owner[method] !== 'function') continue;   // e.g. my.showModal: Alipay's is my.confirm
                for (const field of [null, ...Object.keys(valid)]) {
                  for (const value of values) {
                    const options = field === null ? value : Object.assign({}, valid, { [field]: value });
                    const label = ns + '.' + name + ' ' + (field || 'options') + '=' + describe(value);
                    hv.begin(label);
                    const outcome = await settle((done) => {
                      // Options that throw when read (Proxy traps, getters) throw the app's own
                      // error back at it, synchronously: that is settled too.
                      let withCallbacks = options;
                      try {
                        if (options && typeof options === 'object') withCallbacks = Object.assign({}, options, { complete: () => done('complete') });
                      } catch (own) { withCallbacks = options; }
                      let returned;
                      try { returned = owner[method](withCallbacks); }
                      catch (e) { if (e && ['trap', 'keys', 'getter'].includes(e.message)) { done('complete'); return; } throw e; }
                      if (returned && typeof returned.then === 'function') returned.then(() => done('complete'), () => done('complete'));
                      else if (withCallbacks === options) done('complete');
                    });
                    cases++;
                    hv.end(label, outcome === 'complete' ? 0 : String(outcome));
                    if (outcome !== 'complete') failures.push(label + ' → ' + outcome);
                    // Navigation moves away: come back to this page so the batch goes on here.
                    if (getCurrentPages().length > 1 || getCurrentPages()[0].route !== 'pages/index') {
                      await new Promise((resolve) => wx.reLaunch({ url: '/pages/index', complete: resolve }));
                    }
                  }
                }
              }
              for (const [name, args] of ns === 'wx' ? syncCalls.concat(wxOnlySyncCalls) : syncCalls) {
                const [owner, method] = target(api, name);
                if (typeof owner[method] !== 'function') continue;
                for (let position = 0; position < Math.max(1, args.length); position++) {
                  for (const value of values) {
                    const list = args.slice();
                    list[position] = value;
                    const label = ns + '.' + name + ' arg' + position + '=' + describe(value);
                    hv.begin(label);
                    let outcome = 0;
                    try { owner[method](...list); }
                    catch (e) { if (!(e && (typeof e.errMsg === 'string' || typeof e.errorMessage === 'string' || typeof e.message === 'string'))) outcome = 'threw ' + String(e); }
                    cases++;
                    hv.end(label, outcome);
                    if (outcome !== 0) failures.push(label + ' → ' + outcome);
                  }
                }
              }
            }
            const page = getCurrentPages()[0];
            for (const value of values) {
              hv.begin('setData ' + describe(value));
              let outcome = 0;
              try { page.setData({ v: value, 'path.x': value, list: [value] }); }
              catch (e) { if (!(e && typeof e.message === 'string')) outcome = 'threw ' + String(e); }
              cases++;
              hv.end('setData', outcome);
              if (outcome !== 0) failures.push('setData → ' + outcome);
            }
            return { cases, failures };
          },
        });
        """#.replacingOccurrences(of: "__SERVER__", with: server)
    }
}

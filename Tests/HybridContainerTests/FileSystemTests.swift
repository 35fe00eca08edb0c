// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import LoopbackServer
import Testing

@Suite("Each app's file system (getFileSystemManager)")
struct FileSystemTests {
    @Test("read, write, append, copy, rename, unlink, mkdir, readdir, stat, access, saveFile, in both platforms' shapes")
    func operations() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/index.js": "Page({})"])
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const fs = wx.getFileSystemManager();
              const dir = wx.env.USER_DATA_PATH;
              const out = {};
              fs.mkdirSync(dir + '/notes');
              fs.writeFileSync(dir + '/notes/a.txt', 'héllo', 'utf8');
              fs.appendFileSync(dir + '/notes/a.txt', ' world');
              out.text = fs.readFileSync(dir + '/notes/a.txt', 'utf8');
              out.part = fs.readFileSync(dir + '/notes/a.txt', 'utf8', 1, 3);
              out.base64 = fs.readFileSync(dir + '/notes/a.txt', 'base64');
              await fs.writeFile({ filePath: dir + '/notes/b.bin', data: new Uint8Array([1, 2, 255]).buffer });
              out.bytes = Array.from(new Uint8Array((await fs.readFile({ filePath: dir + '/notes/b.bin' })).data));
              fs.copyFileSync(dir + '/notes/a.txt', dir + '/notes/c.txt');
              fs.renameSync(dir + '/notes/c.txt', dir + '/notes/d.txt');
              out.listing = fs.readdirSync(dir + '/notes');
              const stats = fs.statSync(dir + '/notes/d.txt');
              out.stat = [stats.isFile(), stats.isDirectory(), stats.size];
              fs.unlinkSync(dir + '/notes/d.txt');
              out.access = await fs.access({ path: dir + '/notes/d.txt' }).catch((e) => e.errMsg);
              try { fs.rmdirSync(dir + '/notes'); } catch (e) { out.notEmpty = e.errMsg; }
              out.escape = await fs.readFile({ filePath: dir + '/../../etc/passwd' }).catch((e) => e.errMsg);
              out.absolute = await fs.readFile({ filePath: '/etc/passwd' }).catch((e) => e.errMsg);
              const saved = await wx.saveFile({ tempFilePath: dir + '/notes/b.bin' });
              out.saved = saved.savedFilePath.startsWith('wxfile://store/');
              out.savedList = (await wx.getSavedFileList()).fileList.length;
              out.info = (await wx.getFileInfo({ filePath: saved.savedFilePath })).size;
              const mine = my.getFileSystemManager();
              out.alipay = mine.readFileSync({ filePath: 'https://usr/notes/a.txt', encoding: 'utf8' });
              out.alipayMissing = await mine.readFile({ filePath: 'https://usr/none' }).catch((e) => [e.error, e.errorMessage]);
              out.canIUse = [wx.canIUse('getFileSystemManager'), typeof fs.openSync, typeof fs.unzip];
              return out;
            })()
            """)
        #expect(out["text"] == "héllo world")
        #expect(out["part"] == "él")  // position and length count bytes
        #expect(out["base64"] == .string(Data("héllo world".utf8).base64EncodedString()))
        #expect(out["bytes"] == [1, 2, 255])
        #expect(out["listing"] == ["a.txt", "b.bin", "d.txt"])
        #expect(out["stat"] == [true, false, 12])
        #expect(out["access"] == "access:fail no such file or directory, access wxfile://usr/notes/d.txt")
        #expect(out["notEmpty"] == "rmdirSync:fail directory not empty, rmdir wxfile://usr/notes")
        #expect(out["escape"]?.stringValue?.contains("outside the app's folder") == true, "\(out)")
        #expect(out["absolute"]?.stringValue?.contains("is not one of the app's files") == true, "\(out)")
        #expect(out["saved"] == true)
        #expect(out["savedList"] == 1)
        #expect(out["info"] == 3)
        #expect(out["alipay"] == ["data": "héllo world"])
        #expect(out["alipayMissing"] == [1_300_002, "no such file or directory, open https://usr/none"])
        #expect(out["canIUse"] == [true, "function", "function"])
        await harness.container.shutdown()
    }

    @Test("hostile lengths, a file onto itself and over-long names: the file stays, the error is typed and names no host path")
    func hostileFileCalls() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/index.js": "Page({})"])
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const fs = wx.getFileSystemManager();
              const dir = wx.env.USER_DATA_PATH;
              const out = {};
              fs.writeFileSync(dir + '/big.txt', 'x'.repeat(2000), 'utf8');
              out.syncTail = fs.readFileSync(dir + '/big.txt', 'utf8', 1500, 2 ** 63 - 1024).length;
              out.asyncTail = (await fs.readFile({ filePath: dir + '/big.txt', encoding: 'utf8', position: 1999, length: Number.MAX_SAFE_INTEGER })).data.length;
              out.pastEnd = fs.readFileSync(dir + '/big.txt', 'utf8', 5000, 10).length;
              fs.writeFileSync(dir + '/bytes.bin', new Uint8Array([0, 15, 16, 171, 255]).buffer);
              out.hex = fs.readFileSync(dir + '/bytes.bin', 'hex');
              fs.renameSync(dir + '/big.txt', dir + '/big.txt');
              fs.copyFileSync(dir + '/big.txt', dir + '/big.txt');
              out.saved = (await wx.saveFile({ tempFilePath: dir + '/big.txt', filePath: dir + '/big.txt' })).savedFilePath === dir + '/big.txt';
              out.kept = fs.statSync(dir + '/big.txt').size;
              const long = dir + '/' + 'n'.repeat(300) + '.txt';
              try { fs.writeFileSync(long, 'a', 'utf8'); } catch (e) { out.longWrite = e.errMsg; }
              out.longRename = await fs.rename({ oldPath: dir + '/big.txt', newPath: long }).catch((e) => e.errMsg);
              out.stillThere = fs.statSync(dir + '/big.txt').size;
              return out;
            })()
            """)
        #expect(out["syncTail"] == 500)
        #expect(out["asyncTail"] == 1)
        #expect(out["pastEnd"] == 0)
        #expect(out["hex"] == "000f10abff")
        #expect(out["saved"] == true)
        #expect(out["kept"] == 2000, "a rename, copy or save onto the same path keeps the file")
        #expect(out["stillThere"] == 2000)
        for key in ["longWrite", "longRename"] {
            let message = out[key]?.stringValue ?? ""
            #expect(message.contains("file name too long"), "\(key): \(message)")
            #expect(!message.contains(harness.fixture.root.path), "\(key) names a host path: \(message)")
        }
        await harness.container.shutdown()
    }

    @Test("every entry costs a block: directories and empty files fill the quota, removals give it back; tmp has its own quota")
    func entriesCostBlocks() async throws {
        let harness = try await MiniProgramHarness.make {
            // 10 blocks for usr and store, 5 for tmp.
            $0.plugins = PluginRegistry()
            try? $0.plugins.register(
                FileSystemPlugin(
                    root: $0.storeDirectory.appendingPathComponent("block-files"), quotaBytes: 40960, temporaryQuotaBytes: 20480))
        }
        let (_, context) = try await harness.launch(["pages/index.js": "Page({})"])
        let out = try await context.evaluate(
            """
            (() => {
              const fs = wx.getFileSystemManager();
              const dir = wx.env.USER_DATA_PATH;
              const attempt = (f) => { try { f(); return 'ok'; } catch (e) { return e.errMsg; } };
              const out = { dirs: [], empties: [] };
              for (let i = 0; i < 12; i++) out.dirs.push(attempt(() => fs.mkdirSync(dir + '/d' + i)));
              out.afterRemoval = [attempt(() => fs.rmdirSync(dir + '/d0')), attempt(() => fs.mkdirSync(dir + '/again'))];
              out.nested = attempt(() => fs.mkdirSync(dir + '/x/y/z', true));
              for (let i = 0; i < 6; i++) out.empties.push(attempt(() => fs.writeFileSync('wxfile://tmp/e' + i, '')));
              out.bigTemporary = attempt(() => fs.writeFileSync('wxfile://tmp/big', 'x'.repeat(30000)));
              for (let i = 0; i < 5; i++) fs.unlinkSync('wxfile://tmp/e' + i);
              out.fitsAfterUnlink = attempt(() => fs.writeFileSync('wxfile://tmp/big', 'x'.repeat(16000)));
              // Saving moves the file's cost from tmp to the user quota (full): refused, the file stays.
              out.save = attempt(() => fs.saveFileSync('wxfile://tmp/big'));
              out.stillThere = attempt(() => fs.accessSync('wxfile://tmp/big'));
              return out;
            })()
            """)
        let dirs = out["dirs"]?.arrayValue ?? []
        #expect(dirs.prefix(10).allSatisfy { $0 == "ok" }, "\(dirs)")
        #expect(dirs.dropFirst(10).allSatisfy { $0.stringValue?.contains("storage limit exceeded") == true }, "\(dirs)")
        #expect(out["afterRemoval"] == ["ok", "ok"])
        #expect(out["nested"]?.stringValue?.contains("storage limit exceeded") == true, "\(out)")
        let empties = out["empties"]?.arrayValue ?? []
        #expect(empties.prefix(5).allSatisfy { $0 == "ok" }, "\(empties)")
        #expect(empties.last?.stringValue?.contains("temporary files limit (20480 bytes)") == true, "\(empties)")
        #expect(out["bigTemporary"]?.stringValue?.contains("storage limit exceeded") == true, "\(out)")
        #expect(out["fitsAfterUnlink"] == "ok", "\(out)")
        #expect(out["save"]?.stringValue?.contains("storage limit exceeded") == true, "\(out)")
        #expect(out["stillThere"] == "ok")
        await harness.container.shutdown()
    }

    @Test("tmp is emptied when the app's last instance ends; user files stay")
    func temporaryFilesEnd() async throws {
        let harness = try await MiniProgramHarness.make()
        let files = [
            "manifest.json": #"{"appId": "tmp-app", "name": "t", "version": "1.0.0", "entry": "app.json", "permissions": ["file"]}"#,
            "pages/index.js": "Page({})",
        ]
        let folder = try harness.write(files)
        let first = try await harness.container.launch(.directory(folder))
        let context = try await harness.container.context(of: first.instanceID)
        try await context.evaluate(
            "const fs = wx.getFileSystemManager(); fs.writeFileSync('wxfile://tmp/t.txt', 'gone'); fs.writeFileSync(wx.env.USER_DATA_PATH + '/u.txt', 'kept');"
        )
        try await harness.container.destroy(first.instanceID)
        let second = try await harness.container.launch(.directory(folder))
        let again = try await harness.container.context(of: second.instanceID)
        let seen = try await again.evaluate(
            """
            (() => { const fs = wx.getFileSystemManager();
              const read = (p) => { try { return fs.readFileSync(p, 'utf8'); } catch (e) { return e.errMsg; } };
              return [read('wxfile://tmp/t.txt'), read(wx.env.USER_DATA_PATH + '/u.txt')]; })()
            """)
        #expect(seen[0]?.stringValue?.contains("no such file or directory") == true, "\(seen)")
        #expect(seen[1] == "kept")
        await harness.container.shutdown()
    }

    @Test("codecs: hex and latin1 round-trip every byte value")
    func codecs() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(["pages/index.js": "Page({})"])
        let out = try await context.evaluate(
            """
            (() => { const fs = wx.getFileSystemManager(); const path = wx.env.USER_DATA_PATH + '/all.bin';
              fs.writeFileSync(path, new Uint8Array(Array.from({ length: 256 }, (_, i) => i)).buffer);
              const hex = fs.readFileSync(path, 'hex'), latin1 = fs.readFileSync(path, 'latin1');
              fs.writeFileSync(path + '.h', hex.toUpperCase(), 'hex'); fs.writeFileSync(path + '.l', latin1, 'latin1');
              const same = (p) => Array.from(new Uint8Array(fs.readFileSync(p))).every((b, i) => b === i);
              return [hex.slice(0, 8) + hex.slice(-4), latin1.length, latin1.charCodeAt(255), same(path + '.h'), same(path + '.l'),
                      (() => { try { fs.writeFileSync(path, 'zz', 'hex'); return 'accepted'; } catch (e) { return 'refused'; } })()];
            })()
            """)
        #expect(out == ["00010203feff", 256, 255, true, true, "refused"])
        await harness.container.shutdown()
    }

    @Test("apps do not see each other's files; the quota holds")
    func isolationAndQuota() async throws {
        let harness = try await MiniProgramHarness.make {
            // Only the file system, with a small quota.
            $0.plugins = PluginRegistry()
            try? $0.plugins.register(FileSystemPlugin(root: $0.storeDirectory.appendingPathComponent("small-files"), quotaBytes: 8192))
        }
        let (_, first) = try await harness.launch(["pages/index.js": "Page({})"])
        let (_, second) = try await harness.launch(["pages/index.js": "Page({})"])
        _ = try await first.evaluate("wx.getFileSystemManager().writeFileSync(wx.env.USER_DATA_PATH + '/mine.txt', 'secret')")
        let other = try await second.evaluate(
            "(() => { try { return wx.getFileSystemManager().readFileSync(wx.env.USER_DATA_PATH + '/mine.txt', 'utf8'); } catch (e) { return e.errMsg; } })()"
        )
        #expect(other.stringValue?.contains("no such file or directory") == true, "\(other)")
        let full = try await first.evaluate(
            "(() => { try { wx.getFileSystemManager().writeFileSync(wx.env.USER_DATA_PATH + '/big.txt', 'x'.repeat(20000)); return 'written'; } catch (e) { return e.errMsg; } })()"
        )
        #expect(full.stringValue?.contains("storage limit exceeded") == true, "\(full)")
        await harness.container.shutdown()
    }
}

@Suite("downloadFile and uploadFile")
struct TransferTests {
    @Test("a download lands in the app's files; an upload sends a file as multipart/form-data; both need allowedDomains")
    func transfers() async throws {
        let server = try await LoopbackServer.start { request in
            switch request.path {
            case "/file.bin": return .ok(Data([1, 2, 3, 250]))
            case "/upload":
                let body = String(decoding: request.body, as: UTF8.self)
                let type = request.header("content-type") ?? ""
                let ok =
                    type.hasPrefix("multipart/form-data; boundary=") && body.contains(#"name="photo"; filename="a.bin""#)
                    && body.contains(#"name="note""#) && body.contains("hi")
                return .ok(Data((ok ? "received \(request.body.count)" : "bad: \(type)").utf8))
            default: return .notFound
            }
        }
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "manifest.json":
                #"{"appId": "transfer", "name": "t", "version": "1.0.0", "entry": "app.json", "permissions": ["request", "file"], "allowedDomains": ["127.0.0.1"]}"#,
            "pages/index.js": "Page({})",
        ])
        let base = server.baseURL.absoluteString
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const heard = [];
              const task = wx.downloadFile({ url: '\(base)/file.bin' });
              task.onProgressUpdate((p) => heard.push(p.progress));
              const done = await task;
              const fs = wx.getFileSystemManager();
              const bytes = Array.from(new Uint8Array(fs.readFileSync(done.tempFilePath)));
              fs.writeFileSync(wx.env.USER_DATA_PATH + '/a.bin', 'payload');
              const sent = await wx.uploadFile({ url: '\(base)/upload', filePath: wx.env.USER_DATA_PATH + '/a.bin', name: 'photo', formData: { note: 'hi' } });
              const alipay = await my.downloadFile({ url: '\(base)/file.bin' });
              const refused = await wx.downloadFile({ url: 'http://example.com/x' }).catch((e) => e.errMsg);
              return { status: done.statusCode, tmp: done.tempFilePath.startsWith('wxfile://tmp/'), bytes, heard,
                       sent: [sent.statusCode, sent.data], alipay: alipay.apFilePath.startsWith('https://tmp/'), refused };
            })()
            """)
        #expect(out["status"] == 200)
        #expect(out["tmp"] == true)
        #expect(out["bytes"] == [1, 2, 3, 250])
        #expect(out["heard"] == [100])
        #expect(out["sent"]?[0] == 200)
        #expect(out["sent"]?[1]?.stringValue?.hasPrefix("received ") == true, "\(out)")
        #expect(out["alipay"] == true)
        #expect(out["refused"]?.stringValue?.contains("example.com is not in") == true, "\(out)")
        await harness.container.shutdown()
        await server.shutdown()
    }
}

@Suite("WebSockets (connectSocket)")
struct WebSocketTests {
    @Test("a SocketTask opens, sends text and binary, hears the echo and the server's close; globals and refusals")
    func echo() async throws {
        let server = try await HostileWebSocketServer.start()
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "manifest.json":
                #"{"appId": "sockets", "name": "s", "version": "1.0.0", "entry": "app.json", "permissions": ["websocket"], "allowedDomains": ["127.0.0.1"]}"#,
            "pages/index.js": "Page({})",
        ])
        let out = try await context.evaluateAwaiting(
            """
            (async () => {
              const events = [];
              wx.onSocketOpen(() => events.push('global open'));
              wx.onSocketMessage((m) => events.push('global ' + (typeof m.data === 'string' ? m.data : 'binary')));
              const messages = [];
              let next = null;
              const task = wx.connectSocket({ url: 'ws://127.0.0.1:\(server.port)/echo', success: (r) => events.push(r.errMsg) });
              task.onMessage((m) => { messages.push(m.data); if (next) next(); });
              const arrived = () => new Promise((resolve) => { next = resolve; });
              await new Promise((resolve) => task.onOpen(resolve));
              task.send({ data: 'hello' });
              await arrived();
              wx.sendSocketMessage({ data: new Uint8Array([7, 8, 9]).buffer });
              await arrived();
              const closed = new Promise((resolve) => task.onClose((c) => resolve(c.code)));
              task.send({ data: 'close me' });
              const code = await closed;
              const gone = await new Promise((resolve) => task.send({ data: 'late', fail: (e) => resolve(e.errMsg) }));
              const refused = await new Promise((resolve) => wx.connectSocket({ url: 'ws://example.com/x', fail: (e) => resolve(e.errMsg) }));
              const http = await new Promise((resolve) => my.connectSocket({ url: 'http://127.0.0.1/x', fail: (e) => resolve(e.error) }));
              return { events, text: messages[0], binary: Array.from(new Uint8Array(messages[1])), code, gone, refused, http };
            })()
            """)
        #expect(out["events"] == ["connectSocket:ok", "global open", "global echo: hello", "global binary"], "\(out)")
        #expect(out["text"] == "echo: hello")
        #expect(out["binary"] == [7, 8, 9])
        #expect(out["code"] == 4000)
        #expect(out["gone"]?.stringValue?.hasPrefix("sendSocketMessage:fail socket.send: socket 1 is not open") == true, "\(out)")
        #expect(out["refused"]?.stringValue?.contains("example.com is not in sockets's allowedDomains") == true, "\(out)")
        #expect(out["http"] == 2)
        await harness.container.shutdown()
        await server.shutdown()
    }
}

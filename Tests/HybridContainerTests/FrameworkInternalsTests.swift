// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

@Suite("Framework internals and CLI errors")
struct FrameworkInternalsTests {
    @Test("app code of a mini-program cannot call __hc.render or __hc.ui; its framework still renders")
    func internalsHidden() async throws {
        let harness = try await MiniProgramHarness.make()
        let (session, context) = try await harness.launch([
            "pages/a.js": """
            Page({
              data: { n: 1 },
              async probe() {
                const code = (f) => f().then(() => 0, (e) => e.error);
                let sync; try { JSBridge.callSync('__hc.render', { pageId: 1, route: 'pages/a', kind: 'diff', data: { forged: true } }); sync = 0; } catch (e) { sync = e.error; }
                globalThis.codes = [sync,
                  await code(() => JSBridge.call('__hc.ui', { api: 'showToast', params: {} })),
                  await code(() => JSBridge.call('__hc.render', {})),
                  typeof globalThis.__hcFrameworkBridge];
                this.setData({ n: 2 });
              },
            });
            """
        ])
        harness.sink.removeAll()
        try await session.firePageEvent("probe")
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        #expect(try await context.evaluate("codes") == [1, 1, 1, "undefined"])
        #expect(harness.sink.updates().map(\.data) == [["n": 2]])
        await harness.container.shutdown()
    }

    @Test("`global` is one object shared by app.js and every module of a mini-program")
    func sharedGlobal() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch(
            [
                "app.js": "global.isDemo = true; global.count = 1; App({});",
                "utils/flags.js": "global.count += 1; module.exports = () => global.isDemo;",
                "pages/a.js":
                    "const isDemo = require('../utils/flags.js'); Page({ onLoad() { globalThis.seen = [isDemo(), global.count, typeof global]; } });",
            ], pages: ["pages/a"])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        #expect(try await context.evaluate("seen") == [true, 2, "object"])
        await harness.container.shutdown()
    }

    @Test("require.async loads another subpackage's module on demand, relative to the caller; a missing one rejects")
    func requireAsync() async throws {
        let harness = try await MiniProgramHarness.make()
        let (_, context) = try await harness.launch([
            "app.json": #"{"pages": ["pages/a"], "subpackages": [{"root": "sub", "pages": ["pages/b"]}]}"#,
            "sub/pages/b.js": "Page({});",
            "sub/lib/tool.js": "module.exports = { name: 'tool' };",
            "pages/a.js": """
            Page({
              async onLoad() {
                const tool = await require.async('../sub/lib/tool.js');
                const missing = await require.async('./nope.js').then(() => 'loaded', (e) => e.code || String(e));
                globalThis.seen = [tool.name, missing];
              },
            });
            """,
        ])
        #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        #expect(try await context.evaluate("seen") == ["tool", "MODULE_NOT_FOUND"])
        await harness.container.shutdown()
    }

    @Test("run with a path that does not exist says so, not 'invalid appId'")
    func missingPath() async throws {
        let result = try await ChildProcess.run("container-demo", ["run", "/path/that/does/not/exist"], safetyLimit: .seconds(60))
        #expect(result.status != 0)
        #expect(result.stderr.contains("no such folder, package file or installed app: /path/that/does/not/exist"), "\(result.stderr)")
        #expect(!result.stderr.contains("invalid appId"))
    }

    @Test("the CLI names a missing key file and refuses a folder as a package at once, in words")
    func cliErrors() async throws {
        let fixture = try ContainerFixture()
        let folder = fixture.root.appendingPathComponent("not-a-zip")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let missingKey = fixture.root.appendingPathComponent("k.pub").path
        let verify = try await ChildProcess.run(
            "container-demo", ["verify", folder.path, "--trust", missingKey], safetyLimit: .seconds(60))
        #expect(verify.status != 0)
        #expect(verify.stderr.contains("no such file: \(missingKey)"))
        #expect(!verify.stderr.contains("NSCocoaErrorDomain"))
        let keyFile = fixture.root.appendingPathComponent("real.pub")
        try Data(fixture.key.publicKey.textRepresentation.utf8).write(to: keyFile)
        let store = fixture.root.appendingPathComponent("store").path
        for arguments in [
            ["verify", folder.path, "--trust", keyFile.path], ["install", folder.path, "--trust", keyFile.path, "--store", store],
        ] {
            let result = try await ChildProcess.run("container-demo", arguments, safetyLimit: .seconds(60))
            #expect(!result.crashed)
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(folder.path) is a directory, not a package file"), "\(result.stderr)")
        }
    }
}

// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import JSBridge
import Testing

@Suite("Console, text codecs and unhandled rejections")
struct GlobalsTests {
    @Test("console methods reach the host with level, formatting and context name")
    func console() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration(name: "app-1")) { context async throws in
            try await context.evaluate(
                """
                console.log('hello', 1, {a: [1, 2]}, [true, null], undefined);
                console.info('%s is %d years and %o', 'Ann', 42.9, {x: 1});
                console.warn('careful');
                console.error(new TypeError('bad'));
                console.debug(function named() {});
                console.assert(1 === 2, 'math');
                """)
        }
        let lines = recorder.console
        #expect(lines.map(\.level) == [.log, .info, .warn, .error, .debug, .error])
        #expect(lines.allSatisfy { $0.contextName == "app-1" })
        #expect(lines[0].text == #"hello 1 {"a":[1,2]} [true,null] undefined"#)
        #expect(lines[1].text == #"Ann is 42 years and {"x":1}"#)
        #expect(lines[3].text.hasPrefix("TypeError: bad"))
        #expect(lines[4].text == "[Function named]")
        #expect(lines[5].text == "Assertion failed: math")
    }

    @Test("TextEncoder and TextDecoder round-trip UTF-8, including streaming and fatal mode")
    func textCodecs() async throws {
        try await withContext { context async throws in
            let value = try await context.evaluate(
                """
                const text = 'héllo, 世界 🌍';
                const bytes = new TextEncoder().encode(text);
                const decoded = new TextDecoder().decode(bytes);
                const streaming = new TextDecoder();
                let joined = '';
                for (let i = 0; i < bytes.length; i++) joined += streaming.decode(bytes.subarray(i, i + 1), { stream: true });
                joined += streaming.decode();
                const target = new Uint8Array(4);
                const into = new TextEncoder().encodeInto('a世b', target);
                let fatal = 'no error';
                try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { fatal = e.name; }
                let label = 'no error';
                try { new TextDecoder('latin1'); } catch (e) { label = e.name; }
                ({ length: bytes.length, same: decoded === text, streamed: joined === text, into,
                   replaced: new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62])),
                   bom: new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])),
                   lone: Array.from(new TextEncoder().encode('\\ud800')), fatal, label })
                """)
            #expect(
                value == [
                    "length": 19, "same": true, "streamed": true, "into": ["read": 2, "written": 4],
                    "replaced": "a\u{FFFD}b", "bom": "a", "lone": [0xEF, 0xBF, 0xBD], "fatal": "TypeError",
                    "label": "RangeError",
                ])
        }
    }

    @Test("unhandled promise rejections are reported to the host; handled ones are not")
    func unhandledRejections() async throws {
        let recorder = Recorder()
        try await withContext(recorder.configuration()) { context async throws in
            try await context.evaluate(
                """
                Promise.reject(new Error('nobody listens'));
                Promise.reject(new Error('handled')).catch(() => {});
                (async () => { throw new RangeError('async fail'); })();
                """)
            #expect(await context.waitUntilIdle(timeout: .seconds(60)), "never went idle")
        }
        let messages = recorder.diagnostics.compactMap { diagnostic -> String? in
            if case .unhandledRejection(let exception) = diagnostic { return exception.message }
            return nil
        }
        #expect(Set(messages) == ["nobody listens", "async fail"])
    }

    @Test("eval can be disabled per context")
    func evalDisabled() async throws {
        try await withContext(.init(name: "strict", allowsEval: false)) { context async throws in
            await #expect(throws: ScriptError.self) { try await context.evaluate("eval('1 + 1')") }
            await #expect(throws: ScriptError.self) { try await context.evaluate("new Function('return 1')()") }
            #expect(try await context.evaluate("1 + 1") == 2)
        }
    }
}

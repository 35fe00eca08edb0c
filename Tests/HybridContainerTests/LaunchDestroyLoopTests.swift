// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// Run under LeakSanitizer by `make leak-check`: hundreds of launches and destroys of an app
/// with timers, listeners and bridge calls must release every context and leave nothing running.
@Suite("Launch/destroy loop")
struct LaunchDestroyLoopTests {
    @Test("200 launch/destroy cycles release every context")
    func loop() async throws {
        let fixture = try ContainerFixture()
        let container = try await fixture.container()
        try fixture.install(
            "churn",
            script: """
                JSBridge.on('ping', () => {});
                setInterval(() => {}, 1000);
                App({ async onLaunch() { await JSBridge.call('getStorageInfo'); JSBridge.callSync('getSystemInfo'); } })
                """, permissions: ["storage"], into: container)
        var contexts: [ScriptContext] = []
        for _ in 0..<200 {
            let app = try await container.launch(.installed("churn"))
            contexts.append(try await container.context(of: app.instanceID))
            try await container.destroy(app.instanceID)
        }
        #expect(await container.runningApps().isEmpty)
        for context in contexts { #expect(await context.isReleased) }
        await container.shutdown()
    }
}

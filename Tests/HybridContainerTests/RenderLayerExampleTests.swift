// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import HybridContainer
import Testing

/// The render layer on the two examples, as signed packages: trees in the documented text form
/// before and after taps driven by selector, a custom component with a property, lifetimes and
/// triggerEvent, a selector query and selectComponent, WXS and SJS modules, Alipay props events.
@Suite("The headless render layer on the examples")
struct RenderLayerExampleTests {
    /// Launched from a signed package; the fixture (which owns the store folder) must outlive the app.
    static func launch(
        _ example: String, fixture: ContainerFixture
    ) async throws -> (MicroAppContainer, MiniProgramSession, ScriptContext, RecordingRenderSink) {
        let sink = RecordingRenderSink()
        let container = try await fixture.container {
            $0.probationPeriod = .zero
            $0.miniProgram.renderSink = sink
        }
        let package = fixture.root.appendingPathComponent("\(example).zip")
        try PackageBuilder.build(from: ExamplesTests.examples.appendingPathComponent(example), signingKey: fixture.key, output: package)
        let app = try await container.launch(.packageFile(package))
        let context = try await container.context(of: app.instanceID)
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        return (container, try await container.miniProgram(app.instanceID), context, sink)
    }

    @Test("WeChat: counter, wx:for, wx:if/elif/else, a component with property, lifetimes, slot and triggerEvent")
    func weChat() async throws {
        let fixture = try ContainerFixture()
        let (container, session, context, sink) = try await Self.launch("render-miniprogram", fixture: fixture)
        let before = try await session.treeText()
        #expect(
            before == """
                page pages/index/index
                  view#app.page
                    text#count.label "Count: 0"
                    button#inc.btn "+1"
                    button#reset "Reset"
                    view.empty "Nothing yet"
                    view#fruits
                      view.fruit "1. apple"
                      view.fruit "2. pear"
                    counter-card#card <components/counter-card/counter-card>
                      view.card
                        text.title "Taps: 0"
                        view.presses "pressed 0 of 3"
                        button.press "press"
                        text.slotted "slot for 2 fruits"
                        view.lifetime "attached, ready"
                    view#picked hidden "Picked"
                    view#status "ready: card Taps: 0, 2 fruits"

                """)
        #expect(try await session.tap("#inc") == 1)
        #expect(try await session.tap("#inc") == 1)
        #expect(try await session.query(".few").first?.textContent == "A few: 2 × 2 = 4")
        #expect(try await session.query("#card >>> .title").first?.textContent == "Taps: 2")
        for _ in 0..<3 { try await session.tap("counter-card >>> button.press") }
        #expect(await context.waitUntilIdle(timeout: .seconds(60)))
        #expect(try await session.query("#status").first?.textContent == "limit reached at 3")
        #expect(try await session.query(".fruit").map(\.textContent) == ["1. apple", "2. pear", "3. plum"])
        try await session.tap(".fruit")
        #expect(try await session.query("#picked").first?.hidden == nil)
        try await session.tap("#inc")
        #expect(try await session.query("#app").first?.classes == ["page", "busy"])
        #expect(try await session.query(".many").count == 1)
        try await session.tap("#reset")
        let after = try await session.treeText()
        #expect(after.contains("    view.empty \"Nothing yet\"\n"))
        #expect(after.contains("        view.presses \"pressed 0 of 3\"\n"), "reset called the component's method via selectComponent")
        #expect(after.contains("    view#picked \"Picked apple\"\n"))
        await #expect(throws: MiniProgramError.noSuchNode("no node matches \"#nothing\" on pages/index/index")) {
            try await session.tap("#nothing")
        }
        // The page's template first: `.title` there is the page's own; a component's node is
        // found by the fallback to the whole tree when the page has none.
        #expect(try await session.query(".press").count == 1)
        #expect(try await session.query("text").map(\.textContent) == ["Count: 0", "slot for 3 fruits"])
        #expect(try await session.templateDiagnostics().isClean)
        let patches = sink.updates().filter { $0.kind == .tree }
        #expect(patches.count >= 8)
        #expect(patches.allSatisfy { ($0.data["patches"]?.arrayValue?.count ?? 0) > 0 })
        await container.shutdown()
    }

    @Test("WeChat: a second page with <template is data>, input events and catchtap, opened by route")
    func todoPage() async throws {
        let fixture = try ContainerFixture()
        let (container, session, _, _) = try await Self.launch("render-miniprogram", fixture: fixture)
        try await session.navigate(.navigateTo("/pages/todo/todo"))
        #expect(try await session.trigger("#draft", event: "input", detail: ["value": "buy milk"]) == 1)
        #expect(try await session.data()["draft"] == "buy milk")
        try await session.tap("#add")
        try await session.tap(".row")
        #expect(
            try await session.treeText() == """
                page pages/todo/todo
                  view#todo
                    input#draft
                    button#add "Add"
                    view.row.done "write"
                    view.row "buy milk"
                    view.summary "2 items"

                """)
        #expect(try await session.query("[data-id=2]").map(\.textContent) == ["buy milk"])
        await container.shutdown()
    }

    @Test("Alipay: a:for, a:if/else, onTap with dataset, an SJS module, a component calling props.onChange")
    func alipay() async throws {
        let fixture = try ContainerFixture()
        let (container, session, _, _) = try await Self.launch("alipay-miniprogram", fixture: fixture)
        try await session.tap(".item")
        try await session.tap("#qty >>> .plus")
        #expect(
            try await session.treeText() == """
                page pages/index/index
                  view#shop.shop
                    view.title "2 products"
                    view.item.chosen "Tea: 3"
                    view.item "Cake: 5"
                    view#total "Total 6"
                    stepper#qty <components/stepper/stepper>
                      view.stepper
                        button.minus "-"
                        text.value "2"
                        button.plus "+"
                        text.mounted "mounted"
                    view#quantity "Quantity 2"

                """)
        await container.shutdown()
    }
}

import Foundation
import JSBridge
import Logging

/// Runs one app: evaluate its script, deliver a launch event, wait until idle or the
/// duration ends, then release it. Reports what happened.
struct AppRunner {
    struct Outcome {
        var succeeded: Bool
        var summary: String
    }

    let app: ScriptApp
    let query: [String: String]
    let duration: Duration

    func run() async -> Outcome {
        let errors = Counter()
        let calls = Counter()
        let name = app.name
        do {
            let runtime = JSRuntime()
            let configuration = ScriptContext.Configuration(
                name: name,
                bridge: try DemoBridge.methods(appName: name, calls: calls),
                // The demo prints console output itself; keep swift-log quiet to avoid doubles.
                logger: Logger(label: "container-demo", factory: { _ in SwiftLogNoOpLogHandler() }),
                onConsole: { message in Terminal.console(name, message.level.rawValue, message.text) },
                onDiagnostic: { diagnostic in
                    errors.increment()
                    Terminal.diagnostic("[\(name)] \(diagnostic)")
                })
            let context = try await runtime.makeContext(configuration)
            Terminal.diagnostic("[\(name)] evaluate index.js")
            try await context.evaluate(app.source, sourceURL: app.directory.appendingPathComponent("index.js").path)
            let launch: JSONValue = .object(["query": .object(query.mapValues(JSONValue.string))])
            let listeners = try await context.emit("launch", launch)
            Terminal.diagnostic("[\(name)] launch event delivered to \(listeners) listener(s)")
            let finished = await waitUntilIdle(context)
            if !finished { Terminal.diagnostic("[\(name)] still busy after \(duration); stopping it") }
            await context.release()
            await runtime.shutdown()
            let errorCount = errors.value
            return Outcome(
                succeeded: errorCount == 0,
                summary: "[\(name)] done: \(calls.value) native call(s), \(errorCount) error(s)")
        } catch {
            return Outcome(succeeded: false, summary: "[\(name)] failed: \(error)")
        }
    }

    /// True if the app became idle before the duration ended.
    private func waitUntilIdle(_ context: ScriptContext) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await context.waitUntilIdle()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: duration)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            if !first { await context.release() }
            return first
        }
    }
}

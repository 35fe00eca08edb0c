/// Puts the mini-program framework into an app's context: `__hcInstallMiniProgram(config)`
/// (framework then API namespaces, one closure), called once with the app's page facts.
enum MiniProgramInstaller {
    static let sourceURL = "hybrid://mini-program.js"

    /// Evaluated with `ScriptContext.evaluateFramework`: `hcBridge` is the framework channel,
    /// captured while the evaluation runs (the only way to reach `__hc.render`/`__hc.ui`).
    static let source = "globalThis.__hcInstallMiniProgram = (function (hcBridge) { return function (config) {\n'use strict';\ndelete globalThis.__hcInstallMiniProgram;\n"
        + [MiniProgramData.source, MiniProgramFramework.source, MiniProgramPageStack.source,
           MiniProgramAPISupport.source, MiniProgramAPIs.source].joined(separator: "\n") + "\n}; })(globalThis.__hcFrameworkBridge);"

    /// The argument of `__hcInstallMiniProgram`.
    static func configuration(_ config: MiniProgramConfig, options: MiniProgramOptions) -> JSONValue {
        [
            "appJSON": config.raw,
            "pages": .array(config.pages.map(JSONValue.string)),
            "subpackagePages": .array(config.subpackagePages.map(JSONValue.string)),
            "tabPages": .array(config.tabPages.map(JSONValue.string)),
            "entryPage": .string(config.entryPage),
            "namespaces": .object(options.namespaces.mapValues { .string($0.rawValue) }),
            "sdkVersion": .string(options.sdkVersion),
            "maximumPageStack": .number(Double(max(1, options.maximumPageStack))),
        ]
    }
}

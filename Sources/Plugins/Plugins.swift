/// The plugin layer: plugin protocols, typed calls, the build-then-freeze registry,
/// permission checks and the built-in plugins (DESIGN §5). Built on `JSBridge`'s
/// `BridgeDispatching` / `BridgeMethod` call protocol.
@_exported import JSBridge

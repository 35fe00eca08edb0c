// JSONValue, BridgeError, AppNumbers and the identity types are part of this module's API.
@_exported import HybridTypes

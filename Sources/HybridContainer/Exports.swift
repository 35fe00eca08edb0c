@_exported import BuiltInPlugins
@_exported import JSBridge
@_exported import OfflineCache
@_exported import Plugins

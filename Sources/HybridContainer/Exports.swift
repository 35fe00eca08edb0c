@_exported import JSBridge
@_exported import OfflineCache
@_exported import Plugins

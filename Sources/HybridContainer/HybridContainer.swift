/// The container: micro-app lifecycle, isolation and fault handling over `JSBridge`,
/// `Plugins` and `OfflineCache` (DESIGN §1).
@_exported import JSBridge
@_exported import OfflineCache
@_exported import Plugins

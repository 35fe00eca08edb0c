// The identity types (`AppID`, `PackageVersion`) are part of this module's API.
@_exported import HybridTypes

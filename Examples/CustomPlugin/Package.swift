// swift-tools-version: 6.1
// A plugin in its own package, depending on HybridContainer by path: the README's plugin
// guide. `swift run greeter-host` runs an app that uses it; `swift test` tests the plugin with
// HybridContainerTesting. The plugin target links only the lean `Plugins` API (no GRDB, no
// AsyncHTTPClient).
import PackageDescription

let package = Package(
    name: "CustomPlugin",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GreeterPlugin", targets: ["GreeterPlugin"]),
        .executable(name: "greeter-host", targets: ["GreeterHost"]),
    ],
    dependencies: [.package(name: "HybridContainer", path: "../..")],
    targets: [
        .target(name: "GreeterPlugin", dependencies: [.product(name: "Plugins", package: "HybridContainer")]),
        .executableTarget(
            name: "GreeterHost",
            dependencies: ["GreeterPlugin", .product(name: "HybridContainer", package: "HybridContainer")]),
        .testTarget(
            name: "GreeterPluginTests",
            dependencies: ["GreeterPlugin", .product(name: "HybridContainerTesting", package: "HybridContainer")]),
    ],
    swiftLanguageModes: [.v6]
)

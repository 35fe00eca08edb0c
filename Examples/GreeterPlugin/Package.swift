// swift-tools-version: 6.1
// A plugin in its own package, depending on HybridContainer: the README's plugin guide.
import PackageDescription

let package = Package(
    name: "GreeterPlugin",
    platforms: [.macOS(.v15)],
    products: [.library(name: "GreeterPlugin", targets: ["GreeterPlugin"])],
    dependencies: [.package(name: "HybridContainer", path: "../..")],
    targets: [
        .target(name: "GreeterPlugin", dependencies: [.product(name: "Plugins", package: "HybridContainer")]),
    ],
    swiftLanguageModes: [.v6]
)

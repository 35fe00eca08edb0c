// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "HybridContainer",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HybridContainer", targets: ["HybridContainer"]),
        .library(name: "JSBridge", targets: ["JSBridge"]),
        .library(name: "Plugins", targets: ["Plugins"]),
        .library(name: "OfflineCache", targets: ["OfflineCache"]),
        .executable(name: "container-demo", targets: ["ContainerDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        .target(
            name: "JSBridge",
            dependencies: [
                "CJavaScriptCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Plugins",
            dependencies: [
                "JSBridge",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "OfflineCache",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HybridContainer",
            dependencies: [
                "JSBridge",
                "Plugins",
                "OfflineCache",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ContainerDemo",
            dependencies: [
                "HybridContainer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "hybrid-bench",
            dependencies: ["JSBridge", "CJavaScriptCore"],
            path: "Benchmarks/HybridBench",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JSBridgeTests",
            dependencies: [
                "JSBridge",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "HybridContainer",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HybridContainer", targets: ["HybridContainer"]),
        .library(name: "JSBridge", targets: ["JSBridge"]),
        .library(name: "HybridTypes", targets: ["HybridTypes"]),
        .library(name: "Plugins", targets: ["Plugins"]),
        .library(name: "BuiltInPlugins", targets: ["BuiltInPlugins"]),
        .library(name: "PageRenderer", targets: ["PageRenderer"]),
        .library(name: "HybridContainerTesting", targets: ["HybridContainerTesting"]),
        .library(name: "OfflineCache", targets: ["OfflineCache"]),
        .executable(name: "container-demo", targets: ["ContainerDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // The loopback HTTP server behind `container-demo serve` and the tests' servers.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // WebSockets for apps (connectSocket): TLS for wss.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Spans of launches, hooks, JSAPI calls, setData (issue 30); any tracer a host bootstraps.
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // OTLP/HTTP export of traces, metrics and logs from container-demo (issue 30); gRPC left out.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        // `make docs` (DocC for every public module); a command plugin, not linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CJavaScriptCore",
            pkgConfig: "javascriptcoregtk-4.1",
            providers: [.apt(["libjavascriptcoregtk-4.1-dev"])]
        ),
        .systemLibrary(name: "CInflate", path: "Sources/CInflate"),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // Vocabulary shared by every module: identities, JSON values, bridge errors. Depends only on
        // swift-collections' OrderedCollections (JSON objects keep their key order, as in JavaScript).
        .target(
            name: "HybridTypes", dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: strictSettings),
        .target(
            name: "JSBridge",
            dependencies: [
                "CJavaScriptCore",
                "HybridTypes",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // The plugin API a plugin author imports: protocol, methods, calls, app handles. Links
        // nothing but HybridTypes.
        .target(name: "Plugins", dependencies: ["HybridTypes"], swiftSettings: strictSettings),
        .target(
            name: "BuiltInPlugins",
            dependencies: [
                "Plugins",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "OfflineCache",
            dependencies: [
                "HybridTypes",
                "CInflate",
                "CZstd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "HybridContainer",
            dependencies: [
                "JSBridge",
                "Plugins",
                "BuiltInPlugins",
                "OfflineCache",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // What tests of plugins and hosts use: PluginTester, withContainer, recording sinks, TestClock.
        .target(
            name: "HybridContainerTesting",
            dependencies: ["HybridContainer", .product(name: "Clocks", package: "swift-clocks")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ContainerDemo",
            dependencies: [
                "HybridContainer",
                "PageRenderer",
                "LoopbackServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // libFuzzer targets (`make fuzz`); built normally they replay corpus files given as arguments.
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport", swiftSettings: strictSettings),
        .executableTarget(
            name: "fuzz-manifest", dependencies: ["OfflineCache", "FuzzSupport"], path: "Fuzz/FuzzManifest", swiftSettings: strictSettings),
        .executableTarget(
            name: "fuzz-package", dependencies: ["OfflineCache", "FuzzSupport", .product(name: "Logging", package: "swift-log")],
            path: "Fuzz/FuzzPackage", swiftSettings: strictSettings),
        .executableTarget(
            name: "fuzz-module-transform", dependencies: ["JSBridge", "FuzzSupport"], path: "Fuzz/FuzzModuleTransform",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "fuzz-values", dependencies: ["JSBridge", "FuzzSupport"], path: "Fuzz/FuzzValues", swiftSettings: strictSettings),
        .executableTarget(
            name: "fuzz-template", dependencies: ["HybridContainer", "FuzzSupport"], path: "Fuzz/FuzzTemplate",
            swiftSettings: strictSettings),
        .executableTarget(
            name: "fuzz-bridge",
            dependencies: ["HybridContainer", "LoopbackServer", "FuzzSupport", .product(name: "Logging", package: "swift-log")],
            path: "Fuzz/FuzzBridge", swiftSettings: strictSettings),
        .executableTarget(
            name: "hybrid-bench",
            dependencies: [
                "JSBridge", "OfflineCache", "HybridContainer", "CJavaScriptCore", "LoopbackServer", "PageRenderer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Benchmarks/HybridBench",
            swiftSettings: strictSettings
        ),
        // A Hummingbird server bound to 127.0.0.1 with fault injection (drops, stalls, lying
        // lengths): `container-demo serve`, the tests, the benchmarks. Not a library product.
        .target(
            name: "LoopbackServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "store-crash-helper",
            dependencies: ["OfflineCache"],
            path: "Tests/StoreCrashHelper",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OfflineCacheTests",
            dependencies: [
                "OfflineCache",
                "HybridContainerTesting",
                "LoopbackServer",
                "store-crash-helper",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "GreeterPlugin",
            dependencies: ["Plugins"],
            path: "Examples/CustomPlugin/Sources/GreeterPlugin",
            swiftSettings: strictSettings
        ),
        // Pages as pictures: WXSS/ACSS, the page as a document, a headless browser engine in its
        // own process. A host that never asks for pictures does not link it.
        .target(
            name: "PageRenderer",
            dependencies: [
                "HybridContainer", "CInflate", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PageRendererTests",
            dependencies: ["PageRenderer", "HybridContainer", "BuiltInPlugins", "LoopbackServer"],
            swiftSettings: strictSettings
        ),
        // Runs the hostile-values batches in a child process (HostileValuesTests).
        .executableTarget(
            name: "hostile-values",
            dependencies: ["HybridContainer", "LoopbackServer", .product(name: "Logging", package: "swift-log")],
            path: "Tests/HostileValuesRunner",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HybridContainerTests",
            dependencies: [
                "HybridContainer", "HybridContainerTesting", "GreeterPlugin", "LoopbackServer", "hostile-values", "ContainerDemo",
                "PageRenderer",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            resources: [.copy("Resources")],
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

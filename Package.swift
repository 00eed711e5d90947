// swift-tools-version:6.1
import PackageDescription

/// Settings every roster target shares: Swift 6 mode, visible existentials, explicit imports.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let httpTypes: Target.Dependency = .product(name: "HTTPTypes", package: "swift-http-types")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")

let package = Package(
    name: "roster",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roster", targets: ["roster"]),
        .library(name: "Roster", targets: ["Roster"]),
        .executable(name: "roster-bench", targets: ["roster-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.17.0"),
    ],
    targets: [
        // The pipeline, in the order data flows through it (DESIGN §1–2).
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "RosterYAML", dependencies: ["CLibYAML"], swiftSettings: strict),
        .target(name: "RosterModel", swiftSettings: strict),
        .target(name: "RosterManifest", dependencies: ["RosterModel", "RosterYAML"], swiftSettings: strict),
        .target(
            name: "RosterPlanner",
            dependencies: ["RosterModel", .product(name: "HeapModule", package: "swift-collections")],
            swiftSettings: strict),
        .target(
            name: "RosterProviders", dependencies: ["RosterModel", httpTypes, logging, "XMLCoder"],
            swiftSettings: strict),
        .target(
            name: "RosterHTTPClient",
            dependencies: [
                "RosterProviders", httpTypes, .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict),
        .target(name: "RosterApply", dependencies: ["RosterModel", "RosterProviders"], swiftSettings: strict),
        .target(name: "RosterRender", dependencies: ["RosterModel"], swiftSettings: strict),
        // Emulators are written from the vendor notes and never see the provider code.
        .target(name: "RosterEmulators", dependencies: [httpTypes], swiftSettings: strict),
        .target(
            name: "RosterEmulatorServer",
            dependencies: ["RosterEmulators", httpTypes, .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict),
        .target(
            name: "Roster",
            dependencies: [
                "RosterModel", "RosterYAML", "RosterManifest", "RosterPlanner", "RosterProviders",
                "RosterHTTPClient", "RosterApply", "RosterRender", "RosterEmulators", "RosterEmulatorServer",
                httpTypes, logging, .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "roster",
            dependencies: [
                "Roster", "RosterModel", "RosterManifest", "RosterRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "roster-bench",
            dependencies: [
                "Roster", "RosterManifest", "RosterModel", "RosterProviders", "RosterHTTPClient", "RosterEmulators",
                "RosterEmulatorServer", httpTypes,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .target(
            name: "RosterTestSupport",
            dependencies: [
                "Roster", "RosterModel", "RosterProviders", "RosterEmulators", httpTypes,
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            path: "Tests/RosterTestSupport",
            swiftSettings: strict),
        .testTarget(name: "RosterYAMLTests", dependencies: ["RosterYAML"], swiftSettings: strict),
        .testTarget(
            name: "RosterManifestTests",
            dependencies: ["RosterManifest", "RosterModel", "RosterYAML", "RosterRender", "RosterTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "RosterPlannerTests", dependencies: ["RosterPlanner", "RosterModel"], swiftSettings: strict),
        .testTarget(
            name: "RosterRenderTests", dependencies: ["RosterRender", "RosterModel", "RosterTestSupport"],
            resources: [.copy("Golden")], swiftSettings: strict),
        .testTarget(
            name: "RosterEmulatorsTests",
            dependencies: ["RosterEmulators", httpTypes, .product(name: "Clocks", package: "swift-clocks")],
            swiftSettings: strict),
        .testTarget(
            name: "RosterProvidersTests",
            dependencies: [
                "RosterProviders", "RosterModel", "RosterEmulators", "RosterTestSupport", httpTypes,
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "RosterApplyTests",
            dependencies: [
                "RosterApply", "RosterProviders", "RosterModel", "RosterTestSupport",
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "RosterEndToEndTests",
            dependencies: [
                "Roster", "RosterModel", "RosterRender", "RosterEmulators", "RosterEmulatorServer",
                "RosterHTTPClient", "RosterProviders", "RosterManifest", "RosterTestSupport", "roster", httpTypes,
            ],
            exclude: ["Golden"],
            swiftSettings: strict),
    ]
)

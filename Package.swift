// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bptt-course",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ElmanRNN", targets: ["ElmanRNN"]),
        .library(name: "Display", targets: ["Display"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .executable(name: "bptt", targets: ["bptt"]),
        .executable(name: "weave", targets: ["weave"]),
        // `swift package weave`: the same tool for any package that depends on this one.
        .plugin(name: "WeavePlugin", targets: ["WeavePlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The seed's network: encoding, forward pass, BPTT, SGD, training, evaluation.
        .target(name: "ElmanRNN", dependencies: ["CPUFeatures", "Statistics"]),
        // One macro: whether the build's target CPU fuses multiply-add (see the header).
        .target(name: "CPUFeatures"),
        // Rates, medians and quantiles with their uncertainty, histograms: what a sweep reports.
        .target(name: "Statistics"),
        // Tables and ASCII plots that snippets (and `bptt`) print.
        .target(name: "Display"),
        .executableTarget(
            name: "bptt",
            dependencies: [
                "ElmanRNN", "Display", "Statistics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc module does not export: swaps the site in atomically.
        .target(name: "CRenameExchange"),
        // weave's stages: Load, Tangle, Execute, Weave (and Render, for the site).
        .target(
            name: "WeaveKit",
            dependencies: [
                "CCmark", "CRenameExchange", "Display",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "weave",
            dependencies: [
                "WeaveKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `weave serve`: the preview server (HTTP and WebSocket, no SwiftNIO).
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .plugin(
            name: "WeavePlugin",
            capability: .command(
                intent: .custom(verb: "weave", description: "Run a course's chapters and build its site (weave build, check, accept, init)"),
                permissions: [.writeToPackageDirectory(reason: "weave writes the site, and with accept or init the chapters")]
            ),
            dependencies: ["weave"]
        ),
        .testTarget(name: "ElmanRNNTests", dependencies: ["ElmanRNN", "Display", "Statistics"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "WeaveKitTests", dependencies: ["WeaveKit", "Statistics"], exclude: ["Resources"]),
        .testTarget(name: "ChapterTests", dependencies: ["WeaveKit"]),
        .testTarget(name: "BPTTTests", dependencies: ["bptt"]),
        .testTarget(name: "WeaveCommandTests", dependencies: ["weave", "WeaveKit"]),
    ]
)

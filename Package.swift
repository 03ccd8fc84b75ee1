// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "aligncorpus",
    products: [
        .library(name: "AlignCorpus", targets: ["AlignCorpus"]),
        .executable(name: "aligncorpus", targets: ["aligncorpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // System ICU (Debian's libicu-dev), found through pkg-config.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // The one module that calls ICU. Its public header uses only <stdint.h> types so
        // that Swift code importing Foundation (which carries its own private ICU) can
        // import it without clashing ICU type definitions.
        .target(name: "ICUBridge", dependencies: ["CICU"]),
        // Byte scans that run on every paragraph (language, white space, NFC, UTF-8 checks).
        .target(name: "CTextScan"),
        // The whole pipeline as plain values and functions.
        .target(name: "AlignCorpus", dependencies: ["ICUBridge", "CTextScan"]),
        // Thin command-line front end.
        .executableTarget(
            name: "aligncorpus",
            dependencies: [
                "AlignCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A bare ICU word-break loop, the yardstick for tools/bench-segment.
        .executableTarget(name: "icu-wordbreak-bench", dependencies: ["ICUBridge"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AlignCorpusTests", dependencies: ["AlignCorpus", "TestSupport"]),
        .testTarget(
            name: "aligncorpusTests", dependencies: ["aligncorpus", "TestSupport"], exclude: ["Golden"]),
    ]
)

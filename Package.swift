// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "pressgraph",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "pressgraph", targets: ["pressgraph"]),
    .library(name: "PressReleases", targets: ["PressReleases"]),
    .library(name: "EntityGraph", targets: ["EntityGraph"]),
    .library(name: "GraphStore", targets: ["GraphStore"]),
    .library(name: "GraphExport", targets: ["GraphExport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // Pipeline stage 1: files and bytes become releases (bundles split,
    // boilerplate stripped, dates read, sentences split).
    .target(
      name: "PressReleases",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      resources: [.copy("Resources/words")]
    ),
    // Stages 2-4, the entity module: releases become mentions, entities and
    // relations, resolved across releases.
    .target(
      name: "EntityGraph",
      dependencies: ["PressReleases"],
      resources: [
        .copy("Resources/gazetteer.json"), .copy("Resources/lexicon"), .copy("Resources/rules"),
      ]
    ),
    // Stages 5-6: the embedded SQLite store and its queries.
    .target(
      name: "GraphStore",
      dependencies: [
        "EntityGraph",
        "PressReleases",
        "CZlib",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    // zlib from Debian's zlib1g-dev, for the store's compressed analyses
    // (imported by GraphStore/Deflate.swift only).
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
    // Stage 7, the export module: subgraphs to DOT, and to SVG/PNG/PDF
    // through Graphviz in-process.
    .target(name: "GraphExport", dependencies: ["GraphStore", "EntityGraph", "CGraphviz"]),
    // libgvc/libcgraph from Debian's libgraphviz-dev.
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
    ),
    // The command-line tool: a thin layer over the libraries.
    .executableTarget(
      name: "pressgraph",
      dependencies: [
        "PressReleases",
        "EntityGraph",
        "GraphStore",
        "GraphExport",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Benchmarks: `swift run -c release pressgraph-benchmarks` (numbers in the README).
    .executableTarget(
      name: "pressgraph-benchmarks",
      dependencies: [
        "PressReleases", "EntityGraph", "GraphStore", "GraphExport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),

    // Tests
    // Fixtures shared by several test targets.
    .target(
      name: "PressgraphTestSupport",
      dependencies: ["GraphExport", "EntityGraph", "PressReleases"],
      path: "Tests/PressgraphTestSupport"
    ),
    .testTarget(
      name: "PressReleasesTests",
      dependencies: ["PressReleases"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "EntityGraphTests", dependencies: ["EntityGraph"], exclude: ["Golden"]),
    .testTarget(
      name: "GraphStoreTests",
      dependencies: ["GraphStore", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "GraphExportTests",
      dependencies: ["GraphExport", "GraphStore", "CGraphviz", "PressgraphTestSupport"],
      exclude: ["Golden"]
    ),
    .testTarget(
      name: "pressgraphTests",
      dependencies: ["pressgraph", "PressReleases", "GraphExport", "PressgraphTestSupport"]
    ),
  ],
  swiftLanguageModes: [.v6]
)

// Fuzzing (libFuzzer): four targets, in the package only when
// PRESSGRAPH_FUZZ is set, since they have no `main` of their own and link
// only with `-sanitize=fuzzer`. Build and run them with `bash .ci/fuzz`.
if Context.environment["PRESSGRAPH_FUZZ"] != nil {
  package.targets.append(.target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport"))
  for name in ["FuzzReleaseReader", "FuzzDateParser", "FuzzExtraction", "FuzzDOTSVG"] {
    package.targets.append(
      .executableTarget(
        name: name, dependencies: ["FuzzSupport", "PressgraphTestSupport"],
        path: "Tests/Fuzz/\(name)"))
    package.products.append(.executable(name: name, targets: [name]))
  }
}

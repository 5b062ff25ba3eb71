import EntityGraph
import Foundation
import PressReleases
import Testing

/// The seed releases, read from the package's `seeds/` folder.
private let seedReleases: [Release] = {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  return CorpusReader().read([root.appendingPathComponent("seeds").path]).releases
}()

/// Releases with invented people that exercise every part of an analysis:
/// affiliations, parents, meetings with date spans and places, acronyms
/// defined in one release and used bare in another.
private let inventedReleases: [Release] = [
  release(
    "The Ministry of Trade, Industry and Resources (MOTIR, Minister Han Ji-woo) met with "
      + "Daniel Moreau, Minister of Economy of France, on March 3-4 in Seoul. "
      + "The Korea Plant Export Council (KPEC), under MOTIR, attended.",
    title: "Minister Han meets French counterpart", date: "2025-03-05", path: "a.txt"),
  release(
    "KPEC Chairman Seo Min-jae will meet Vice Minister Baek Do-hyun on April 2. "
      + "Seo Min-jae, CEO of Hanbit Robotics Co., Ltd., signed an MOU with KOTRA.",
    title: "Council meets ministry", date: "2025-03-20", path: "b.txt"),
]

@Suite("Release analysis (stored first-pass extraction)")
struct AnalysisTests {
  static let corpora: [(String, [Release])] = [
    ("seeds", seedReleases), ("invented", inventedReleases),
  ]

  @Test("resolving decoded analyses gives the graph extraction gives", arguments: [0, 1])
  func roundTrip(corpus: Int) throws {
    let releases = Self.corpora[corpus].1
    #expect(!releases.isEmpty)
    let extractor = EntityExtractor()
    let analyses = releases.map(extractor.analyse)
    let decoded = try analyses.map {
      try ReleaseAnalysis(decoding: $0.encoded(), release: $0.release)
    }
    #expect(extractor.resolve(decoded) == extractor.extract(releases))
    #expect(extractor.resolve(analyses) == extractor.extract(releases))
    // Encoding is a function of the analysis: decoding and encoding again
    // gives the same bytes, and so does a second analysis.
    for (analysis, again) in zip(analyses, decoded) {
      #expect(again.encoded() == analysis.encoded())
      #expect(extractor.analyse(analysis.release).encoded() == analysis.encoded())
    }
  }

  @Test("an analysis decodes for another release with the same content")
  func otherPath() throws {
    let extractor = EntityExtractor()
    let original = inventedReleases[0]
    let copy = release(
      String(original.body), title: original.title, date: "2025-03-05", path: "elsewhere/a.txt")
    #expect(copy.contentHash == original.contentHash)
    #expect(copy.id != original.id)
    let decoded = try ReleaseAnalysis(
      decoding: extractor.analyse(original).encoded(), release: copy)
    #expect(extractor.resolve([decoded]) == extractor.extract([copy]))
  }

  @Test("every truncation and many corruptions of an analysis throw or decode, never crash")
  func damagedBytes() throws {
    let extractor = EntityExtractor()
    let analysis = extractor.analyse(inventedReleases[1])
    let bytes = analysis.encoded()
    for length in 0..<bytes.count {
      #expect(throws: EntityGraphError.self) {
        try ReleaseAnalysis(decoding: Array(bytes[0..<length]), release: analysis.release)
      }
    }
    #expect(throws: EntityGraphError.self) {
      try ReleaseAnalysis(decoding: bytes + [0], release: analysis.release)
    }
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var decodedSome = 0
    for _ in 0..<2000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var damaged = bytes
      let position = Int(state >> 33) % damaged.count
      damaged[position] ^= UInt8(truncatingIfNeeded: state >> 17) | 1
      if let decoded = try? ReleaseAnalysis(decoding: damaged, release: analysis.release) {
        // Whatever decodes resolves without trapping.
        _ = extractor.resolve([decoded])
        decodedSome += 1
      }
    }
    #expect(decodedSome < 2000)
  }

  /// The extraction of the seeds and the invented releases, as a hash,
  /// recorded with the code version it was made under. When extraction
  /// changes what these releases yield, stored analyses are stale: raise
  /// ``EntityExtractor/analysisCodeVersion`` and record again
  /// (PRESSGRAPH_RECORD=1 swift test).
  @Test("a change in what releases yield comes with a new analysis version")
  func versionGuard() throws {
    let extractor = EntityExtractor()
    var bytes: [UInt8] = []
    for release in seedReleases + inventedReleases {
      bytes += extractor.analyse(release).encoded()
    }
    let line = "\(EntityExtractor.analysisCodeVersion) \(sha256Hex(bytes))\n"
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Golden/analysis-version.txt")
    if ProcessInfo.processInfo.environment["PRESSGRAPH_RECORD"] == "1" {
      try Data(line.utf8).write(to: file)
      return
    }
    let recorded = try String(contentsOf: file, encoding: .utf8)
    let recordedVersion = recorded.split(separator: " ").first.map(String.init)
    if recorded != line {
      #expect(
        recordedVersion != EntityExtractor.analysisCodeVersion,
        """
        the analyses of the seeds changed under the same analysis version \
        (\(EntityExtractor.analysisCodeVersion)): stores would keep stale analyses. Raise \
        EntityExtractor.analysisCodeVersion, then record with PRESSGRAPH_RECORD=1 swift test
        """)
      Issue.record("Golden/analysis-version.txt is out of date: record it (PRESSGRAPH_RECORD=1)")
    }
  }

  @Test("the analysis version names the code version, the resources and the gazetteer")
  func versionParts() throws {
    let builtIn = EntityExtractor().analysisVersion
    #expect(builtIn.hasPrefix(EntityExtractor.analysisCodeVersion + ":"))
    var gazetteer = Gazetteer.builtIn
    gazetteer.institutions.removeLast()
    #expect(EntityExtractor(gazetteer: gazetteer).analysisVersion != builtIn)
    #expect(EntityExtractor().analysisVersion == builtIn)
  }
}

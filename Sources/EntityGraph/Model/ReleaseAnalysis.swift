import Foundation
import PressReleases

/// One release's first-pass extraction: what the release yields on its own,
/// before acronyms defined elsewhere in the corpus are applied and before
/// entities are resolved across releases.
///
/// The first pass depends only on the release's content and the
/// extractor's ``EntityExtractor/analysisVersion``, so a store can keep it
/// (``encoded()``) and hand it back (``init(decoding:release:)``) instead
/// of extracting the release again:
///
/// ```swift
/// let analyses = releases.map(extractor.analyse)        // once per release, ever
/// let graph = extractor.resolve(analyses)                // the corpus, every time
/// assert(graph == extractor.extract(releases))
/// ```
public struct ReleaseAnalysis: Sendable {
  var local: LocalExtraction

  init(_ local: LocalExtraction) { self.local = local }

  /// The release analysed.
  public var release: Release { local.release }

  /// The analysis as bytes, for storage: the same analysis always gives
  /// the same bytes.
  public func encoded() -> [UInt8] { AnalysisCodec.encode(local) }

  /// An analysis read back from ``encoded()`` bytes, for `release` (the
  /// release analysed, or any release with the same content hash).
  ///
  /// - Throws: ``EntityGraphError/badAnalysis(release:reason:)`` when the
  ///   bytes are damaged or of another format; analyse the release again.
  public init(decoding bytes: [UInt8], release: Release) throws(EntityGraphError) {
    do {
      local = try AnalysisCodec.decode(bytes, release: release)
    } catch {
      throw .badAnalysis(release: release.id, reason: error.reason)
    }
  }
}

extension EntityExtractor {
  /// Identifies everything a first-pass analysis depends on besides the
  /// release: the analysis format and extraction code
  /// (``analysisCodeVersion``), the built-in rules and word lists, and the
  /// gazetteer. A stored analysis made under another version is stale.
  public var analysisVersion: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let gazetteer = (try? encoder.encode(gazetteer)) ?? Data()
    return "\(Self.analysisCodeVersion):\(Self.builtInResourceHash):"
      + sha256Hex(Array(gazetteer)).prefix(16)
  }

  /// The version of the extraction code and the analysis format. Raise it
  /// with every change to extraction code that changes what a release
  /// yields (``ExtractionVersionTests`` fails when the seeds' extraction
  /// changes under an unchanged version).
  public static let analysisCodeVersion = "extract-2"

  /// A hash of the built-in rule files and word lists.
  static let builtInResourceHash: String = {
    var bytes: [UInt8] = []
    guard let root = Bundle.module.resourceURL else { return "none" }
    for folder in ["rules", "lexicon"] {
      let url = root.appendingPathComponent(folder)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
      for name in names.sorted() {
        bytes += Array("\(folder)/\(name)\n".utf8)
        bytes += Array((try? Data(contentsOf: url.appendingPathComponent(name))) ?? Data())
      }
    }
    return String(sha256Hex(bytes).prefix(16))
  }()

  /// The first-pass extraction of one release. Pure and thread-safe: call
  /// it from as many tasks as there are cores.
  public func analyse(_ release: Release) -> ReleaseAnalysis {
    ReleaseAnalysis(ReleaseExtractor(index: index).extract(release))
  }

  /// Resolves analysed releases into the graph: acronyms defined anywhere
  /// in the corpus are applied to the releases that use them bare (those
  /// releases are extracted again), then entities are resolved across
  /// releases. `resolve(releases.map(analyse))` is `extract(releases)`.
  public func resolve(_ analyses: [ReleaseAnalysis]) -> EntityGraph {
    Resolver(gazetteer: gazetteer, index: index).resolve(withCorpusAcronyms(analyses.map(\.local)))
  }
}

extension ReleaseAnalysis {
  /// The institution acronyms the release defines ("… (KCCI)").
  public var definedAcronyms: Set<String> { Set(local.definitions.keys) }

  /// Acronym-like tokens the release could not place on its own: a
  /// definition elsewhere in the corpus may place them.
  public var unresolvedAcronyms: Set<String> { local.unresolvedAcronyms }

  /// True when both releases define `acronym` the same way.
  public func defines(_ acronym: String, as other: ReleaseAnalysis) -> Bool {
    local.definitions[acronym] == other.local.definitions[acronym]
  }
}

extension EntityExtractor {
  /// The analysis with acronyms that `definers` define applied: a release
  /// that uses one of them bare is extracted again with their
  /// definitions (the corpus step of ``resolve(_:)``, for one release).
  ///
  /// - Parameter definers: for each acronym, the release that defines it
  ///   first in the corpus.
  public func applyingCorpusAcronyms(
    _ analysis: ReleaseAnalysis, definers: [String: ReleaseAnalysis]
  ) -> ReleaseAnalysis {
    var corpus: [String: AcronymDefinition] = [:]
    for acronym in analysis.local.unresolvedAcronyms {
      if let definition = definers[acronym]?.local.definitions[acronym] {
        corpus[acronym] = definition
      }
    }
    // As ``withCorpusAcronyms(_:)`` reads it (``definitions(_:usedBy:)``).
    guard !corpus.isEmpty else { return analysis }
    return ReleaseAnalysis(
      ReleaseExtractor(index: index, corpusAcronyms: corpus).extract(analysis.release))
  }

  /// ``resolve(_:)``, with the resolution as a store keeps it for
  /// ``resolve(adding:to:)``.
  public func resolveWithSnapshot(_ analyses: [ReleaseAnalysis]) -> (
    graph: EntityGraph, snapshot: ResolutionSnapshot
  ) {
    let result = Resolver(gazetteer: gazetteer, index: index).resolve(
      withCorpusAcronyms(analyses.map(\.local)), snapshot: true)
    return (
      result.graph, result.snapshot ?? ResolutionSnapshot(clusters: [], keys: [], roleHolders: [])
    )
  }

  /// Folds releases into a stored resolution.
  ///
  /// - Parameter analyses: the new releases, with corpus acronyms already
  ///   applied (``applyingCorpusAcronyms(_:definers:)``).
  /// - Returns: what changes; a full ``resolveWithSnapshot(_:)`` of the
  ///   stored and the new releases would give the same entities.
  public func resolve(adding analyses: [ReleaseAnalysis], to state: some ResolutionState)
    throws -> ResolutionDelta
  {
    try IncrementalResolver(resolver: Resolver(gazetteer: gazetteer, index: index)).resolve(
      adding: analyses.map(\.local), state: state)
  }

  /// One release with global ids: `id` gives the entity a local entity is,
  /// from the local's keys (every key of a local belongs to one entity).
  public func releaseExtraction(
    _ analysis: ReleaseAnalysis, id: (Set<String>) throws -> String
  ) rethrows -> ReleaseExtraction {
    Resolver.releaseExtraction(
      analysis.local, ids: try analysis.local.entities.map { try id($0.keys) })
  }

  /// Renamed institutions that are both among `entities` (ids).
  public func successions(among entities: Set<String>) -> [Succession] {
    Resolver(gazetteer: gazetteer, index: index).successions(among: entities)
  }
}

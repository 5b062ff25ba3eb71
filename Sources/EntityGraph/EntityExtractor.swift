import PressReleases

/// The entity module's entry point: releases in, a resolved graph out.
///
/// ```swift
/// let graph = EntityExtractor().extract(releases)
/// for meeting in graph.releases.flatMap(\.meetings) { print(meeting.participants) }
/// ```
///
/// Extraction runs per release (see the rules on each stage), then acronyms
/// defined anywhere in the corpus are applied to releases that use them
/// bare, and finally ``EntityGraph`` entities are resolved across releases.
public struct EntityExtractor: Sendable {
  /// The institutions and countries extraction knows by name.
  public var gazetteer: Gazetteer
  let index: PhraseIndex

  /// Creates an extractor with the built-in gazetteer, plus `additions`.
  public init(gazetteer: Gazetteer = .builtIn) {
    self.gazetteer = gazetteer
    index = PhraseIndex(gazetteer)
  }

  /// Extracts and resolves entities, affiliations, parent bodies and
  /// meetings from releases.
  public func extract(_ releases: [Release]) -> EntityGraph {
    Resolver(gazetteer: gazetteer, index: index).resolve(locals(releases))
  }

  /// What each release yields and which rule made each part of it: the
  /// per-release extraction, before entities are resolved across releases.
  public func explain(_ releases: [Release]) -> [ExtractionTrace] {
    locals(releases).map(ExtractionTrace.init)
  }

  /// Per-release extraction, with acronyms defined anywhere in the corpus
  /// applied to releases that use them bare.
  private func locals(_ releases: [Release]) -> [LocalExtraction] {
    let extractor = ReleaseExtractor(index: index)
    return withCorpusAcronyms(releases.map(extractor.extract))
  }

  /// `locals` after the corpus's acronym definitions are applied: the
  /// releases with an acronym they could not place that another release
  /// defines are extracted again, with the corpus's definitions.
  func withCorpusAcronyms(_ locals: [LocalExtraction]) -> [LocalExtraction] {
    var locals = locals
    var corpus: [String: AcronymDefinition] = [:]
    for local in locals {
      for (acronym, definition) in local.definitions.sorted(by: { $0.key < $1.key })
      where corpus[acronym] == nil {
        corpus[acronym] = definition
      }
    }
    if !corpus.isEmpty {
      for i in locals.indices {
        let needed = Self.definitions(corpus, usedBy: locals[i])
        guard !needed.isEmpty else { continue }
        locals[i] = ReleaseExtractor(index: index, corpusAcronyms: needed).extract(
          locals[i].release)
      }
    }
    return locals
  }

  /// The corpus's definitions of the acronyms `local` could not place
  /// alone: all a second reading of it can use (every acronym it looks up
  /// in the corpus is one of them), so a release read with these is read
  /// as with the whole corpus's.
  static func definitions(_ corpus: [String: AcronymDefinition], usedBy local: LocalExtraction)
    -> [String: AcronymDefinition]
  {
    var needed: [String: AcronymDefinition] = [:]
    for acronym in local.unresolvedAcronyms {
      if let definition = corpus[acronym] { needed[acronym] = definition }
    }
    return needed
  }
}

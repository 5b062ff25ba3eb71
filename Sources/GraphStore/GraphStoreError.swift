import PressReleases

/// The errors of the store.
///
/// Problems with one file or one correction become ``Diagnostic`` values and
/// the work goes on; these are thrown when a whole operation cannot be done.
public enum GraphStoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The database failed while storing a file; nothing of that file was kept.
  case storeFailed(file: String, reason: String)
  /// The database failed while deriving the graph; the previous graph is kept.
  case rebuildFailed(reason: String)
  /// A query or correction failed in the database.
  case queryFailed(reason: String)
  /// No entity matches the text.
  case notFound(query: String, suggestions: [EntityBrief])
  /// Several entities match the text equally well.
  case ambiguous(query: String, candidates: [EntityBrief])
  /// A corrections file could not be used.
  case badCorrections(file: String, reason: String)
  /// A correction does not make sense (merging an entity into itself, say).
  case invalidCorrection(String)

  /// The failing stage.
  public var stage: Diagnostic.Stage { .store }

  /// The file concerned, when there is one.
  public var file: String? {
    switch self {
    case .storeFailed(let file, _), .badCorrections(let file, _): file
    default: nil
    }
  }

  /// A message naming the file (or the query) and the problem.
  public var description: String {
    switch self {
    case .storeFailed(let file, let reason):
      "\(file): not stored (the store is as it was before this file): \(reason)"
    case .rebuildFailed(let reason):
      "could not derive the graph (the previous graph is kept): \(reason)"
    case .queryFailed(let reason):
      "the store could not answer: \(reason)"
    case .notFound(let query, let suggestions):
      suggestions.isEmpty
        ? "no entity matches \"\(query)\""
        : "no entity matches \"\(query)\"; did you mean "
          + suggestions.map { "\"\($0.name)\"" }.joined(separator: ", ") + "?"
    case .ambiguous(let query, let candidates):
      "\"\(query)\" matches \(candidates.count) entities: "
        + candidates.map { "\($0.name) (\($0.id))" }.joined(separator: "; ")
    case .badCorrections(let file, let reason):
      "\(file): not a usable corrections file: \(reason)"
    case .invalidCorrection(let reason):
      "invalid correction: \(reason)"
    }
  }
}

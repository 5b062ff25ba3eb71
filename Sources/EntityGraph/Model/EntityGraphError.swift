/// The errors of the entity module.
public enum EntityGraphError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A gazetteer file could not be used.
  case badGazetteer(file: String, reason: String)
  /// A rule file could not be used.
  case badRules(file: String, reason: String)
  /// A stored first-pass analysis could not be read.
  case badAnalysis(release: String, reason: String)

  /// A message naming the file and the problem.
  public var description: String {
    switch self {
    case .badGazetteer(let file, let reason): "\(file): not a usable gazetteer: \(reason)"
    case .badRules(let file, let reason): "\(file): not a usable rule file: \(reason)"
    case .badAnalysis(let release, let reason):
      "release \(release): the stored analysis cannot be read: \(reason)"
    }
  }
}

/// A recoverable problem found while reading input.
///
/// Diagnostics are collected, not thrown: the rest of the work goes on, and
/// the command-line tool decides how to print them.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
  /// How serious a diagnostic is.
  public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    /// Information the user may want ("skipped README.pdf: not a text format").
    case note
    /// Something was wrong but the work went on (invalid UTF-8 replaced).
    case warning
    /// A file or part of one could not be used at all.
    case error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// The pipeline stage that found the problem.
  public enum Stage: String, Hashable, Sendable, Codable {
    /// Finding files in folders.
    case scan
    /// Reading bytes from disk.
    case read
    /// Turning bytes into text.
    case decode
    /// Splitting text into releases.
    case parse
    /// Extracting entities and relations.
    case extract
    /// Storing into the database.
    case store
    /// Drawing or exporting graphs.
    case export
  }

  /// How serious it is.
  public var severity: Severity
  /// Where in the pipeline it was found.
  public var stage: Stage
  /// The file it concerns, as the user named or the scan found it.
  public var file: String?
  /// What went wrong, in words a user can act on.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, stage: Stage, file: String?, _ message: String) {
    self.severity = severity
    self.stage = stage
    self.file = file
    self.message = message
  }

  /// `warning: seeds/a.txt: invalid UTF-8 …`, the form compilers use.
  public var description: String {
    if let file { return "\(severity.rawValue): \(file): \(message)" }
    return "\(severity.rawValue): \(message)"
  }
}

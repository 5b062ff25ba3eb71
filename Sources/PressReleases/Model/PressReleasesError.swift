/// The errors of the reading stage.
///
/// Most problems in input become ``Diagnostic`` values and the work goes on;
/// these are thrown by the I/O edge (``FileReading``) and turned into
/// diagnostics by ``CorpusReader``.
public enum PressReleasesError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A file could not be opened or read.
  case unreadable(file: String, reason: String)
  /// A file is larger than the reader's limit.
  case tooLarge(file: String, size: Int, limit: Int)

  /// The failing stage.
  public var stage: Diagnostic.Stage { .read }

  /// The file concerned.
  public var file: String {
    switch self {
    case .unreadable(let file, _), .tooLarge(let file, _, _): file
    }
  }

  /// A message naming the file and the problem.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      "\(file): cannot read: \(reason)"
    case .tooLarge(let file, let size, let limit):
      "\(file): \(size) bytes is over the limit of \(limit) bytes; skipped"
    }
  }
}

/// A file format the reader understands, chosen by file extension.
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Plain text: `.txt`, `.text`.
  case text
  /// Markdown: `.md`, `.markdown`.
  case markdown
  /// HTML: `.html`, `.htm`, `.xhtml`.
  case html

  /// The format for a file extension (without the dot, any case), or nil when
  /// the reader does not handle it.
  public init?(pathExtension: String) {
    switch pathExtension.lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .markdown
    case "html", "htm", "xhtml": self = .html
    default: return nil
    }
  }
}

/// One file's bytes with its path and format: the input of the reading stage.
///
/// The reader never opens files itself; ``CorpusScanner`` and ``FileReading``
/// do that at the edge, and tests build documents from literals.
public struct SourceDocument: Sendable, Hashable {
  /// The path shown to the user and stored with each release.
  public var path: String
  /// How to interpret the bytes.
  public var format: SourceFormat
  /// The raw content.
  public var bytes: [UInt8]

  /// Creates a document from raw bytes.
  public init(path: String, format: SourceFormat, bytes: [UInt8]) {
    self.path = path
    self.format = format
    self.bytes = bytes
  }

  /// Creates a document from text (encoded as UTF-8).
  public init(path: String, format: SourceFormat, text: String) {
    self.init(path: path, format: format, bytes: Array(text.utf8))
  }
}

/// What the reader made of one document.
public struct ReadOutcome: Sendable, Hashable {
  /// The releases found, in file order.
  public var releases: [Release]
  /// Problems found on the way; the releases above are still usable.
  public var diagnostics: [Diagnostic]

  /// Creates an outcome.
  public init(releases: [Release] = [], diagnostics: [Diagnostic] = []) {
    self.releases = releases
    self.diagnostics = diagnostics
  }
}

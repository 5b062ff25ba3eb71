/// One press release: the output of the reading stage.
///
/// A file holds one release or, for bundles, several. Each carries enough to
/// find it again (``source`` and ``position``) and a ``sentences`` index that
/// later stages point their evidence at.
public struct Release: Hashable, Sendable, Codable, Identifiable {
  /// A stable id built from the source path, the position in the file and the
  /// content hash: the same file read twice gives the same ids.
  public var id: String
  /// The path of the file, as found by the scan (relative to the working
  /// directory when the file is below it).
  public var source: String
  /// The release's place in its file: 1 for the first (or only) release.
  public var position: Int
  /// The headline.
  public var title: String
  /// The category line of a bundle ("Trade/Investment"), when present.
  public var category: String?
  /// The publication date, when the file states one; never guessed.
  public var date: PartialDate?
  /// The body text, clean of page boilerplate. Paragraphs are separated by a
  /// blank line.
  public var body: String
  /// The body's sentences, in order, with their offsets into ``body``.
  public var sentences: [Sentence]
  /// The SHA-256 of the title and body (hex), for change detection.
  public var contentHash: String

  /// Creates a release; ``id`` is derived by ``Release/makeID(source:position:contentHash:)``.
  public init(
    id: String, source: String, position: Int, title: String, category: String?,
    date: PartialDate?, body: String, sentences: [Sentence], contentHash: String
  ) {
    self.id = id
    self.source = source
    self.position = position
    self.title = title
    self.category = category
    self.date = date
    self.body = body
    self.sentences = sentences
    self.contentHash = contentHash
  }
}

/// A sentence of a release body.
///
/// Offsets count Unicode scalars (code points) from the start of
/// ``Release/body``, so `body.unicodeScalars` sliced at `start..<end` gives
/// ``text`` back; Python's `body[start:end]` does the same.
public struct Sentence: Hashable, Sendable, Codable {
  /// Zero-based index within the release.
  public var index: Int
  /// Offset of the first scalar, in Unicode scalars from the start of the body.
  public var start: Int
  /// Offset one past the last scalar.
  public var end: Int
  /// The sentence text.
  public var text: String

  /// Creates a sentence.
  public init(index: Int, start: Int, end: Int, text: String) {
    self.index = index
    self.start = start
    self.end = end
    self.text = text
  }
}

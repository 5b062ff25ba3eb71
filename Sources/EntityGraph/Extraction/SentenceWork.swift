import PressReleases

/// A sentence being worked on: its tokens, which of them are already part
/// of a mention, and the mentions found so far.
struct SentenceWork {
  /// A mention found in this sentence.
  struct Span: Hashable {
    /// Token indices.
    var range: Range<Int>
    /// Index into the release's local entities.
    var entity: Int
    /// Inside an appositive "(MOTIR, Minister JK Kim)": named, not acting.
    var appositive = false
    /// The rule that found the mention (`extract --explain`).
    var rule = ""
  }

  var index: Int
  var text: String
  /// Offset of the sentence in the body, in scalars.
  var offset: Int
  var tokens: [Token]
  var claimed: [Bool]
  /// The mentions, in the order they were found (changed only by
  /// ``claim(_:entity:appositive:)`` and ``unclaim(_:)``, which keep the
  /// indexes below in step).
  private(set) var spans: [Span] = []
  /// The first span (index into ``spans``; -1: none) that starts at each
  /// token, that ends at each token boundary, and that covers each token:
  /// lookups are then constant time, however long the sentence (a 500 KB
  /// sentence was quadratic).
  ///
  /// One array of triples, one allocation per sentence: at token boundary
  /// `i`, (first span starting at `i`, first ending at `i`, first covering
  /// token `i`); the last entry's covering slot is unused.
  private var firsts: [(starting: Int32, ending: Int32, covering: Int32)] = []
  /// Bracket depth at each token.
  var depth: [Int]
  /// True for tokens inside a quotation of six or more words (speech).
  var inSpeech: [Bool]
  /// The sentence's UTF-8 bytes, for slicing.
  let bytes: [UInt8]
  /// Every word class some token of the sentence has: a scan for a class
  /// the sentence lacks is skipped.
  let classes: WordClass

  init(_ sentence: Sentence) {
    bytes = Array(sentence.text.utf8)
    index = sentence.index
    text = sentence.text
    offset = sentence.start
    tokens = Tokenizer.tokens(utf8: bytes)
    claimed = Array(repeating: false, count: tokens.count)
    var depth: [Int] = []
    var level = 0
    var classes: WordClass = []
    depth.reserveCapacity(tokens.count)
    for i in tokens.indices {
      classes.formUnion(tokens[i].classes)
      let mark = tokens[i].punctByte
      let isOpen = mark == UInt8(ascii: "(") || mark == UInt8(ascii: "[")
      let isClose = mark == UInt8(ascii: ")") || mark == UInt8(ascii: "]")
      if isOpen { level += 1 }
      depth.append(level)
      if isClose { level = max(0, level - 1) }
    }
    self.depth = depth
    self.classes = classes
    // Quotations: curly pairs, or straight quotes toggling.
    var speech = Array(repeating: false, count: tokens.count)
    var open: Int?
    for i in tokens.indices where !tokens[i].isWord {
      let straight = tokens[i].punctByte == UInt8(ascii: "\"")
      let curlyOpen = tokens[i].punctByte == 0 && tokens[i].text == "\u{201C}"
      let curlyClose = tokens[i].punctByte == 0 && tokens[i].text == "\u{201D}"
      let opening = curlyOpen || (straight && open == nil)
      let closing = curlyClose || (straight && open != nil)
      if opening && open == nil {
        open = i
      } else if closing, let start = open {
        if tokens[start..<i].filter(\.isWord).count >= 6 {
          for j in start...i { speech[j] = true }
        }
        open = nil
      }
    }
    if let start = open, tokens[start...].filter(\.isWord).count >= 6 {
      for j in start..<tokens.count { speech[j] = true }
    }
    inSpeech = speech
    firsts = Array(repeating: (-1, -1, -1), count: tokens.count + 1)
  }

  /// Marks tokens as part of a mention and records it.
  mutating func claim(_ range: Range<Int>, entity: Int, appositive: Bool = false, rule: String) {
    for i in range { claimed[i] = true }
    let span = Span(range: range, entity: entity, appositive: appositive, rule: rule)
    index(span, at: spans.count)
    spans.append(span)
  }

  /// Removes the spans overlapping a range and frees their tokens.
  mutating func unclaim(_ range: Range<Int>) {
    guard spans.contains(where: { $0.range.overlaps(range) }) else { return }
    for span in spans where span.range.overlaps(range) {
      for i in span.range { claimed[i] = false }
    }
    spans.removeAll { $0.range.overlaps(range) }
    firsts = Array(repeating: (-1, -1, -1), count: tokens.count + 1)
    for (n, span) in spans.enumerated() { index(span, at: n) }
  }

  /// Adds the span at position `n` of ``spans`` to the indexes.
  private mutating func index(_ span: Span, at n: Int) {
    let (start, end) = (span.range.lowerBound, span.range.upperBound)
    if start >= 0, start < firsts.count, firsts[start].starting < 0 {
      firsts[start].starting = Int32(n)
    }
    if end >= 0, end < firsts.count, firsts[end].ending < 0 { firsts[end].ending = Int32(n) }
    for i in span.range where i >= 0 && i < tokens.count && firsts[i].covering < 0 {
      firsts[i].covering = Int32(n)
    }
  }

  /// The span that covers token `i`, if any (the first found).
  func span(at i: Int) -> Span? {
    guard i >= 0, i < tokens.count, firsts[i].covering >= 0 else { return nil }
    return spans[Int(firsts[i].covering)]
  }

  /// The span that starts at token `i` (skipping a "the").
  func span(startingAt i: Int) -> Span? {
    var i = i
    if i < tokens.count, tokens[i].lower == "the" { i += 1 }
    guard i >= 0, i < firsts.count, firsts[i].starting >= 0 else { return nil }
    return spans[Int(firsts[i].starting)]
  }

  /// The span that ends right before token `i`.
  func span(endingAt i: Int) -> Span? {
    guard i >= 0, i < firsts.count, firsts[i].ending >= 0 else { return nil }
    return spans[Int(firsts[i].ending)]
  }

  /// The text of tokens in a range, with spacing as in the sentence.
  func text(_ range: Range<Int>) -> String {
    guard let first = range.first, let last = range.last, last < tokens.count else { return "" }
    return String(decoding: bytes[tokens[first].byteStart..<tokens[last].byteEnd], as: UTF8.self)
  }

  /// Scalar offsets of a token range in the release body.
  func bodyOffsets(_ range: Range<Int>) -> (Int, Int) {
    guard let first = range.first, let last = range.last else { return (offset, offset) }
    return (offset + tokens[first].start, offset + tokens[last].end)
  }
}

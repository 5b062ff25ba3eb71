import Crypto
import Foundation

/// Reads releases out of documents: the first stage of the pipeline.
///
/// It recognises three shapes of file, whatever the format:
/// - **a single release**: a title line, then the body (a date line near the
///   top, "Date: 2025-11-18" or "November 18, 2025", is used when present);
/// - **a bundle**: releases separated by lines holding only `-`, each with an
///   optional category line, a title line, a body, and a trailing
///   `dateYYYY-MM-DD` glued to the last sentence;
/// - **a scraped web page**: a site header, the title, a
///   `YYYY-MM-DD N min read` line, the title again, a reading-time line, the
///   body, then footer boilerplate, which is removed.
///
/// HTML is first reduced to its article text (``HTMLText``) and Markdown to
/// plain lines; then the same shape rules apply.
///
/// ```swift
/// let outcome = ReleaseReader().read(
///   SourceDocument(path: "a.txt", format: .text, text: "Title\nBody text."))
/// outcome.releases[0].title  // "Title"
/// ```
public struct ReleaseReader: Sendable {
  /// The longest line still taken as a title; a longer first line is body
  /// text, and the title becomes its first sentence.
  public var maximumTitleLength = 300

  /// The largest release body, in UTF-8 bytes (default 4 MiB). A release
  /// above it is skipped with an error naming its file and position: the
  /// later stages work in time linear in a release's size but keep about a
  /// hundred bytes of tokens per byte of text in memory, so one release of
  /// hundreds of megabytes would take gigabytes. Real press releases are
  /// far below it (the longest of the development set is 20 KB); a bundle
  /// of many releases is not limited.
  public var maximumReleaseSize = 4 << 20

  /// Creates a reader with the default limits.
  public init() {}

  /// Creates a reader that skips releases over `maximumReleaseSize` bytes.
  public init(maximumReleaseSize: Int) {
    self.maximumReleaseSize = maximumReleaseSize
  }

  /// Reads the releases in one document.
  /// - Parameter document: The file's path, format and bytes.
  /// - Returns: The releases in file order, with diagnostics for anything
  ///   that was repaired or skipped.
  public func read(_ document: SourceDocument) -> ReadOutcome {
    let decoded = TextDecoding.decode(document.bytes, file: document.path)
    guard let text = decoded.text else {
      return ReadOutcome(releases: [], diagnostics: decoded.diagnostics)
    }
    var outcome = read(text: text, path: document.path, format: document.format)
    outcome.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
    return outcome
  }

  /// Reads the releases in already decoded text.
  /// - Parameters:
  ///   - text: The file's text with `\n` line ends.
  ///   - path: The source path, stored with each release and used in ids.
  ///   - format: How to interpret the text.
  public func read(text: String, path: String, format: SourceFormat) -> ReadOutcome {
    var diagnostics: [Diagnostic] = []
    var hints = Hints()
    let lines: [String]
    switch format {
    case .text:
      lines = splitLines(text)
    case .markdown:
      let converted = MarkdownText.convert(text)
      lines = converted.lines
      hints.title = converted.title
      hints.date = converted.date
      hints.impossibleDate = converted.impossibleDate
    case .html:
      let page = HTMLText.extract(text)
      lines = page.paragraphs.flatMap { [$0, ""] }
      hints.title = page.title
      hints.date = page.published
      hints.impossibleDate = page.impossiblePublished
    }
    if let impossible = hints.impossibleDate {
      diagnostics.append(
        Diagnostic(
          .warning, stage: .parse, file: path,
          "the declared date \"\(impossible.text)\" is not a date (\(impossible.reason));"
            + " ignored"))
    }

    var drafts: [Draft] = []
    if format == .text, let segments = bundleSegments(lines) {
      for (number, segment) in segments.enumerated() {
        if let draft = single(
          segment, hints: Hints(), inBundle: true, path: path, diagnostics: &diagnostics)
        {
          drafts.append(draft)
        } else {
          diagnostics.append(
            Diagnostic(
              .warning, stage: .parse, file: path,
              "bundle part \(number + 1) has a title but no body; skipped"))
        }
      }
    } else if let dateLine = webPageDateLine(lines) {
      if let draft = webPage(lines, dateLine: dateLine, hints: hints) { drafts.append(draft) }
    } else if let draft = single(
      lines[...], hints: hints, inBundle: false, path: path, diagnostics: &diagnostics)
    {
      drafts.append(draft)
    }
    if drafts.isEmpty {
      diagnostics.append(
        Diagnostic(.warning, stage: .parse, file: path, "no release found (a title and a body)"))
    }

    var releases: [Release] = []
    for (offset, draft) in drafts.enumerated() {
      let size = draft.paragraphs.reduce(0) { $0 + $1.utf8.count + 2 }
      if size > maximumReleaseSize {
        diagnostics.append(
          Diagnostic(
            .error, stage: .parse, file: path,
            (drafts.count > 1 ? "release \(offset + 1) " : "the release ")
              + "is \(Self.megabytes(size)), over the limit of \(Self.megabytes(maximumReleaseSize))"
              + " for one release; skipped"))
        continue
      }
      let release = finish(draft, source: path, position: offset + 1, diagnostics: &diagnostics)
      if release.date?.year == nil {
        diagnostics.append(
          Diagnostic(
            .warning, stage: .parse, file: path,
            (drafts.count > 1 ? "release \(offset + 1) " : "the release ")
              + "has no publication date line that could be read; dates in its text that name no year stay without one"
          ))
      }
      releases.append(release)
    }
    return ReadOutcome(releases: releases, diagnostics: diagnostics)
  }

  // MARK: - Shapes

  struct Hints {
    var title: String?
    var date: PartialDate?
    var impossibleDate: ImpossibleDate?
  }

  struct Draft {
    var title: String
    var category: String?
    var date: PartialDate?
    var paragraphs: [String]
  }

  /// Splits on `\n`, quickly, for multi-megabyte files.
  func splitLines(_ text: String) -> [String] {
    text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// The segments of a bundle, or nil when the lines are not one.
  ///
  /// A bundle has lines holding only `-` between releases; it counts as one
  /// when there are at least two parts of two or more lines, or the file
  /// opens with a separator.
  func bundleSegments(_ lines: [String]) -> [ArraySlice<String>]? {
    let isSeparator = { (line: String) in line.trimmingSpaces == "-" }
    guard let firstSeparator = lines.firstIndex(where: isSeparator) else { return nil }
    let segments = lines.split(whereSeparator: isSeparator).filter {
      $0.contains { !$0.trimmingSpaces.isEmpty }
    }
    let opensWithSeparator = lines[..<firstSeparator].allSatisfy { $0.trimmingSpaces.isEmpty }
    let substantial = segments.filter { $0.filter { !$0.trimmingSpaces.isEmpty }.count >= 2 }
    guard opensWithSeparator || substantial.count >= 2 else { return nil }
    return segments
  }

  /// The index of a `YYYY-MM-DD N min read` line, the mark of a scraped page.
  func webPageDateLine(_ lines: [String]) -> Int? {
    lines.prefix(40).firstIndex { line in
      readingBadgeDate(line) != nil
    }
  }

  /// The date of a `2024-04-21 2 min read` line.
  func readingBadgeDate(_ line: String) -> PartialDate? {
    // Only short lines can be a date and a badge; the badge is its last two
    // to four words.
    guard line.utf8.count <= 80 else { return nil }
    let words = line.trimmingSpaces.split(separator: " ")
    guard words.count >= 3 else { return nil }
    for cut in stride(from: words.count - 2, through: max(1, words.count - 4), by: -1) {
      let badge = words[cut...].joined(separator: " ")
      if Boilerplate.isBadge(badge),
        let date = DateParser.standaloneDate(words[..<cut].joined(separator: " "))
      {
        return date
      }
    }
    return nil
  }

  /// A scraped web page: header, title, date badge, title again, body, footer.
  func webPage(_ lines: [String], dateLine: Int, hints: Hints) -> Draft? {
    let titleLine = lines[..<dateLine].lastIndex { !$0.trimmingSpaces.isEmpty }
    let title = hints.title ?? titleLine.map { cleanTitle(lines[$0]) }
    guard let title, !title.isEmpty else { return nil }
    let paragraphs = bodyParagraphs(lines[(dateLine + 1)...], title: title)
    guard !paragraphs.isEmpty else { return nil }
    return Draft(
      title: title, category: nil, date: readingBadgeDate(lines[dateLine]) ?? hints.date,
      paragraphs: paragraphs)
  }

  /// A single release, or one part of a bundle.
  func single(
    _ lines: ArraySlice<String>, hints: Hints, inBundle: Bool, path: String,
    diagnostics: inout [Diagnostic]
  ) -> Draft? {
    var lines = Array(lines.map { $0.trimmingSpaces }.drop(while: \.isEmpty))
    while lines.last?.isEmpty == true { lines.removeLast() }
    var date = hints.date

    /// A date-shaped line that names no day is dropped like a date line,
    /// with a warning, instead of staying in the text unexplained.
    func warn(_ impossible: ImpossibleDate) {
      diagnostics.append(
        Diagnostic(
          .warning, stage: .parse, file: path,
          "\"\(impossible.text)\" is not a date (\(impossible.reason)); "
            + (date == nil ? "the release has no publication date" : "ignored")))
    }
    // "…last sentence. date2025-11-18" glued to the end.
    if let last = lines.indices.last, let marker = trailingDateMarker(lines[last]) {
      switch marker.date {
      case .date(let found): date = date ?? found
      case .impossible(let impossible): warn(impossible)
      }
      if marker.kept.isEmpty { lines.removeLast() } else { lines[last] = marker.kept }
    }
    // A date line among the first lines: "2025-11-18", "Date: November 18, 2025".
    for index in lines.indices.prefix(5) {
      if let found = headerDate(lines[index]) {
        switch found {
        case .date(let found): date = date ?? found
        case .impossible(let impossible): warn(impossible)
        }
        lines.remove(at: index)
        break
      }
    }

    var cursor = 0
    var category: String?
    let content = lines.indices.filter { !lines[$0].isEmpty }
    if content.count >= 3, isCategoryLine(lines[content[0]], inBundle: inBundle),
      isTitleLike(lines[content[1]])
    {
      category = lines[content[0]]
      cursor = content[1]
    } else if let first = content.first {
      cursor = first
    } else {
      return nil
    }

    var title: String
    var bodyStart: Int
    var titled = true
    if let hinted = hints.title {
      title = hinted
      bodyStart = cursor
    } else if isTitleLike(lines[cursor]) {
      title = cleanTitle(lines[cursor])
      bodyStart = cursor + 1
    } else {
      // No title line (the first line is long, several sentences, or a long
      // sentence with its period: "The FSC approved the regulation on
      // March 17 as …"): it is body text, and its first sentence stands in
      // for a title.
      let first = SentenceSplitter.split(lines[cursor]).first?.text ?? lines[cursor]
      title = first.count > 200 ? String(first.prefix(199)) + "…" : first
      bodyStart = cursor
      titled = false
      diagnostics.append(
        Diagnostic(
          .note, stage: .parse, file: path,
          "no title line; used the first sentence as the title"))
    }
    // (A stand-in title is the body's own first sentence: nothing to drop.)
    let paragraphs = bodyParagraphs(lines[bodyStart...], title: titled ? title : "")
    guard !paragraphs.isEmpty else { return nil }
    return Draft(title: title, category: category, date: date, paragraphs: paragraphs)
  }

  /// A date the reader found where a publication date goes.
  enum FoundDate {
    /// A real date.
    case date(PartialDate)
    /// Something shaped like a date that names no day.
    case impossible(ImpossibleDate)

    /// `text` as a date: a real one, an impossible one, or nil.
    init?(_ text: String) {
      if let date = DateParser.standaloneDate(text) {
        self = .date(date)
      } else if let impossible = DateParser.impossibleDate(text) {
        self = .impossible(impossible)
      } else {
        return nil
      }
    }
  }

  /// Splits `…text. date2025-11-18` into the text and the date.
  func trailingDateMarker(_ line: String) -> (kept: String, date: FoundDate)? {
    // Only the end of the line can hold the marker: look at its last 40 bytes.
    let bytes = Array(line.utf8.suffix(40))
    let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
    let pattern = Array("date".utf8)
    guard lowered.count >= pattern.count,
      let at = stride(from: lowered.count - pattern.count, through: 0, by: -1).first(where: { k in
        lowered[k] == pattern[0] && lowered[k + 1] == pattern[1] && lowered[k + 2] == pattern[2]
          && lowered[k + 3] == pattern[3]
      })
    else { return nil }
    // Require the marker to stand apart from a word ("update2025" is not one).
    if at > 0, let before = Unicode.Scalar(bytes[at - 1]) as Unicode.Scalar?, bytes[at - 1] < 0x80,
      before.properties.isAlphabetic
    {
      return nil
    }
    var rest = String(decoding: bytes[(at + pattern.count)...], as: UTF8.self)[...]
    rest = rest.drop { $0 == " " || $0 == ":" }
    guard let date = FoundDate(rest.trimmingSpaces) else { return nil }
    if case .date(let found) = date, !found.isComplete { return nil }
    let cut = line.utf8.index(line.utf8.endIndex, offsetBy: at - bytes.count)
    return (line[..<cut].trimmingSpaces, date)
  }

  /// Labels before a publication date (`Resources/words/date-labels.txt`),
  /// longest first.
  static let dateLabels = WordList.named("date-labels").sorted { $0.count > $1.count }

  /// The date of a header line: a bare date, or a label from
  /// ``dateLabels`` ("Date:", "Registration date", "Date.", "created")
  /// followed by one, with a weekday or time after it allowed
  /// ("Date 2018.12.12 (Wed)", "Registered on 2024-09-13 09:30").
  func headerDate(_ line: String) -> FoundDate? {
    guard line.utf8.count <= 80 else { return nil }
    if let date = FoundDate(line) { return date }
    if let date = readingBadgeDate(line) { return .date(date) }
    let lowered = line.lowercased()
    for label in Self.dateLabels where lowered.hasPrefix(label) {
      var rest = line.dropFirst(label.count)
      // The label must end here: "Dated" is not "Date" + "d".
      guard let next = rest.first, next == " " || next == ":" || next == "." || next == "\t"
      else { continue }
      rest = rest.drop { " :.\t".contains($0) }
      if rest.lowercased().hasPrefix("on ") { rest = rest.dropFirst(3) }
      return Self.leadingDate(rest.trimmingSpaces)
    }
    return nil
  }

  /// A date at the start of `text`, with a trailing period, weekday in
  /// brackets or time of day after it allowed.
  static func leadingDate(_ text: String) -> FoundDate? {
    var candidate = Substring(text)
    for _ in 0..<3 {
      if let found = FoundDate(String(candidate)) { return found }
      if candidate.hasSuffix(".") {
        candidate = candidate.dropLast()
      } else if let open = candidate.lastIndex(of: "("), candidate.hasSuffix(")") {
        candidate = candidate[..<open].trimmingSpaces[...]
      } else if let space = candidate.lastIndex(of: " "),
        candidate[candidate.index(after: space)...].allSatisfy({ $0.isNumber || $0 == ":" })
      {
        candidate = candidate[..<space]
      } else {
        return nil
      }
    }
    return FoundDate(String(candidate))
  }

  /// A category line: short, no sentence punctuation, and in a bundle or
  /// shaped like "Trade/Investment".
  func isCategoryLine(_ line: String, inBundle: Bool) -> Bool {
    guard line.count <= 40, !line.containsText(". "), let last = line.last,
      !".!?:;,".contains(last)
    else { return false }
    let words = line.split(separator: " ").count
    if line.utf8.contains(where: { $0 == 0x2F || $0 == 0x26 || $0 == 0x7C }) { return words <= 5 }
    return inBundle && words <= 3
  }

  /// A title: one line, one sentence, and either short or not ending in a
  /// period ("… Captivates the U.S." is still a title).
  func isTitleLike(_ line: String) -> Bool {
    line.count <= maximumTitleLength && (!line.hasSuffix(".") || line.count <= 160)
      && SentenceSplitter.split(line).count == 1
  }

  /// Strips heading marks and surrounding quotes from a title line.
  func cleanTitle(_ line: String) -> String {
    var title = Substring(line.trimmingSpaces)
    while title.first == "#" { title = title.dropFirst() }
    return collapseSpaces(title.trimmingSpaces)
  }

  /// Groups body lines into paragraphs: blank lines separate them, and a line
  /// that does not end a sentence runs on into the next (hard-wrapped text).
  /// Boilerplate at the edges, badges anywhere and repeats of the title go.
  func bodyParagraphs(_ lines: ArraySlice<String>, title: String) -> [String] {
    var paragraphs: [String] = []
    var current: [String] = []
    func flush() {
      if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
      current.removeAll()
    }
    for raw in lines {
      let line = collapseSpaces(raw.trimmingSpaces)
      if line.isEmpty {
        flush()
        continue
      }
      if let previous = current.last, !runsOn(previous, into: line) { flush() }
      current.append(line)
    }
    flush()
    let normalisedTitle = collapseSpaces(title).lowercased()
    let titleBytes = normalisedTitle.utf8.count
    paragraphs = paragraphs.filter {
      // Lowercasing changes a text's UTF-8 length by at most a factor of
      // three either way, so a paragraph outside that range cannot be the
      // title, and is not lowercased (a whole body was, once per release).
      let bytes = $0.utf8.count
      let mayBeTitle = bytes <= 3 * titleBytes && titleBytes <= 3 * bytes
      return !Boilerplate.isBadge($0) && !(mayBeTitle && $0.lowercased() == normalisedTitle)
    }
    return Boilerplate.trimEdges(paragraphs)
  }

  /// True when `next` continues the paragraph that `previous` belongs to.
  func runsOn(_ previous: String, into next: String) -> Bool {
    guard let end = previous.last, let start = next.first else { return false }
    if ".!?:;\u{201D}\"\u{2019})]".contains(end) { return false }
    if end == "," || end == "-" || start.isLowercase { return true }
    return previous.count >= 40 && (end.isLetter || end.isNumber)
  }

  /// Replaces runs of spaces, tabs and no-break spaces with one space.
  func collapseSpaces(_ text: String) -> String {
    // One pass over the bytes: a tab, a no-break space (C2 A0) or two spaces?
    var previous: UInt8 = 0
    var needed = false
    for byte in text.utf8 {
      if byte == 0x09 || (byte == 0xA0 && previous == 0xC2) || (byte == 0x20 && previous == 0x20) {
        needed = true
        break
      }
      previous = byte
    }
    guard needed else { return text }
    var result = String.UnicodeScalarView()
    var lastWasSpace = false
    for scalar in text.unicodeScalars {
      let space = scalar == " " || scalar == "\t" || scalar == "\u{A0}"
      if space {
        if !lastWasSpace { result.append(" ") }
      } else {
        result.append(scalar)
      }
      lastWasSpace = space
    }
    return String(result)
  }

  // MARK: - Finishing

  /// A byte count for people: "4.2 MB", "5.8 KB", "900 bytes" (decimal
  /// units, one decimal).
  static func megabytes(_ bytes: Int) -> String {
    func tenths(_ unit: Int, _ name: String) -> String {
      let tenths = (bytes + unit / 20) / (unit / 10)
      return "\(tenths / 10).\(tenths % 10) \(name)"
    }
    if bytes >= 999_950 { return tenths(1_000_000, "MB") }
    if bytes >= 1000 { return tenths(1000, "KB") }
    return "\(bytes) bytes"
  }

  /// Turns a draft into a release with its id, hash and sentences.
  func finish(_ draft: Draft, source: String, position: Int, diagnostics: inout [Diagnostic])
    -> Release
  {
    let body = draft.paragraphs.joined(separator: "\n\n")
    for impossible in DateParser.impossibleNumericDates(in: body) {
      diagnostics.append(
        Diagnostic(
          .warning, stage: .parse, file: source,
          "\"\(impossible.text)\" in the text is not a date (\(impossible.reason)); "
            + "it is not read as one"))
    }
    let canonical = [draft.title, draft.category ?? "", draft.date?.description ?? "", body]
      .joined(separator: "\n")
    let contentHash = sha256Hex(Array(canonical.utf8))
    let id = Release.makeID(source: source, position: position, contentHash: contentHash)
    return Release(
      id: id, source: source, position: position, title: draft.title, category: draft.category,
      date: draft.date, body: body, sentences: SentenceSplitter.split(body),
      contentHash: contentHash)
  }
}

extension Release {
  /// Builds the stable id of a release: the file's name (made safe), its
  /// position, and eight hex digits of a hash over the source path, the
  /// position and the content hash. Example: `001_eb9092cc-3-5f0c1d2e`.
  public static func makeID(source: String, position: Int, contentHash: String) -> String {
    let name = source.split(separator: "/").last.map(String.init) ?? source
    let stem =
      name.split(separator: ".", omittingEmptySubsequences: false).count > 1
      ? String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]) : name
    let safe = String(
      stem.unicodeScalars.map { scalar -> Character in
        let ok =
          scalar.isASCII
          && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar == "_" || scalar == "-")
        return ok ? Character(scalar) : "_"
      }.prefix(40))
    let digest = SHA256.hash(data: Array("\(source)\n\(position)\n\(contentHash)".utf8))
    return "\(safe.isEmpty ? "release" : safe)-\(position)-\(hex(digest).prefix(8))"
  }
}

/// SHA-256 of `bytes`, as 64 lowercase hex digits: the hash behind content
/// hashes, release ids and the store's file fingerprints.
public func sha256Hex(_ bytes: [UInt8]) -> String {
  hex(SHA256.hash(data: bytes))
}

/// Lowercase hex of a digest.
func hex(_ digest: SHA256.Digest) -> String {
  let digits = Array("0123456789abcdef".utf8)
  var bytes: [UInt8] = []
  bytes.reserveCapacity(64)
  for byte in digest {
    bytes.append(digits[Int(byte >> 4)])
    bytes.append(digits[Int(byte & 0x0F)])
  }
  return String(decoding: bytes, as: UTF8.self)
}

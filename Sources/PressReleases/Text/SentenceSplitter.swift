/// Splits text into sentences without breaking on abbreviations.
///
/// A sentence ends at `.`, `!`, `?` or `…` (optionally followed by closing
/// quotes and brackets) when white space and then something other than a
/// lowercase letter follow; and always at a line break. A period does **not**
/// end a sentence after:
/// - a single capital letter, an initial ("Anwar A. Al-Hejazi");
/// - a title or reference abbreviation ("Dr.", "Mr.", "Prof.", "Gen.", "St.");
/// - "No.", "Art.", "Vol." and similar when a number follows ("No. 3");
/// - a month abbreviation followed by a number ("Jan. 5", "Nov. 18");
/// - a dotted abbreviation ("U.S.", "U.K.", "e.g.") or a company suffix
///   ("Co.", "Ltd.", "Inc."), unless the next word is one that usually starts a
///   sentence ("…in the U.S. The ministry…").
///
/// Decimals ("12.2") and domains ("StyleKorean.com") never split, because a
/// boundary needs white space after the punctuation.
public enum SentenceSplitter {
  /// Splits `text` into sentences with offsets in Unicode scalars.
  /// - Parameter text: The text, usually a release body.
  /// - Returns: The sentences in order, trimmed of surrounding white space.
  public static func split(_ text: String) -> [Sentence] {
    let scalars = Array(text.unicodeScalars)
    let bytes = Array(text.utf8)
    var sentences: [Sentence] = []
    var start = 0
    var index = 0
    // A cursor from scalar offsets to UTF-8 offsets; emits only move forward.
    var cursorScalar = 0
    var cursorByte = 0
    func byteOffset(_ scalar: Int) -> Int {
      while cursorScalar < scalar {
        cursorByte += UTF8.width(scalars[cursorScalar])
        cursorScalar += 1
      }
      return cursorByte
    }

    func emit(_ end: Int) {
      var lower = start
      var upper = end
      while lower < upper, isSpace(scalars[lower]) { lower += 1 }
      while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
      if lower < upper {
        let from = byteOffset(lower)
        let to = byteOffset(upper)
        sentences.append(
          Sentence(
            index: sentences.count, start: lower, end: upper,
            text: String(decoding: bytes[from..<to], as: UTF8.self)))
      }
      start = end
    }

    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" {
        emit(index)
        index += 1
        continue
      }
      guard isTerminator(scalar) else {
        index += 1
        continue
      }
      // The run of terminators and closing punctuation after them.
      var after = index
      while after < scalars.count, isTerminator(scalars[after]) { after += 1 }
      while after < scalars.count, isCloser(scalars[after]) { after += 1 }
      guard after == scalars.count || isSpace(scalars[after]) else {
        index = after
        continue
      }
      var next = after
      while next < scalars.count,
        scalars[next] == " " || scalars[next] == "\t"
          || scalars[next] == "\u{A0}"
      {
        next += 1
      }
      if next == scalars.count || scalars[next] == "\n" {
        emit(after)
        index = after
        continue
      }
      let runIsSinglePeriod =
        after - index >= 1 && scalars[index] == "."
        && (index + 1 == scalars.count || !isTerminator(scalars[index + 1]))
      if isBoundary(scalars, period: runIsSinglePeriod ? index : nil, next: next) {
        emit(after)
      }
      index = after
    }
    emit(scalars.count)
    return sentences
  }

  /// Decides whether a terminator run ends a sentence, given the index of the
  /// next non-space scalar. `period` is the index of a lone period, or nil for
  /// `!`, `?`, `…` and runs such as `...`.
  static func isBoundary(_ scalars: [Unicode.Scalar], period: Int?, next: Int) -> Bool {
    let first = scalars[next]
    if first.properties.isLowercase { return false }
    if ",;:".unicodeScalars.contains(first) { return false }
    guard let period else { return true }

    // The word before the period, back to white space or an opening bracket.
    var wordStart = period
    while wordStart > 0, !isSpace(scalars[wordStart - 1]), !isOpener(scalars[wordStart - 1]) {
      wordStart -= 1
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[wordStart..<period])
    let word = String(view)
    if word.isEmpty { return true }
    let lowered = word.lowercased()
    let nextIsDigit = first.properties.numericType != nil
    let nextWord = followingWord(scalars, from: next)

    // "A. Al-Hejazi": a single capital letter is an initial.
    if word.unicodeScalars.count == 1, let only = word.unicodeScalars.first,
      only.properties.isUppercase
    {
      return false
    }
    // "U.S.", "e.g.", "Ph.D.": dotted abbreviations.
    if word.utf8.contains(0x2E) {
      if word.first?.isLowercase == true { return false }
      return sentenceStarters.contains(nextWord)
    }
    if titleAbbreviations.contains(lowered) { return false }
    if numberedAbbreviations.contains(lowered) { return !nextIsDigit && !(first == "(") }
    // "Jan. 5", "Tue. 31 Jan.": a month or weekday abbreviation ends a
    // sentence only before a word that starts one.
    if monthAbbreviations.contains(lowered) || weekdayAbbreviations.contains(lowered) {
      if nextIsDigit { return false }
      return sentenceStarters.contains(nextWord)
    }
    if companySuffixes.contains(lowered) { return sentenceStarters.contains(nextWord) }
    return true
  }

  /// The letters of the word starting at `index`, for the starter check.
  static func followingWord(_ scalars: [Unicode.Scalar], from index: Int) -> String {
    var view = String.UnicodeScalarView()
    var cursor = index
    while cursor < scalars.count,
      scalars[cursor].properties.isAlphabetic || scalars[cursor] == "'"
        || scalars[cursor] == "\u{2019}"
    {
      view.append(scalars[cursor])
      cursor += 1
    }
    return String(view)
  }

  static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "." || scalar == "!" || scalar == "?" || scalar == "\u{2026}"
  }

  static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{300D}", "\u{300F}":
      return true
    default:
      return false
    }
  }

  static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2014}", "\u{2013}":
      return true
    default:
      return false
    }
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{3000}"
  }

  /// Abbreviations that precede a name and never end a sentence.
  static let titleAbbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "hon", "rev", "st", "sgt", "capt",
    "lt", "col", "maj", "adm", "amb", "pres", "supt", "messrs", "mt", "ft", "vs", "approx", "cf",
    "dept", "univ", "assn", "est", "mme", "mlle", "fr", "sr", "jr",
  ]

  /// Abbreviations that precede a number ("No. 3", "Art. 12").
  static let numberedAbbreviations: Set<String> = [
    "no", "nos", "vol", "art", "arts", "para", "sec", "ch", "ref", "tel", "ext", "fig", "figs", "p",
    "pp", "op",
  ]

  /// Month abbreviations ("Jan. 5").
  static let monthAbbreviations = Set(WordList.monthAbbreviations.keys)

  /// Weekday abbreviations (`Resources/words/weekday-abbreviations.txt`).
  static let weekdayAbbreviations = WordList.weekdayAbbreviations

  /// Company-name suffixes, which can also end a sentence.
  static let companySuffixes: Set<String> = [
    "co", "ltd", "inc", "corp", "bros", "plc", "pte", "pty", "ltda", "llc", "gmbh", "ag", "nv",
    "bv", "kk", "esq",
  ]

  /// Words that usually begin a sentence; after an ambiguous abbreviation
  /// they signal a boundary.
  static let sentenceStarters: Set<String> = [
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "In",
    "On", "At", "As", "For", "According", "Meanwhile", "However", "Also", "Moreover",
    "Furthermore", "Additionally", "Separately", "During", "After", "Before", "Since", "With",
    "While", "Under", "Through", "Following", "A", "An", "Both", "Each", "All", "Some", "Many",
    "Our", "Their", "His", "Her", "There", "Such", "Last", "Next", "Earlier", "Later", "Today",
    "Yesterday", "Tomorrow", "When", "Then", "Thus", "Therefore", "Accordingly", "To", "By",
    "From", "If", "Although", "Despite", "Besides",
  ]
}

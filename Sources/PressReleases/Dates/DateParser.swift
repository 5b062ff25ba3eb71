/// Whether a date is about the past or the future, judged from the words around it.
public enum Tense: String, Sendable, Hashable, Codable {
  /// The sentence speaks of something that happened ("held", "was", "signed").
  case past
  /// The sentence speaks of something planned ("will", "plans to", "scheduled").
  case future
  /// No tense marker was found in the sentence.
  case unknown
}

/// A date found in a text.
public struct DateMention: Hashable, Sendable {
  /// The matched text, e.g. "Tuesday, November 18" or "from November 10 to 14".
  public var text: String
  /// Offset of the first scalar, in Unicode scalars from the start of the input text.
  public var start: Int
  /// Offset one past the last scalar.
  public var end: Int
  /// The resolved date or range; its year is nil when it cannot be known.
  public var span: DateSpan
  /// The tense of the sentence around the date.
  public var tense: Tense

  /// Creates a mention from its parts.
  public init(text: String, start: Int, end: Int, span: DateSpan, tense: Tense) {
    self.text = text
    self.start = start
    self.end = end
    self.span = span
    self.tense = tense
  }
}

/// Finds and resolves the dates of an English press release.
///
/// The parser reads month-day forms ("Tuesday, November 18", "Nov. 18th"),
/// day-month forms ("18 November 2025"), numeric forms ("2025-11-18",
/// "2025.11.18", "2025/11/18"), ranges ("from November 10 to 14", "Nov 6–8",
/// "10-14 November 2025") and months ("in early May", "October 2025").
///
/// It never invents a year: a year comes from the text or, through
/// ``resolveYear(month:day:tense:)``, from the publication date and the tense
/// of the sentence; without either the date stays partial.
///
/// Matching is a single pass over the text's tokens, so the time grows
/// linearly with the length of the text.
public struct DateParser: Sendable {
  /// The release's publication date, the anchor for dates written without a year.
  public var publication: PartialDate?

  /// Creates a parser for a release published on `publication` (nil when unknown).
  public init(publication: PartialDate?) {
    self.publication = publication
  }

  /// The dates in `text`, in text order and non-overlapping.
  ///
  /// Offsets count Unicode scalars, so `text.unicodeScalars` sliced at
  /// `start..<end` gives each mention's ``DateMention/text`` back.
  public func mentions(in text: String) -> [DateMention] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: each byte is its scalar, without decoding.
      for byte in text.utf8 { scalars.append(Unicode.Scalar(byte)) }
    } else {
      scalars.append(contentsOf: text.unicodeScalars)
    }
    let scanner = TokenScanner(scalars)
    return scanner.mentions(parser: self)
  }

  /// The date that a short string consists of, or nil.
  ///
  /// Accepts a complete date with a year and nothing else around it
  /// (surrounding white space aside): "2025-11-19", "2025.11.19",
  /// "2025/11/19", "November 19, 2025", "Nov. 19, 2025", "19 November 2025",
  /// "Wednesday, November 19, 2025" and ISO timestamps such as
  /// "2025-11-19T09:00:00+09:00" (the date part is kept). Partial and invalid
  /// dates give nil.
  public static func standaloneDate(_ line: String) -> PartialDate? {
    var scalars: [Unicode.Scalar] = []
    for scalar in line.unicodeScalars {
      scalars.append(scalar)
      if scalars.count > 80 { return nil }
    }
    return TokenScanner(scalars).standaloneDate()
  }

  /// The year of a date written without one, from the publication date and the tense.
  ///
  /// Past (and unknown) tense: a month after the publication month belongs
  /// to the year before, otherwise to the publication year. Future tense: a
  /// month before the publication month belongs to the year after, otherwise
  /// to the publication year. Nil without a publication year, for a month
  /// outside 1...12, or when `day` does not exist in the resulting year
  /// (29 February in a common year).
  public func resolveYear(month: Int, day: Int?, tense: Tense) -> Int? {
    guard let publication, let year = publication.year, (1...12).contains(month) else {
      return nil
    }
    let resolved: Int
    switch tense {
    case .future: resolved = month < publication.month ? year + 1 : year
    case .past, .unknown: resolved = month > publication.month ? year - 1 : year
    }
    guard PartialDate(checkedYear: resolved, month: month, day: day) != nil else { return nil }
    return resolved
  }
}

// MARK: - Tokens

extension DateParser {
  /// What a token is made of.
  fileprivate enum Kind: UInt8 {
    case word, number, punct
  }

  /// The letter case of a word.
  fileprivate enum Shape: UInt8 {
    /// "held"
    case lower
    /// "November"
    case capitalized
    /// "NOVEMBER"
    case upper
    /// "McDonald", "iPhone"
    case mixed
  }

  /// A run of letters, a run of ASCII digits, or one other visible scalar.
  fileprivate struct Token {
    var kind: Kind
    /// Scalar offset of the first scalar.
    var start: Int
    /// Scalar offset one past the last scalar.
    var end: Int
    /// A word in lower case (empty for long words, which are never keywords).
    var key: String
    /// A number's value (digits beyond nine are not counted), a punctuation scalar's value.
    var value: Int
    /// A number's count of digits.
    var digits: Int
    /// A word's letter case.
    var shape: Shape
    /// Line breaks in the white space before the token.
    var newlines: Int
  }

  /// Whether a tense marker ends or starts at a token.
  fileprivate enum Mark: UInt8 {
    case none, past, future

    var tense: Tense? {
      switch self {
      case .none: nil
      case .past: .past
      case .future: .future
      }
    }
  }

  /// A date with a day, as written.
  fileprivate struct Atom {
    /// "November 18", "18 November", "2025-11-18".
    enum Form { case monthDay, dayMonth, numeric }
    var form: Form
    var month: Int
    var day: Int?
    var year: Int?
    /// First token.
    var first: Int
    /// Last token.
    var last: Int
  }

  /// The written parts of one end of a range.
  fileprivate struct Parts {
    var month: Int
    var day: Int?
    var year: Int?
  }
}

// MARK: - Word lists

extension DateParser {
  fileprivate static let fullMonths = WordList.monthNames

  fileprivate static let shortMonths = WordList.monthAbbreviations

  fileprivate static let fullWeekdays = WordList.weekdayNames

  fileprivate static let shortWeekdays = WordList.weekdayAbbreviations

  /// Words that let a bare month ("in August") count as a date.
  fileprivate static let monthLeads: Set<String> = [
    "in", "by", "since", "until", "till", "through", "throughout", "during", "from", "of",
    "for", "this", "last", "next", "before", "after", "early", "mid", "late",
  ]

  /// Words that qualify a month and belong to the mention ("early May", "mid-October").
  fileprivate static let qualifiers: Set<String> = ["early", "mid", "late"]

  /// Words after a number that make it a quantity, not a day.
  fileprivate static let quantityWords: Set<String> = [
    "percent", "per", "million", "billion", "trillion", "thousand", "hundred", "won",
    "dollars", "times", "percentage",
  ]

  /// Words before a period that do not end a sentence.
  fileprivate static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos", "vs", "co", "corp", "inc",
    "ltd", "gov", "gen", "rep", "sen", "lt", "col", "capt", "amb", "dept", "approx", "fig",
    "vol", "art", "para",
  ]

  /// Single words that mark the future.
  /// The tense-marker rule each word triggers, in the order the rules are
  /// tried: future words, words that are future before "to", "going",
  /// "has"/"have", "took", then past words (participles flagged).
  fileprivate enum MarkerWord {
    case future, futureBeforeTo, going, hasHave, took
    case past(participle: Bool)
  }

  fileprivate static let markerWords: [String: MarkerWord] = {
    var table: [String: MarkerWord] = [:]
    for w in pastWords { table[w] = .past(participle: participles.contains(w)) }
    table["took"] = .took
    table["has"] = .hasHave
    table["have"] = .hasHave
    table["going"] = .going
    for w in futureBeforeTo { table[w] = .futureBeforeTo }
    for w in futureWords { table[w] = .future }
    return table
  }()

  /// Quick rejection before the lookups of every word.
  fileprivate static let markerFilter = WordFilter(markerWords.keys)
  fileprivate static let calendarFilter = WordFilter(
    Array(fullMonths.keys) + Array(shortMonths.keys) + Array(fullWeekdays)
      + Array(shortWeekdays))

  fileprivate static let futureWords: Set<String> = [
    "will", "shall", "plan", "plans", "planned", "planning", "scheduled", "schedule",
    "upcoming", "forthcoming", "tentatively", "next",
  ]

  /// Words that mark the future when "to" follows ("expected to").
  fileprivate static let futureBeforeTo: Set<String> = [
    "expected", "expects", "expect", "poised", "set", "intends", "intend", "aims", "aim",
  ]

  /// Single words that mark the past.
  fileprivate static let pastWords: Set<String> = [
    "held", "was", "were", "had", "previously", "last", "attended", "met", "visited", "signed",
    "announced", "convened", "chaired", "hosted", "launched", "concluded",
  ]

  /// Past markers that are participles: after "be" they speak of the future
  /// ("will be held", "to be signed").
  fileprivate static let participles: Set<String> = [
    "held", "attended", "met", "visited", "signed", "announced", "convened", "chaired",
    "hosted", "launched", "concluded",
  ]
}

// MARK: - TokenScanner

extension DateParser {
  /// The tokens of one text and the matching over them.
  fileprivate struct TokenScanner {
    let scalars: [Unicode.Scalar]
    let tokens: [Token]

    init(_ scalars: [Unicode.Scalar]) {
      self.scalars = scalars
      self.tokens = TokenScanner.tokenize(scalars)
    }

    // MARK: Tokenizing

    /// The text of a run of scalars, encoded in one pass (appending the
    /// scalars to a string view one by one costs several times more).
    static func string(_ run: ArraySlice<Unicode.Scalar>) -> String {
      var utf8: [UInt8] = []
      utf8.reserveCapacity(run.count * 2)
      for scalar in run { UTF8.encode(scalar) { utf8.append($0) } }
      return String(decoding: utf8, as: UTF8.self)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
      return c.properties.isAlphabetic
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
      return c.properties.isWhitespace
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      if v < 128 { return v >= 65 && v <= 90 }
      return c.properties.isUppercase
    }

    static func isLower(_ c: Unicode.Scalar) -> Bool {
      let v = c.value
      if v < 128 { return v >= 97 && v <= 122 }
      return c.properties.isLowercase
    }

    static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
      var tokens: [Token] = []
      tokens.reserveCapacity(s.count / 5 + 1)
      let n = s.count
      var i = 0
      var newlines = 0
      while i < n {
        let c = s[i]
        if isSpace(c) {
          switch c.value {
          case 10, 0x85, 0x2028, 0x2029: newlines += 1
          case 13 where i + 1 >= n || s[i + 1].value != 10: newlines += 1
          default: break
          }
          i += 1
          continue
        }
        if isDigit(c) {
          var j = i
          var value = 0
          while j < n, isDigit(s[j]) {
            if j - i < 9 { value = value * 10 + Int(s[j].value - 48) }
            j += 1
          }
          tokens.append(
            Token(
              kind: .number, start: i, end: j, key: "", value: value, digits: j - i,
              shape: .mixed, newlines: newlines))
          newlines = 0
          i = j
          continue
        }
        if isLetter(c) {
          var j = i
          var uppers = 0
          var lowers = 0
          var ascii = true
          while j < n, isLetter(s[j]) {
            if isUpper(s[j]) { uppers += 1 } else if isLower(s[j]) { lowers += 1 }
            if s[j].value >= 128 { ascii = false }
            j += 1
          }
          let count = j - i
          let shape: Shape
          if lowers == count {
            shape = .lower
          } else if uppers == count {
            shape = count == 1 ? .capitalized : .upper
          } else if isUpper(c) && lowers == count - 1 {
            shape = .capitalized
          } else {
            shape = .mixed
          }
          var key = ""
          if count <= 16 {
            if ascii {
              key = String(unsafeUninitializedCapacity: j - i) { buffer in
                for k in i..<j {
                  let v = UInt8(truncatingIfNeeded: s[k].value)
                  buffer[k - i] = v >= 65 && v <= 90 ? v + 32 : v
                }
                return j - i
              }
            } else {
              key = String(String.UnicodeScalarView(s[i..<j])).lowercased()
            }
          }
          tokens.append(
            Token(
              kind: .word, start: i, end: j, key: key, value: 0, digits: 0, shape: shape,
              newlines: newlines))
          newlines = 0
          i = j
          continue
        }
        tokens.append(
          Token(
            kind: .punct, start: i, end: i + 1, key: "", value: Int(c.value), digits: 0,
            shape: .mixed, newlines: newlines))
        newlines = 0
        i += 1
      }
      return tokens
    }

    // MARK: Token tests

    var count: Int { tokens.count }

    /// Whether token `b` starts where token `a` ends.
    func adjacent(_ a: Int, _ b: Int) -> Bool {
      a >= 0 && b < tokens.count && tokens[b].start == tokens[a].end
    }

    func isPunct(_ i: Int, _ c: Unicode.Scalar) -> Bool {
      i >= 0 && i < tokens.count && tokens[i].kind == .punct && tokens[i].value == Int(c.value)
    }

    func isPunct(_ i: Int, in set: [Unicode.Scalar]) -> Bool {
      guard i >= 0, i < tokens.count, tokens[i].kind == .punct else { return false }
      return set.contains { Int($0.value) == tokens[i].value }
    }

    func isWord(_ i: Int, _ word: String) -> Bool {
      i >= 0 && i < tokens.count && tokens[i].kind == .word && tokens[i].key == word
    }

    func word(_ i: Int) -> String? {
      guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return nil }
      return tokens[i].key
    }

    func isNumber(_ i: Int) -> Bool {
      i >= 0 && i < tokens.count && tokens[i].kind == .number
    }

    /// Whether a word is written as a name: "November" or "NOVEMBER".
    func isNameCase(_ i: Int) -> Bool {
      tokens[i].shape == .capitalized || tokens[i].shape == .upper
    }

    // MARK: Date pieces

    /// A month name at `i`: its number, whether written in full, and its last
    /// token (an abbreviation takes its period).
    func month(at i: Int) -> (month: Int, full: Bool, last: Int)? {
      guard i >= 0, i < count, tokens[i].kind == .word, isNameCase(i) else { return nil }
      let key = tokens[i].key
      if let m = DateParser.fullMonths[key] { return (m, true, i) }
      if let m = DateParser.shortMonths[key] {
        let last = isPunct(i + 1, ".") && adjacent(i, i + 1) ? i + 1 : i
        return (m, false, last)
      }
      return nil
    }

    /// The token after a weekday name and its comma, when `i` is a weekday.
    func afterWeekday(at i: Int) -> Int? {
      guard i >= 0, i < count, tokens[i].kind == .word, isNameCase(i) else { return nil }
      let key = tokens[i].key
      var j = i + 1
      if DateParser.shortWeekdays.contains(key) {
        if isPunct(j, ".") && adjacent(i, j) { j += 1 }
      } else if !DateParser.fullWeekdays.contains(key) {
        return nil
      }
      if isPunct(j, ",") { j += 1 }
      return j
    }

    /// Whether the number at `i` is not the tail of a decimal, a thousands
    /// group or a longer numeric code ("23.3", "1,000", "02-2110").
    func startsCleanly(_ i: Int) -> Bool {
      guard i >= 2, adjacent(i - 1, i), isPunct(i - 1, in: [".", ",", ":", "/", "-"]),
        isNumber(i - 2), adjacent(i - 2, i - 1)
      else { return true }
      return false
    }

    /// Whether what follows the token at `last` lets a number end there.
    func numberEndsCleanly(_ last: Int) -> Bool {
      let k = last + 1
      guard k < count else { return true }
      if adjacent(last, k) {
        switch tokens[k].kind {
        case .word, .number: return false
        case .punct:
          if isPunct(k, "%") { return false }
          if isPunct(k, in: [".", ":", "/"]) && isNumber(k + 1) && adjacent(k, k + 1) {
            return false
          }
          // "1,000" is a quantity; "18,2025" is a day and a year.
          if isPunct(k, ",") && isNumber(k + 1) && adjacent(k, k + 1)
            && tokens[k + 1].digits != 4
          {
            return false
          }
        }
      }
      if let w = word(k), DateParser.quantityWords.contains(w) { return false }
      return true
    }

    /// A day of the month at `i` ("18", "18th"), and its last token.
    func day(at i: Int) -> (day: Int, last: Int)? {
      guard isNumber(i), tokens[i].digits <= 2, (1...31).contains(tokens[i].value) else {
        return nil
      }
      var last = i
      if adjacent(i, i + 1), tokens[i + 1].kind == .word {
        guard tokens[i + 1].shape == .lower, ["st", "nd", "rd", "th"].contains(tokens[i + 1].key)
        else { return nil }
        last = i + 1
      }
      guard numberEndsCleanly(last) else { return nil }
      return (tokens[i].value, last)
    }

    /// A four-digit year at `i`.
    func year(at i: Int) -> (year: Int, last: Int)? {
      guard isNumber(i), tokens[i].digits == 4, (1000...2999).contains(tokens[i].value) else {
        return nil
      }
      let k = i + 1
      if adjacent(i, k), isPunct(k, in: ["-", "–", ".", ",", "/", ":"]), isNumber(k + 1),
        adjacent(k, k + 1)
      {
        return nil
      }
      guard numberEndsCleanly(i) else { return nil }
      return (tokens[i].value, i)
    }

    /// A year after `last`, with or without a comma before it.
    func trailingYear(after last: Int) -> (year: Int, last: Int)? {
      var k = last + 1
      if isPunct(k, ",") { k += 1 }
      return year(at: k)
    }

    /// A numeric date at `i`: `2025-11-18`, `2025.11.18`, `2025/11/18`, `2025. 11. 18`.
    func numeric(at i: Int) -> (year: Int, month: Int, day: Int, last: Int)? {
      guard isNumber(i), tokens[i].digits == 4, startsCleanly(i), i + 4 < count,
        isPunct(i + 1, in: ["-", ".", "/"]), adjacent(i, i + 1),
        tokens[i + 3].kind == .punct, tokens[i + 3].value == tokens[i + 1].value,
        adjacent(i + 2, i + 3),
        isNumber(i + 2), tokens[i + 2].digits <= 2, isNumber(i + 4), tokens[i + 4].digits <= 2
      else { return nil }
      let dotted = isPunct(i + 1, ".")
      // After a separator: adjacent, or (dotted form only) a short run of spaces.
      func follows(_ a: Int) -> Bool {
        if adjacent(a, a + 1) { return true }
        guard dotted, tokens[a + 1].newlines == 0 else { return false }
        return tokens[a + 1].start - tokens[a].end <= 2
      }
      guard follows(i + 1), follows(i + 3) else { return nil }
      let last = i + 4
      let k = last + 1
      if k < count, adjacent(last, k) {
        switch tokens[k].kind {
        case .number: return nil
        case .word:
          // A timestamp: "2025-11-19T09:00".
          guard tokens[k].key == "t", isNumber(k + 1), adjacent(k, k + 1) else { return nil }
        case .punct:
          if tokens[k].value == tokens[i + 1].value, isNumber(k + 1), adjacent(k, k + 1) {
            return nil
          }
          if isPunct(k, in: [".", ",", ":", "/", "-"]) && isNumber(k + 1) && adjacent(k, k + 1) {
            return nil
          }
        }
      }
      return (tokens[i].value, tokens[i + 2].value, tokens[i + 4].value, last)
    }

    /// A date with a day at `i`: an optional weekday, then month-day,
    /// day-month or a numeric date, each with an optional year.
    func dayAtom(at i: Int) -> Atom? {
      var j = i
      if let after = afterWeekday(at: i) { j = after }
      if let (m, _, ml) = month(at: j), let (d, dl) = day(at: ml + 1) {
        if let (y, yl) = trailingYear(after: dl) {
          return Atom(form: .monthDay, month: m, day: d, year: y, first: i, last: yl)
        }
        return Atom(form: .monthDay, month: m, day: d, year: nil, first: i, last: dl)
      }
      guard isNumber(j), startsCleanly(j) else { return nil }
      if let (y, m, d, last) = numeric(at: j) {
        return Atom(form: .numeric, month: m, day: d, year: y, first: i, last: last)
      }
      if let (d, dl) = day(at: j) {
        var k = dl + 1
        if dl > j, isWord(k, "of") { k += 1 }  // "18th of November"
        if let (m, _, ml) = month(at: k) {
          if let (y, yl) = trailingYear(after: ml) {
            return Atom(form: .dayMonth, month: m, day: d, year: y, first: i, last: yl)
          }
          return Atom(form: .dayMonth, month: m, day: d, year: nil, first: i, last: ml)
        }
      }
      return nil
    }

    /// A word or dash joining the two ends of a range, at `i`.
    func connector(at i: Int, allowAnd: Bool) -> Bool {
      if let w = word(i) {
        if allowAnd && w == "and" { return true }
        return ["to", "through", "thru", "until", "till"].contains(w)
      }
      return isPunct(i, in: ["-", "–", "—", "~", "〜", "‒"])
    }

    // MARK: Matching

    /// A parsed mention before its span is built.
    struct Candidate {
      var first: Int
      var last: Int
      var start: Parts
      var end: Parts?
      /// -1 after "last", +1 after "next", else 0.
      var shift: Int
    }

    /// Year shift for a month written right after "last" or "next".
    func shift(before i: Int, floor: Int) -> Int {
      guard i - 1 > floor, let w = word(i - 1) else { return 0 }
      if w == "last" { return -1 }
      if w == "next" { return 1 }
      return 0
    }

    /// The mentions that may start at token `i`, best first. Tokens up to
    /// `floor` belong to an earlier mention.
    func candidates(at i: Int, floor: Int) -> [Candidate] {
      var found: [Candidate] = []
      let tok = tokens[i]
      let lead = i - 1 > floor ? word(i - 1) : nil
      let rangeLead = lead == "from" || lead == "between"
      let allowAnd = lead == "between"

      // "10-14 November 2025"
      if tok.kind == .number, startsCleanly(i), let (d1, l1) = day(at: i),
        connector(at: l1 + 1, allowAnd: allowAnd), let (d2, l2) = day(at: l1 + 2),
        let (m, _, ml) = month(at: l2 + 1)
      {
        let y = trailingYear(after: ml)
        found.append(
          Candidate(
            first: rangeLead ? i - 1 : i, last: y?.last ?? ml,
            start: Parts(month: m, day: d1, year: y?.year),
            end: Parts(month: m, day: d2, year: y?.year), shift: 0))
      }

      if let atom = dayAtom(at: i) {
        let startParts = Parts(month: atom.month, day: atom.day, year: atom.year)
        if connector(at: atom.last + 1, allowAnd: allowAnd) {
          let e = atom.last + 2
          if let other = dayAtom(at: e) {
            found.append(
              Candidate(
                first: rangeLead ? i - 1 : i, last: other.last, start: startParts,
                end: Parts(month: other.month, day: other.day, year: other.year), shift: 0))
          } else if atom.form == .monthDay, atom.year == nil, let (d2, dl) = day(at: e) {
            let y = trailingYear(after: dl)
            var s = startParts
            s.year = y?.year
            found.append(
              Candidate(
                first: rangeLead ? i - 1 : i, last: y?.last ?? dl, start: s,
                end: Parts(month: atom.month, day: d2, year: y?.year), shift: 0))
          }
        }
        found.append(
          Candidate(first: i, last: atom.last, start: startParts, end: nil, shift: 0))
      }

      // Months without a day: "October 2025", "in August", "mid-October".
      if let (m, full, ml) = month(at: i) {
        var first = i
        var k = i - 1
        var qualified = false
        if k > floor, isPunct(k, "-"), adjacent(k, i), k - 1 > floor, adjacent(k - 1, k),
          let w = word(k - 1), DateParser.qualifiers.contains(w)
        {
          first = k - 1
          k -= 2
          qualified = true
        } else if k > floor, let w = word(k), DateParser.qualifiers.contains(w) {
          first = k
          k -= 1
          qualified = true
        }
        let prep = k > floor ? word(k) : nil
        let licensed = qualified || prep.map { DateParser.monthLeads.contains($0) } ?? false
        var startParts: Parts?
        var last = ml
        if let (y, yl) = year(at: ml + 1) {
          startParts = Parts(month: m, day: nil, year: y)
          last = yl
        } else if full && licensed {
          startParts = Parts(month: m, day: nil, year: nil)
        }
        if let startParts {
          let shift = qualified ? 0 : shift(before: i, floor: floor)
          if prep == "from" || prep == "between",
            connector(at: last + 1, allowAnd: prep == "between"),
            let (m2, _, ml2) = month(at: last + 2), day(at: ml2 + 1) == nil
          {
            let y2 = year(at: ml2 + 1)
            found.append(
              Candidate(
                first: k, last: y2?.last ?? ml2, start: startParts,
                end: Parts(month: m2, day: nil, year: y2?.year), shift: 0))
          }
          found.append(
            Candidate(first: first, last: last, start: startParts, end: nil, shift: shift))
        }
      }
      return found
    }

    // MARK: Sentences and tense

    /// Whether the period at `k` ends a sentence.
    func periodEndsSentence(_ k: Int) -> Bool {
      let next = k + 1
      guard next < count else { return true }
      guard tokens[next].start > tokens[k].end else { return false }
      if tokens[next].kind == .word && tokens[next].shape == .lower { return false }
      let prev = k - 1
      if prev >= 0, adjacent(prev, k), tokens[prev].kind == .word {
        let key = tokens[prev].key
        if tokens[prev].end - tokens[prev].start == 1 { return false }  // "U.S."
        if DateParser.abbreviations.contains(key) || DateParser.shortMonths[key] != nil
          || DateParser.shortWeekdays.contains(key)
        {
          return false
        }
      }
      return true
    }

    /// For each token, whether a new sentence starts at it.
    func sentenceStarts() -> [Bool] {
      var starts = [Bool](repeating: false, count: count)
      for i in tokens.indices {
        if i == 0 {
          starts[i] = true
          continue
        }
        let t = tokens[i]
        if t.newlines >= 2 || (t.newlines == 1 && !(t.kind == .word && t.shape == .lower)) {
          starts[i] = true
          continue
        }
        let p = i - 1
        if isPunct(p, "!") || isPunct(p, "?") || (isPunct(p, ".") && periodEndsSentence(p)) {
          starts[i] = true
        }
      }
      return starts
    }

    /// The previous word, skipping one "-ly" adverb ("be jointly hosted").
    func wordBefore(_ i: Int) -> String? {
      guard let w = word(i - 1) else { return nil }
      if w.hasSuffix("ly"), let before = word(i - 2) { return before }
      return w
    }

    /// Tense markers: the mark at each marker's first token and at its last token.
    func marks() -> (first: [Mark], last: [Mark]) {
      var first = [Mark](repeating: .none, count: count)
      var last = [Mark](repeating: .none, count: count)
      func put(_ a: Int, _ b: Int, _ m: Mark) {
        first[a] = m
        last[b] = m
      }
      for i in tokens.indices where tokens[i].kind == .word {
        let w = tokens[i].key
        // One lookup per word decides which rule, if any, applies.
        guard !w.isEmpty, DateParser.markerFilter.mayContain(w),
          let kind = DateParser.markerWords[w]
        else { continue }
        switch kind {
        case .future:
          put(i, i, .future)
        case .futureBeforeTo:
          if isWord(i + 1, "to") { put(i, i + 1, .future) }
        case .going:
          if isWord(i + 1, "to"), let b = word(i - 1), ["is", "are", "am"].contains(b) {
            put(i - 1, i + 1, .future)
          }
        case .hasHave:
          if isWord(i + 1, "been") { put(i, i + 1, .past) }
        case .took:
          if isWord(i + 1, "place") { put(i, i + 1, .past) }
        case .past(let participle):
          if participle, wordBefore(i) == "be" {
            put(i, i, .future)
          } else {
            put(i, i, .past)
          }
        }
      }
      return (first, last)
    }

    // MARK: Mentions

    func mentions(parser: DateParser) -> [DateMention] {
      guard !tokens.isEmpty else { return [] }
      let starts = sentenceStarts()
      let (marksFirst, marksLast) = marks()
      // Nearest marker ending before each token, and starting after it, in its sentence.
      var before = [Mark](repeating: .none, count: count)
      var after = [Mark](repeating: .none, count: count)
      var current = Mark.none
      for i in tokens.indices {
        if starts[i] { current = .none }
        before[i] = current
        if marksLast[i] != .none { current = marksLast[i] }
      }
      current = .none
      for i in tokens.indices.reversed() {
        after[i] = current
        if marksFirst[i] != .none { current = marksFirst[i] }
        if starts[i] { current = .none }
      }

      var result: [DateMention] = []
      var floor = -1
      var i = 0
      while i < count {
        let tok = tokens[i]
        let worth: Bool
        switch tok.kind {
        case .number: worth = true
        case .punct: worth = false
        case .word:
          worth =
            (tok.shape == .capitalized || tok.shape == .upper)
            && DateParser.calendarFilter.mayContain(tok.key)
            && (DateParser.fullMonths[tok.key] != nil || DateParser.shortMonths[tok.key] != nil
              || DateParser.fullWeekdays.contains(tok.key)
              || DateParser.shortWeekdays.contains(tok.key))
        }
        guard worth else {
          i += 1
          continue
        }
        var matched: DateMention?
        var matchedLast = i
        for candidate in candidates(at: i, floor: floor) {
          let tense = before[candidate.first].tense ?? after[candidate.last].tense ?? .unknown
          guard
            let span = parser.span(
              start: candidate.start, end: candidate.end, tense: tense, shift: candidate.shift)
          else { continue }
          let a = tokens[candidate.first].start
          let b = tokens[candidate.last].end
          let text = TokenScanner.string(scalars[a..<b])
          matched = DateMention(text: text, start: a, end: b, span: span, tense: tense)
          matchedLast = candidate.last
          break
        }
        if let matched {
          result.append(matched)
          floor = matchedLast
          i = matchedLast + 1
        } else {
          i += 1
        }
      }
      return result
    }

    // MARK: Standalone dates

    func standaloneDate() -> PartialDate? {
      guard !tokens.isEmpty, let atom = dayAtom(at: 0), let year = atom.year, let day = atom.day
      else { return nil }
      let k = atom.last + 1
      if k < count {
        // Only a numeric date may have a tail: a timestamp's time, or the
        // closing period of "2025. 11. 19.".
        guard atom.form == .numeric, adjacent(atom.last, k) else { return nil }
        let timestamp = isWord(k, "t") && TokenScanner.isTime(scalars[tokens[k].end...])
        let period = k == count - 1 && isPunct(k, ".") && isPunct(atom.last - 1, ".")
        guard timestamp || period else { return nil }
      }
      return PartialDate(checkedYear: year, month: atom.month, day: day)
    }

    /// Whether `rest` is the time of an ISO timestamp, after its "T":
    /// `hh:mm[:ss[.fff]]` and an optional `Z` or `±hh[:mm]` offset, then only
    /// white space.
    static func isTime(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
      var i = rest.startIndex
      let end = rest.endIndex
      func digits(_ n: Int) -> Bool {
        guard end - i >= n else { return false }
        for k in i..<(i + n) where !isDigit(rest[k]) { return false }
        i += n
        return true
      }
      func take(_ c: Unicode.Scalar) -> Bool {
        guard i < end, rest[i] == c else { return false }
        i += 1
        return true
      }
      guard digits(2), take(":"), digits(2) else { return false }
      if take(":") {
        guard digits(2) else { return false }
        if take(".") || take(",") {
          guard digits(1) else { return false }
          while i < end, isDigit(rest[i]) { i += 1 }
        }
      }
      if take("Z") || take("z") {
      } else if take("+") || take("-") || take("−") {
        guard digits(2) else { return false }
        if take(":") {
          guard digits(2) else { return false }
        } else {
          _ = digits(2)
        }
      }
      while i < end, isSpace(rest[i]) { i += 1 }
      return i == end
    }
  }
}

// MARK: - Spans

extension DateParser {
  /// The span of a candidate, with years from the text or inferred; nil when
  /// the parts do not form a date or a range in order.
  fileprivate func span(start: Parts, end: Parts?, tense: Tense, shift: Int) -> DateSpan? {
    guard let end else {
      if let year = start.year {
        return PartialDate(checkedYear: year, month: start.month, day: start.day)
          .map { DateSpan(start: $0) }
      }
      if let year = inferYear(month: start.month, day: start.day, tense: tense, shift: shift),
        let date = PartialDate(checkedYear: year, month: start.month, day: start.day)
      {
        return DateSpan(start: date)
      }
      return PartialDate(checkedYear: nil, month: start.month, day: start.day)
        .map { DateSpan(start: $0) }
    }

    let wraps = end.month < start.month
    var startYear = start.year
    var endYear = end.year
    if startYear == nil, let endYear { startYear = wraps ? endYear - 1 : endYear }
    if endYear == nil, let startYear { endYear = wraps ? startYear + 1 : startYear }
    if startYear != nil {
      return range(start, startYear, end, endYear, wraps: wraps)
    }
    if let year = inferYear(month: start.month, day: start.day, tense: tense, shift: shift),
      let found = range(start, year, end, wraps ? year + 1 : year, wraps: wraps)
    {
      return found
    }
    return range(start, nil, end, nil, wraps: wraps)
  }

  /// A range from its parts and years, when both ends are dates in order.
  fileprivate func range(
    _ start: Parts, _ startYear: Int?, _ end: Parts, _ endYear: Int?, wraps: Bool
  ) -> DateSpan? {
    guard (start.day == nil) == (end.day == nil),
      let from = PartialDate(checkedYear: startYear, month: start.month, day: start.day),
      let to = PartialDate(checkedYear: endYear, month: end.month, day: end.day)
    else { return nil }
    if let startYear, let endYear {
      guard (startYear, start.month, start.day ?? 0) < (endYear, end.month, end.day ?? 0) else {
        return nil
      }
    } else if !wraps {
      guard (start.month, start.day ?? 0) < (end.month, end.day ?? 0) else { return nil }
    }
    return DateSpan(start: from, end: to)
  }

  /// The year of a date without one; "last November" in a November release
  /// is the year before, "next November" the year after.
  fileprivate func inferYear(month: Int, day: Int?, tense: Tense, shift: Int) -> Int? {
    if shift != 0, let publication, let year = publication.year, publication.month == month {
      let shifted = year + shift
      return PartialDate(checkedYear: shifted, month: month, day: day) != nil ? shifted : nil
    }
    return resolveYear(month: month, day: day, tense: tense)
  }
}

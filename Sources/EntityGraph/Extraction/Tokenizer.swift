import PressReleases

/// A word or punctuation mark of a sentence, with its offsets.
struct Token: Hashable, Sendable {
  /// The text as written ("U.S.", "Han-koo", ",", "'s").
  var text: String
  /// Lowercased, with curly apostrophes and dashes folded.
  var lower: String
  /// Offset of the first scalar in the sentence.
  var start: Int
  /// Offset one past the last scalar.
  var end: Int
  /// UTF-8 offsets of the token in the sentence, for slicing text.
  var byteStart = 0
  var byteEnd = 0
  /// True for words (letters or digits), false for punctuation.
  var isWord: Bool
  /// The first letter is uppercase ("Ministry", "U.S.", "JK").
  let isCapitalized: Bool
  /// Two or more letters, all uppercase, digits allowed ("MOTIR", "SILICON2").
  let isAllCaps: Bool
  /// `lower` without periods: the word as phrase keys compare it ("us").
  /// Computed: few words have a period, and a stored copy cost every
  /// token a string.
  var key: String { hasPeriod ? String(lower.filter { $0 != "." }) : lower }
  /// The word has a period ("U.S.", "Co.").
  let hasPeriod: Bool
  /// The lexicon lists the word is in.
  let classes: WordClass
  /// The first character is a digit ("2025", "3rd"; any script's digits).
  let startsWithDigit: Bool
  /// Some character is a digit ("G20", "SILICON2").
  let hasDigit: Bool
  /// For a one-byte punctuation mark, its byte; otherwise 0. Comparing a
  /// byte is much cheaper than comparing strings, and punctuation tests
  /// run on every token.
  let punctByte: UInt8

  init(
    text: String, lower: String, start: Int, end: Int, isWord: Bool, hasPeriod: Bool? = nil
  ) {
    self.text = text
    self.lower = lower
    self.start = start
    self.end = end
    self.isWord = isWord
    var capitalized = false
    var allCaps = false
    if isWord, let first = text.unicodeScalars.first {
      capitalized = first.isASCII ? (first >= "A" && first <= "Z") : first.properties.isUppercase
      if capitalized {
        var letters = 0
        allCaps = true
        for scalar in text.unicodeScalars {
          if scalar.isASCII {
            if scalar >= "a" && scalar <= "z" {
              allCaps = false
              break
            }
            if scalar >= "A" && scalar <= "Z" { letters += 1 }
          } else if scalar.properties.isLowercase {
            allCaps = false
            break
          } else if scalar.properties.isAlphabetic {
            letters += 1
          }
        }
        allCaps = allCaps && letters >= 2
      }
    }
    isCapitalized = capitalized
    isAllCaps = allCaps
    var firstDigit = false
    var digit = false
    var n = 0
    for scalar in text.unicodeScalars {
      let isDigit =
        scalar.isASCII ? (scalar >= "0" && scalar <= "9") : scalar.properties.numericType != nil
      if isDigit {
        digit = true
        firstDigit = n == 0
        break
      }
      n += 1
    }
    startsWithDigit = firstDigit
    hasDigit = digit
    punctByte = !isWord && text.utf8.count == 1 ? text.utf8.first ?? 0 : 0
    let period = hasPeriod ?? lower.utf8.contains(UInt8(ascii: "."))
    self.hasPeriod = period
    classes = isWord ? Lexicon.wordClasses[lower] ?? [] : []
    // Acronym-like: all caps, or mixed like "MoFA" (uppercase first and last,
    // at least three capitals, no hyphen).
    if allCaps {
      isAcronymLike = !period || text.utf8.count <= 6
    } else if isWord, capitalized, let last = text.unicodeScalars.last,
      last.isASCII ? (last >= "A" && last <= "Z") : last.properties.isUppercase,
      (3...8).contains(text.unicodeScalars.count), !text.utf8.contains(UInt8(ascii: "-"))
    {
      isAcronymLike = text.unicodeScalars.filter { $0.properties.isUppercase }.count >= 3
    } else {
      isAcronymLike = false
    }
  }

  /// An acronym-like token: all caps, or mixed like "MoFA".
  let isAcronymLike: Bool

  /// Every attribute given: the tokenizer's path for ASCII words, which
  /// computes them from the bytes in one pass. ``TokenizerTests`` checks that
  /// it agrees with the initialiser that derives them from the text.
  init(
    text: String, lower: String, start: Int, end: Int, byteStart: Int, byteEnd: Int, isWord: Bool,
    isCapitalized: Bool, isAllCaps: Bool, hasPeriod: Bool, classes: WordClass,
    startsWithDigit: Bool, hasDigit: Bool, punctByte: UInt8, isAcronymLike: Bool
  ) {
    self.text = text
    self.lower = lower
    self.start = start
    self.end = end
    self.byteStart = byteStart
    self.byteEnd = byteEnd
    self.isWord = isWord
    self.isCapitalized = isCapitalized
    self.isAllCaps = isAllCaps
    self.hasPeriod = hasPeriod
    self.classes = classes
    self.startsWithDigit = startsWithDigit
    self.hasDigit = hasDigit
    self.punctByte = punctByte
    self.isAcronymLike = isAcronymLike
  }

  /// True for punctuation equal to `mark`.
  @inline(__always)
  func isPunct(_ mark: String) -> Bool {
    if isWord { return false }
    if punctByte != 0 { return mark.utf8.count == 1 && mark.utf8.first == punctByte }
    return text == mark
  }
}

/// Splits sentences into tokens.
///
/// Words keep internal hyphens ("Han-koo", "S-OIL"), periods of dotted
/// abbreviations ("U.S.", "Co.", "A.") and of domains ("StyleKorean.com"),
/// and `&` between capitals ("R&D"). A possessive `'s` is its own token.
/// Dashes, brackets, quotes and commas are single-character tokens.
enum Tokenizer {
  static func tokens(_ text: String) -> [Token] {
    tokens(utf8: Array(text.utf8))
  }

  /// The tokens of a text given as its UTF-8 bytes (valid UTF-8).
  static func tokens(utf8 storage: [UInt8]) -> [Token] {
    // Unchecked byte access: every index below is bounded by `bytes.count`.
    storage.withUnsafeBufferPointer { tokens(bytes: $0) }
  }

  /// Rejects most words before a final period is looked up.
  private static let periodFilter = WordFilter(Lexicon.periodAbbreviations)

  /// Every ASCII character as a one-character string, by code.
  private static let asciiMarks: [String] = (0..<128).map {
    String(Unicode.Scalar(UInt8($0)))
  }

  private static func tokens(bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    let table = WordClassTable.shared
    let asciiMarks = Tokenizer.asciiMarks
    let periodFilter = Tokenizer.periodFilter
    var tokens: [Token] = []
    tokens.reserveCapacity(bytes.count / 5)
    // Scalar at a byte offset, and its length in bytes (the text is valid UTF-8).
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
      let b0 = UInt32(bytes[i])
      if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
      if b0 < 0xE0 {
        let value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
      }
      if b0 < 0xF0 {
        let value =
          (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
      }
      let value =
        (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
        | UInt32(bytes[i + 3] & 0x3F)
      return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
    }
    @inline(__always)
    func isWordScalar(_ s: Unicode.Scalar) -> Bool {
      if s.isASCII {
        return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
      }
      return s.properties.isAlphabetic || s.properties.numericType != nil
    }
    func isUpper(_ s: Unicode.Scalar) -> Bool {
      s.isASCII ? (s >= "A" && s <= "Z") : s.properties.isUppercase
    }
    func make(_ start: Int, _ end: Int, scalars: (Int, Int), word: Bool) -> Token {
      // One pass over the bytes: ASCII words (almost all of them) get every
      // attribute here, and the generic initialiser runs only for the rest.
      var ascii = true
      var uppers = 0
      var lowers = 0
      var digits = 0
      var period = false
      var hyphen = false
      // The word-class table's key in the same pass.
      var key = WordClassTable.KeyBuilder()
      for k in start..<end {
        var byte = bytes[k]
        if byte >= 0x80 {
          ascii = false
          break
        }
        if byte >= 0x41 && byte <= 0x5A {
          uppers += 1
          byte += 32
        } else if byte >= 0x61 && byte <= 0x7A {
          lowers += 1
        } else if byte >= 0x30 && byte <= 0x39 {
          digits += 1
        } else if byte == 0x2E {
          period = true
        } else if byte == 0x2D {
          hyphen = true
        }
        key.add(folded: byte)
      }
      guard ascii else {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        period = false
        for k in start..<end where bytes[k] == 0x2E {
          period = true
          break
        }
        var token = Token(
          text: text, lower: fold(text), start: scalars.0, end: scalars.1, isWord: word,
          hasPeriod: period)
        token.byteStart = start
        token.byteEnd = end
        return token
      }
      let text: String
      let lower: String
      var classes: WordClass = []
      if !word && end - start == 1 {
        // One ASCII mark: its string is made once, not once per comma.
        text = asciiMarks[Int(bytes[start])]
        lower = text
      } else if word, let known = table.entry(bytes, start..<end, key: key.key) {
        // A lexicon word: its lowercase form is stored, and shared when the
        // token is written in lowercase.
        classes = known.classes
        lower = known.word
        if uppers == 0 {
          text = known.word
        } else if uppers == 1, bytes[start] >= 0x41 && bytes[start] <= 0x5A {
          text = known.capitalized
        } else {
          text = asciiString(start, end)
        }
      } else {
        text = asciiString(start, end)
        lower = uppers == 0 ? text : asciiLower(start, end)
      }
      let capitalized = word && bytes[start] >= 0x41 && bytes[start] <= 0x5A
      let allCaps = capitalized && lowers == 0 && uppers >= 2
      let last = bytes[end - 1]
      let acronymLike: Bool
      if allCaps {
        acronymLike = !period || end - start <= 6
      } else if capitalized, last >= 0x41 && last <= 0x5A, (3...8).contains(end - start), !hyphen {
        acronymLike = uppers >= 3
      } else {
        acronymLike = false
      }
      return Token(
        text: text, lower: lower, start: scalars.0, end: scalars.1, byteStart: start, byteEnd: end,
        isWord: word, isCapitalized: capitalized, isAllCaps: allCaps, hasPeriod: period,
        classes: classes, startsWithDigit: bytes[start] >= 0x30 && bytes[start] <= 0x39,
        hasDigit: digits > 0, punctByte: !word && end - start == 1 ? bytes[start] : 0,
        isAcronymLike: acronymLike)
    }
    /// The ASCII bytes at `start..<end` as a string.
    func asciiString(_ start: Int, _ end: Int) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    /// The ASCII bytes at `start..<end`, capitals lowered, as a string.
    func asciiLower(_ start: Int, _ end: Int) -> String {
      String(unsafeUninitializedCapacity: end - start) { buffer in
        for k in start..<end {
          let byte = bytes[k]
          buffer[k - start] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
        }
        return end - start
      }
    }
    var i = 0
    var position = 0  // scalar offset of byte i
    while i < bytes.count {
      let (current, length) = scalar(at: i)
      if current.isASCII
        ? (current == " " || current == "\n" || current == "\t") : current.properties.isWhitespace
      {
        i += length
        position += 1
        continue
      }
      // Possessive 's / ’s after a word.
      if current == "'" || current == "\u{2019}", i + length < bytes.count,
        bytes[i + length] == UInt8(ascii: "s") || bytes[i + length] == UInt8(ascii: "S"),
        let last = tokens.last, last.isWord, last.end == position
      {
        let after = i + length + 1
        if after >= bytes.count || !isWordScalar(scalar(at: after).0) {
          tokens.append(make(i, after, scalars: (position, position + 2), word: false))
          i = after
          position += 2
          continue
        }
      }
      guard isWordScalar(current) else {
        tokens.append(make(i, i + length, scalars: (position, position + 1), word: false))
        i += length
        position += 1
        continue
      }
      let start = i
      let startPosition = position
      i += length
      position += 1
      while i < bytes.count {
        let byte = bytes[i]
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
          || (byte >= 0x30 && byte <= 0x39)
        {
          i += 1
          position += 1
          continue
        }
        let (c, n) = scalar(at: i)
        if isWordScalar(c) {
          i += n
          position += 1
          continue
        }
        guard i + n < bytes.count else { break }
        let (next, m) = scalar(at: i + n)
        if (c == "-" || c == "\u{2011}") && isWordScalar(next) {
          i += n + m
          position += 2
          continue
        }
        if c == "&", isUpper(next), isUpper(scalar(at: i - 1).0) {
          i += n + m
          position += 2
          continue
        }
        if c == ".", next.properties.isAlphabetic {
          i += n + m  // U.S, StyleKorean.com
          position += 2
          continue
        }
        break
      }
      // A final period belongs to dotted and single-letter abbreviations.
      if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        var cursor = i + 1
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        let nextIsLower =
          cursor < bytes.count && bytes[cursor] >= UInt8(ascii: "a")
          && bytes[cursor] <= UInt8(ascii: "z")
        let firstUpper = isUpper(scalar(at: start).0)
        let letters = position - startPosition
        // The cheap tests first; the word is built only when they fail and
        // it may be a listed abbreviation or a dotted form.
        var takesPeriod =
          (letters == 1 && firstUpper) || (nextIsLower && letters <= 4 && firstUpper)
        if !takesPeriod {
          let first =
            bytes[start] >= 0x41 && bytes[start] <= 0x5A ? bytes[start] + 32 : bytes[start]
          var hasDot = false
          var ascii = true
          for k in start..<i {
            if bytes[k] == 0x2E { hasDot = true }
            if bytes[k] >= 0x80 { ascii = false }
          }
          // Lowercasing keeps an ASCII word's length and first byte.
          if hasDot || !ascii || periodFilter.mayContain(length: i - start, firstByte: first) {
            let word = String(
              decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            // "U.S", "Ph.D", "e.g" take their final period; "StyleKorean.com" does not.
            let dotted = hasDot && word.split(separator: ".").allSatisfy { $0.count <= 3 }
            takesPeriod = dotted || Lexicon.periodAbbreviations.contains(word.lowercased())
          }
        }
        if takesPeriod {
          i += 1
          position += 1
        }
      }
      tokens.append(make(start, i, scalars: (startPosition, position), word: true))
    }
    return tokens
  }

  /// Lowercases and folds typographic variants: curly apostrophes, dashes.
  static func fold(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
      return String(
        decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }
    var result = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      switch scalar {
      case "\u{2019}", "\u{2018}", "\u{02BC}": result.append("'")
      case "\u{2013}", "\u{2014}", "\u{2011}", "\u{2212}": result.append("-")
      default: result.append(scalar)
      }
    }
    return String(result)
  }
}

/// The lexicon's word classes in an open-addressing table keyed by an FNV-1a
/// hash of a word's lowercase ASCII bytes: the tokenizer looks words up from
/// their bytes without building a String or hashing one. A slot is 16 bytes
/// and holds the word's first 8 bytes, so the table stays in cache and a
/// probe reads no other memory (longer words keep their rest in a side
/// table); a hit hands back the word's lowercase string, so the token need
/// not build one.
struct WordClassTable: Sendable {
  static let shared = WordClassTable(Lexicon.wordClasses)

  /// A plain-data slot; `entry` is 0 for an empty slot, otherwise one past
  /// the word's index in ``words``.
  private struct Slot: Sendable {
    var head: UInt64 = 0
    var hash: UInt32 = 0
    var entry: UInt16 = 0
    var count: UInt8 = 0
  }
  private var slots: [Slot]
  /// By entry: the word folded to lowercase.
  private var words: [String] = []
  /// By entry: the word with its first letter capitalised ("Minister"),
  /// the other spelling that is common in text.
  private var capitalizedWords: [String] = []
  /// By entry: the word's bytes after the 8th, and its classes.
  private var rests: [[UInt8]] = []
  private var wordClasses: [WordClass] = []
  private let mask: Int

  init(_ table: [String: WordClass]) {
    var capacity = 16
    while capacity < table.count * 2 { capacity <<= 1 }
    slots = Array(repeating: Slot(), count: capacity)
    mask = capacity - 1
    // Words longer than a slot can count, or past the entry numbering, are
    // never looked up by the tokenizer (its words are shorter).
    for (word, classes) in table.sorted(by: { $0.key < $1.key })
    where word.utf8.count <= Int(UInt8.max) && words.count < Int(UInt16.max) {
      let bytes = Array(word.utf8)
      let (hash, head) = bytes.withUnsafeBufferPointer { WordClassTable.key($0, 0..<$0.count) }
      var index = Int(truncatingIfNeeded: hash) & mask
      while slots[index].entry != 0 { index = (index + 1) & mask }
      // Lookups fold ASCII capitals, so the word's own spelling is stored folded.
      words.append(word.lowercased())
      capitalizedWords.append(word.prefix(1).uppercased() + word.lowercased().dropFirst())
      rests.append(Array(bytes.dropFirst(8)))
      wordClasses.append(classes)
      slots[index] = Slot(
        head: head, hash: UInt32(truncatingIfNeeded: hash >> 32), entry: UInt16(words.count),
        count: UInt8(bytes.count))
    }
  }

  /// A word's key built byte by byte: FNV-1a over the bytes and the first
  /// 8 bytes packed little-endian, ASCII capitals folded to lowercase.
  struct KeyBuilder {
    private var hash = FNV1a()
    private var head: UInt64 = 0
    private var offset = 0

    /// Adds the next byte, already folded to lowercase.
    @inline(__always)
    mutating func add(folded byte: UInt8) {
      hash.add(byte)
      if offset < 8 { head |= UInt64(byte) << (8 * offset) }
      offset += 1
    }

    /// The (hash, head) pair that ``WordClassTable/entry(_:_:key:)`` takes.
    var key: (UInt64, UInt64) { (hash.value, head) }
  }

  /// The key of the word at `range` of `bytes`.
  @inline(__always)
  static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
    var key = KeyBuilder()
    for k in range {
      let byte = bytes[k]
      key.add(folded: byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
    }
    return key.key
  }

  /// The classes of the ASCII word at `range` of `bytes` (any case).
  func classes(of bytes: [UInt8], _ range: Range<Int>) -> WordClass {
    bytes.withUnsafeBufferPointer { entry($0, range)?.classes ?? [] }
  }

  /// The lexicon's lowercase spelling and classes of the ASCII word at
  /// `range` of `bytes` (any case), or nil for a word the lexicon lacks.
  func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
    word: String, capitalized: String, classes: WordClass
  )? {
    entry(bytes, range, key: WordClassTable.key(bytes, range))
  }

  /// ``entry(_:_:)`` with the word's ``key(_:_:)`` already computed.
  @inline(__always)
  func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, key: (UInt64, UInt64)) -> (
    word: String, capitalized: String, classes: WordClass
  )? {
    guard range.count <= Int(UInt8.max) else { return nil }
    let (full, head) = key
    let hash = UInt32(truncatingIfNeeded: full >> 32)
    let count = UInt8(range.count)
    return slots.withUnsafeBufferPointer { slots in
      var index = Int(truncatingIfNeeded: full) & mask
      while slots[index].entry != 0 {
        let slot = slots[index]
        if slot.hash == hash, slot.count == count, slot.head == head {
          let entry = Int(slot.entry) - 1
          if count <= 8 || sameRest(rests[entry], bytes, range.lowerBound + 8..<range.upperBound) {
            return (words[entry], capitalizedWords[entry], wordClasses[entry])
          }
        }
        index = (index + 1) & mask
      }
      return nil
    }
  }

  private func sameRest(_ rest: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Bool
  {
    for (offset, k) in range.enumerated() {
      let byte = bytes[k]
      if rest[offset] != (byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) { return false }
    }
    return true
  }
}

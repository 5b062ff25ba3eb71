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
  /// True for words (letters or digits), false for punctuation.
  var isWord: Bool

  /// The first letter is uppercase ("Ministry", "U.S.", "JK").
  var isCapitalized: Bool {
    guard isWord, let first = text.unicodeScalars.first else { return false }
    return first.properties.isUppercase
  }

  /// Two or more letters, all uppercase, digits allowed ("MOTIR", "SILICON2").
  var isAllCaps: Bool {
    guard isWord else { return false }
    var letters = 0
    for scalar in text.unicodeScalars {
      if scalar.properties.isLowercase { return false }
      if scalar.properties.isAlphabetic { letters += 1 }
    }
    return letters >= 2
  }

  /// An acronym-like token: all caps, or mixed like "MoFA" (uppercase first
  /// and last, at least two uppercase letters, no hyphen).
  var isAcronymLike: Bool {
    if isAllCaps { return !text.contains(".") || text.count <= 6 }
    guard isWord, text.count >= 3, text.count <= 8, !text.contains("-"),
      let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
      first.properties.isUppercase, last.properties.isUppercase
    else { return false }
    return text.unicodeScalars.filter { $0.properties.isUppercase }.count >= 3
  }

  /// True for `.`-free punctuation equal to `mark`.
  func isPunct(_ mark: String) -> Bool { !isWord && text == mark }
}

/// Splits sentences into tokens.
///
/// Words keep internal hyphens ("Han-koo", "S-OIL"), periods of dotted
/// abbreviations ("U.S.", "Co.", "A.") and of domains ("StyleKorean.com"),
/// and `&` between capitals ("R&D"). A possessive `'s` is its own token.
/// Dashes, brackets, quotes and commas are single-character tokens.
enum Tokenizer {
  static func tokens(_ text: String) -> [Token] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [Token] = []
    var index = 0
    func isWordScalar(_ s: Unicode.Scalar) -> Bool {
      s.properties.isAlphabetic || s.properties.numericType != nil
    }
    func make(_ start: Int, _ end: Int, word: Bool) -> Token {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      let text = String(view)
      return Token(text: text, lower: fold(text), start: start, end: end, isWord: word)
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.properties.isWhitespace {
        index += 1
        continue
      }
      // Possessive 's / ’s.
      if scalar == "'" || scalar == "\u{2019}", index + 1 < scalars.count,
        scalars[index + 1] == "s" || scalars[index + 1] == "S",
        index + 2 == scalars.count || !isWordScalar(scalars[index + 2]), !tokens.isEmpty,
        tokens.last?.isWord == true, tokens.last?.end == index
      {
        tokens.append(make(index, index + 2, word: false))
        index += 2
        continue
      }
      guard isWordScalar(scalar) else {
        tokens.append(make(index, index + 1, word: false))
        index += 1
        continue
      }
      let start = index
      index += 1
      while index < scalars.count {
        let current = scalars[index]
        if isWordScalar(current) {
          index += 1
          continue
        }
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        if current == "-" || current == "\u{2011}", let next, isWordScalar(next) {
          index += 2
          continue
        }
        if current == "&", let next, next.properties.isUppercase,
          scalars[index - 1].properties.isUppercase
        {
          index += 2
          continue
        }
        if current == ".", let next, next.properties.isAlphabetic {
          index += 2  // U.S, StyleKorean.com
          continue
        }
        break
      }
      // A final period belongs to dotted and single-letter abbreviations.
      if index < scalars.count, scalars[index] == "." {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<index])
        let word = String(view)
        let lowered = word.lowercased()
        let nextIsSpaceThenLower: Bool = {
          var cursor = index + 1
          while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
          return cursor < scalars.count && scalars[cursor].properties.isLowercase
        }()
        if word.contains(".") || (word.count == 1 && word.first?.isUppercase == true)
          || Lexicon.periodAbbreviations.contains(lowered)
          || (nextIsSpaceThenLower && word.count <= 4 && word.first?.isUppercase == true)
        {
          index += 1
        }
      }
      tokens.append(make(start, index, word: true))
    }
    return tokens
  }

  /// Lowercases and folds typographic variants: curly apostrophes, dashes.
  static func fold(_ text: String) -> String {
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

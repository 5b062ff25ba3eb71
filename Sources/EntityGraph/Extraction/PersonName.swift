import Foundation

/// A person's name, read into its parts so that variants can be matched.
///
/// Handles Korean order with a hyphenated given name ("Kim Sun-young"),
/// Korean names without the hyphen ("Kang Kyung Sung"), Western order with
/// initials ("JK Kim"), given names in parentheses ("JK (Jung-Kwan) Kim") and
/// other names kept as written ("Tran Quoc Phuong", "Anwar A. Al-Hejazi").
struct PersonName: Hashable, Sendable {
  /// The name as written, parenthesised part included.
  var surface: String
  /// The family name, when it can be told.
  var family: String
  /// The given name when known ("Sun-young", "Jung-Kwan").
  var given: String?
  /// The best full form: Korean order with the given name when known
  /// ("Kim Jung-kwan"), else the name as written without parentheses.
  var canonical: String
  /// Keys under which two mentions are the same person: letters only,
  /// lowercased, in the written order and (when known) in Korean order.
  var keys: Set<String>

  init?(tokens: [String]) {
    var words: [String] = []
    var parenthesised: String?
    var inParens = false
    for token in tokens {
      // "Kang, Kyung-wha": the comma between family and given name goes.
      if token == "," { continue }
      if token == "(" {
        inParens = true
        continue
      }
      if token == ")" {
        inParens = false
        continue
      }
      if inParens {
        parenthesised = (parenthesised.map { $0 + " " } ?? "") + token
      } else {
        words.append(token)
      }
    }
    guard !words.isEmpty, words.count <= 5 else { return nil }
    var surface = ""
    for (i, token) in tokens.enumerated() {
      if i > 0, token != ")", tokens[i - 1] != "(" { surface += " " }
      surface += token
    }
    self.surface = surface
    let written = words.joined(separator: " ")
    let first = words[0]
    let last = words[words.count - 1]
    let isInitials = { (word: String) in
      // "JK", "A.", "J.K": up to three bytes of capitals and periods.
      !word.isEmpty && word.utf8.count <= 3
        && word.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E }
    }
    if words.count >= 2, Lexicon.koreanFamilyNames.contains(first.lowercased()),
      !isInitials(words[1])
    {
      // Korean order: family name first.
      family = first
      given = words.dropFirst().joined(separator: " ")
    } else if words.count >= 2 {
      family = last
      given = parenthesised ?? (isInitials(first) ? nil : words.dropLast().joined(separator: " "))
    } else {
      family = first
      given = parenthesised
    }
    if let parenthesised, words.count >= 2 {
      canonical = "\(family) \(PersonName.normaliseGiven(parenthesised))"
    } else {
      canonical = written
    }
    var keys: Set<String> = [PersonName.letters(written)]
    if let given, Lexicon.koreanFamilyNames.contains(family.lowercased()) {
      keys.insert(PersonName.letters(family + given))
    }
    self.keys = keys
  }

  /// "Jung-Kwan" → "Jung-kwan": Korean given names hyphenated, lowercase
  /// after the hyphen, as Korean ministries romanise them.
  static func normaliseGiven(_ given: String) -> String {
    let parts = given.split(separator: "-")
    guard parts.count == 2 else { return given }
    return parts[0] + "-" + parts[1].lowercased()
  }

  /// Letters only, lowercased: "Kang Kyung-sung" → "kangkyungsung".
  static func letters(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      for byte in text.utf8 {
        if byte >= 0x61 && byte <= 0x7A {
          bytes.append(byte)
        } else if byte >= 0x41 && byte <= 0x5A {
          bytes.append(byte + 32)
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    return String(text.lowercased().filter { $0.isLetter })
  }
}

/// An entity as one release knows it, before corpus-wide resolution.
struct LocalEntity: Sendable {
  var type: EntityType
  /// Surface forms seen (full names and acronyms).
  var forms: [String]
  /// The preferred name within the release.
  var name: String
  /// Keys that identify it across releases ("g:kr-motir", "c:KR",
  /// "p:kimsunyoung", "o:organization:korea chamber …").
  var keys: Set<String>
  var country: String?
  var gazetteerID: String?
  var person: PersonName?

  mutating func addForm(_ form: String) {
    if !forms.contains(form) { forms.append(form) }
  }
}

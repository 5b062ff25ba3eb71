/// Finds gazetteer phrases in token sequences.
///
/// Phrases are compared on their significant words: lowercased, commas,
/// dashes and "the" ignored, "&" read as "and", periods dropped ("U.S." is
/// "us"). A phrase written all in capitals ("US", "ROK", an acronym) only
/// matches text in capitals, so the pronoun "us" is never the United States.
struct PhraseIndex: Sendable {
  /// What a phrase stands for.
  enum Target: Hashable, Sendable {
    /// An institution, by index into the gazetteer's list.
    case institution(Int)
    /// A country by index, and whether the phrase was an adjective.
    case country(Int, adjective: Bool)
    /// A world region: recognised, never an entity.
    case region
  }

  struct Entry: Hashable, Sendable {
    var target: Target
    var capitalsOnly: Bool
  }

  let gazetteer: Gazetteer
  private(set) var phrases: [String: Entry] = [:]
  /// Acronyms by exact text (case-sensitive), for unambiguous ones.
  private(set) var acronyms: [String: Int] = [:]
  /// Acronyms that need a definition in the release.
  let ambiguous: Set<String>
  /// Head titles ("foreign minister") → institution index.
  private(set) var headTitles: [String: Int] = [:]
  /// Institution index by gazetteer id.
  private(set) var institutionByID: [String: Int] = [:]
  /// Country index by code.
  private(set) var countryByCode: [String: Int] = [:]
  private(set) var longest = 1
  /// The first word of every phrase: a cheap test before building keys.
  private(set) var firstWords: Set<String> = []
  /// Every word-level prefix of every phrase: a key that is not one cannot
  /// grow into a match.
  private(set) var prefixes: Set<String> = []

  init(_ gazetteer: Gazetteer) {
    self.gazetteer = gazetteer
    ambiguous = Set(gazetteer.ambiguousAcronyms)
    for (index, country) in gazetteer.countries.enumerated() {
      countryByCode[country.code] = index
      for name in [country.name] + country.aliases {
        add(name, .country(index, adjective: false))
      }
      for adjective in country.adjectives { add(adjective, .country(index, adjective: true)) }
    }
    for region in gazetteer.regions { add(region, .region) }
    for (index, institution) in gazetteer.institutions.enumerated() {
      institutionByID[institution.id] = index
      for name in [institution.name] + institution.aliases {
        add(name, .institution(index))
      }
      for acronym in institution.acronyms where !ambiguous.contains(acronym) {
        if acronyms[acronym] == nil { acronyms[acronym] = index }
      }
      for title in institution.headTitles {
        let key = PhraseIndex.key(Tokenizer.tokens(title)[...])
        if headTitles[key] == nil { headTitles[key] = index }
      }
    }
  }

  private mutating func add(_ phrase: String, _ target: Target) {
    let tokens = Tokenizer.tokens(phrase)
    let key = PhraseIndex.key(tokens[...])
    guard !key.isEmpty else { return }
    let capitals =
      tokens.filter(\.isWord).allSatisfy { $0.isAllCaps || $0.text.count == 1 }
      && tokens.contains(where: \.isWord)
    // Earlier entries win (countries before regions before institutions);
    // a phrase that is a country and an institution stays a country.
    if phrases[key] == nil {
      phrases[key] = Entry(target: target, capitalsOnly: capitals)
    }
    let words = key.split(separator: " ")
    if let first = words.first { firstWords.insert(String(first)) }
    for length in 1...max(1, words.count) {
      prefixes.insert(words.prefix(length).joined(separator: " "))
    }
    longest = max(longest, tokens.filter { PhraseIndex.isSignificant($0) }.count)
  }

  /// True for tokens that count in a phrase key.
  static func isSignificant(_ token: Token) -> Bool {
    if token.isWord { return token.lower != "the" }
    return token.text == "&" || token.lower == "'s"
  }

  /// The comparison key of a token run.
  static func key(_ tokens: ArraySlice<Token>) -> String {
    var key = ""
    key.reserveCapacity(tokens.count * 8)
    for i in tokens.indices where isSignificant(tokens[i]) {
      if !key.isEmpty { key += " " }
      if tokens[i].isWord {
        key += tokens[i].key
      } else {
        key += tokens[i].text == "&" ? "and" : "'s"  // the possessive, any apostrophe
      }
    }
    return key
  }

  /// The longest phrase starting at `start` (a capitalised word) and
  /// ending at or before `limit`, as (end index, target).
  func longestMatch(_ tokens: [Token], at start: Int, limit: Int? = nil) -> (Int, Target)? {
    guard start < tokens.count, tokens[start].isCapitalized, firstWords.contains(tokens[start].key)
    else { return nil }
    let limit = min(limit ?? tokens.count, tokens.count)
    var significant: [Int] = []
    var cursor = start
    while cursor < limit, significant.count < longest {
      let token = tokens[cursor]
      if PhraseIndex.isSignificant(token) {
        significant.append(cursor)
      } else if !(token.isPunct(",") || token.isPunct("-") || token.isPunct("\u{2013}")
        || token.lower == "the")
      {
        break
      }
      cursor += 1
    }
    // Keys of growing length, built once each; the longest hit wins.
    var key = ""
    var best: (Int, Target)?
    for (n, position) in significant.enumerated() {
      let token = tokens[position]
      let word = token.text == "&" ? "and" : (token.text == "\u{2019}s" ? "'s" : token.key)
      key = n == 0 ? word : key + " " + word
      guard prefixes.contains(key) else { break }
      guard let entry = phrases[key] else { continue }
      let end = position + 1
      if !entry.capitalsOnly
        || tokens[start..<end].filter(\.isWord).allSatisfy({ $0.isAllCaps || $0.text.count <= 2 })
      {
        best = (end, entry.target)
      }
    }
    return best
  }

  /// The exact-phrase target of a whole token run, if any.
  /// The target of an already built phrase key.
  func exact(key: String) -> Target? {
    phrases[key]?.target
  }

  func exact(_ tokens: ArraySlice<Token>) -> Target? {
    phrases[PhraseIndex.key(tokens)]?.target
  }
}

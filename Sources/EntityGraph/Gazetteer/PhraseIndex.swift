import PressReleases

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
  /// Institution index → the index of the body it was renamed into.
  private(set) var successor: [Int: Int] = [:]
  /// Institution index → the index of the body it was renamed from.
  private(set) var predecessor: [Int: Int] = [:]
  /// Institution index → its months under this name, as (first, last)
  /// month numbers (`year * 12 + month - 1`); nil ends are open.
  private(set) var validity: [Int: (from: Int?, until: Int?)] = [:]
  /// The institutions an ambiguous acronym may stand for, in gazetteer
  /// order.
  private(set) var ambiguousReadings: [String: [Int]] = [:]
  /// Institution index → the key of its canonical name, and the keys of
  /// aliases that spell that name out ("Korean Ministry of …"): a name
  /// that says which era it means.
  private(set) var ownNameKeys: [Int: Set<String>] = [:]
  /// Institution index → the field words of its canonical name.
  private(set) var ownFields: [Int: [Substring]] = [:]
  private(set) var longest = 1
  /// Every word-level prefix of every phrase, by the hash of its words: a
  /// run whose hash is not here cannot grow into a match, and the scan
  /// builds no key string until a whole phrase's hash is found.
  private var prefixes = PrefixTable()

  /// The index of the built-in gazetteer, built once.
  static let builtIn = PhraseIndex(.builtIn)

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
      for acronym in institution.acronyms {
        if ambiguous.contains(acronym) {
          ambiguousReadings[acronym, default: []].append(index)
        } else if acronyms[acronym] == nil {
          acronyms[acronym] = index
        }
      }
      for title in institution.headTitles {
        let key = PhraseIndex.key(Tokenizer.tokens(title)[...])
        if headTitles[key] == nil { headTitles[key] = index }
      }
      let from = institution.validFrom.flatMap { PhraseIndex.month($0, end: false) }
      let until = institution.validUntil.flatMap { PhraseIndex.month($0, end: true) }
      if from != nil || until != nil { validity[index] = (from, until) }
      let own = PhraseIndex.key(Tokenizer.tokens(institution.name)[...])
      ownFields[index] = PhraseIndex.fields(own)
      ownNameKeys[index] = Set(
        ([institution.name] + institution.aliases).map {
          PhraseIndex.key(Tokenizer.tokens($0)[...])
        }.filter { $0.contains(own) })
    }
    for (index, institution) in gazetteer.institutions.enumerated() {
      guard let old = institution.predecessor.flatMap({ institutionByID[$0] }) else { continue }
      predecessor[index] = old
      if successor[old] == nil { successor[old] = index }
    }
  }

  /// A `validFrom`/`validUntil` value ("2025-10", "1998") as a month
  /// number; a bare year counts from January or to December.
  static func month(_ text: String, end: Bool) -> Int? {
    let parts = text.split(separator: "-")
    guard let year = parts.first.flatMap({ Int($0) }) else { return nil }
    let month = parts.count > 1 ? Int(parts[1]) ?? (end ? 12 : 1) : (end ? 12 : 1)
    guard (1...12).contains(month) else { return nil }
    return year * 12 + month - 1
  }

  /// The body that institution `i` was, or became, in the month of `date`:
  /// a name or title of a renamed ministry resolves to the ministry that
  /// existed then ("Trade Minister" in a 2024 release is MOTIE's, in 2026
  /// MOTIR's). Without a date, or with a date the chain does not cover,
  /// `i` itself.
  func era(of i: Int, on date: PartialDate?) -> Int {
    guard let year = date?.year, let month = date?.month else { return i }
    let when = year * 12 + month - 1
    var current = i
    var seen: Set<Int> = [i]
    while let span = validity[current] {
      let next: Int?
      if let from = span.from, when < from {
        next = predecessor[current]
      } else if let until = span.until, when > until {
        next = successor[current]
      } else {
        return current
      }
      guard let next, seen.insert(next).inserted else { return current }
      current = next
    }
    return current
  }

  /// True when institution `i` existed in the month of `date` (always,
  /// without a date or a validity span).
  func isValid(_ i: Int, on date: PartialDate?) -> Bool {
    guard let year = date?.year, let month = date?.month, let span = validity[i] else {
      return true
    }
    let when = year * 12 + month - 1
    return (span.from.map { when >= $0 } ?? true) && (span.until.map { when <= $0 } ?? true)
  }

  /// True when institution `i` has a renaming history that dates matter for.
  func hasEra(_ i: Int) -> Bool {
    validity[i] != nil
  }

  /// True when `key` is institution `i`'s own name spelled out, which
  /// fixes the era ("Ministry of Trade, Industry and Energy" stays MOTIE
  /// in any year); titles, short aliases and acronyms do not.
  func namesEra(_ key: String, of i: Int) -> Bool {
    ownNameKeys[i]?.contains(key) ?? false
  }

  /// True when a head title's key spells out all of institution `i`'s
  /// fields ("trade industry and energy minister", "vice minister of trade
  /// industry and energy" for the Ministry of Trade, Industry and Energy).
  func titleNamesEra(_ key: String, of i: Int) -> Bool {
    guard let own = ownFields[i], !own.isEmpty else { return false }
    return PhraseIndex.fields(key) == own
  }

  /// The words of a key that name a body's fields, in order: without
  /// "ministry", "minister", "of" and rank words.
  static func fields(_ key: String) -> [Substring] {
    key.split(separator: " ").filter {
      !["ministry", "minister", "of", "for", "vice", "deputy", "first", "second", "acting"]
        .contains(
          $0)
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
    var hash: UInt64 = 0
    let words = key.split(separator: " ")
    for (n, word) in words.enumerated() {
      hash = PhraseIndex.extend(hash, with: PhraseIndex.wordHash(word.utf8), first: n == 0)
      prefixes.insert(hash, phrase: n == words.count - 1)
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
    guard start < tokens.count, tokens[start].isCapitalized,
      PhraseIndex.isSignificant(tokens[start])
    else { return nil }
    let limit = min(limit ?? tokens.count, tokens.count)
    // Runs of growing length, hashed word by word; the longest hit wins. A
    // hash says only "maybe": a whole phrase's key is built and looked up
    // before it counts, so a collision costs time, never a wrong match.
    var hash: UInt64 = 0
    var words = 0
    var best: (Int, Target)?
    var cursor = start
    while cursor < limit, words < longest {
      let token = tokens[cursor]
      defer { cursor += 1 }
      guard PhraseIndex.isSignificant(token) else {
        if token.isPunct(",") || token.isPunct("-") || token.isPunct("\u{2013}")
          || token.lower == "the"
        {
          continue
        }
        break
      }
      hash = PhraseIndex.extend(hash, with: PhraseIndex.wordHash(token), first: words == 0)
      words += 1
      guard let isPhrase = prefixes.lookup(hash) else { break }
      guard isPhrase, let entry = phrases[PhraseIndex.key(tokens[start...cursor])] else {
        continue
      }
      let end = cursor + 1
      if !entry.capitalsOnly
        || tokens[start..<end].filter(\.isWord).allSatisfy({ $0.isAllCaps || $0.text.count <= 2 })
      {
        best = (end, entry.target)
      }
    }
    return best
  }

  /// FNV-1a of a word's key bytes.
  static func wordHash(_ bytes: some Sequence<UInt8>) -> UInt64 { FNV1a.hash(bytes) }

  /// The hash of a significant token's word as ``key(_:)`` writes it:
  /// "&" is "and", any possessive is "'s", periods are dropped.
  static func wordHash(_ token: Token) -> UInt64 {
    if !token.isWord { return wordHash((token.text == "&" ? "and" : "'s").utf8) }
    if token.hasPeriod { return wordHash(token.lower.utf8.lazy.filter { $0 != 0x2E }) }
    return wordHash(token.lower.utf8)
  }

  /// The hash of a run of words, extended by one word.
  @inline(__always)
  static func extend(_ hash: UInt64, with word: UInt64, first: Bool) -> UInt64 {
    first ? word : (hash ^ (word &+ 0x9E37_79B9_7F4A_7C15 &+ (hash << 6) &+ (hash >> 2)))
  }

  /// The exact-phrase target of a whole token run, if any.
  /// The target of an already built phrase key.
  func exact(key: String) -> Target? {
    phrases[key]?.target
  }

  func exact(_ tokens: ArraySlice<Token>) -> Target? {
    // The hash of the run's words first: most runs are no phrase, and a
    // run whose hash is not a whole phrase's certainly is not one.
    var hash: UInt64 = 0
    var words = 0
    for token in tokens where PhraseIndex.isSignificant(token) {
      hash = PhraseIndex.extend(hash, with: PhraseIndex.wordHash(token), first: words == 0)
      words += 1
      if words > longest { return nil }
    }
    guard words > 0, prefixes.lookup(hash) == true else { return nil }
    return phrases[PhraseIndex.key(tokens)]?.target
  }
}

/// A set of 64-bit hashes, each marked as a whole phrase or only a prefix:
/// open addressing on the hash's own low bits, so a probe costs a few
/// instructions (a `Set<UInt64>` would run SipHash on every word).
private struct PrefixTable: Sendable {
  /// 0: empty; 1: a prefix; 2: a prefix that is also a whole phrase.
  private var marks: [UInt8] = Array(repeating: 0, count: 1024)
  private var hashes: [UInt64] = Array(repeating: 0, count: 1024)
  private var count = 0

  /// Nil when no phrase starts with the run; otherwise whether some phrase
  /// is the whole run.
  @inline(__always)
  func lookup(_ hash: UInt64) -> Bool? {
    let mask = hashes.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while marks[index] != 0 {
      if hashes[index] == hash { return marks[index] == 2 }
      index = (index + 1) & mask
    }
    return nil
  }

  mutating func insert(_ hash: UInt64, phrase: Bool) {
    if (count + 1) * 2 > hashes.count { grow() }
    let mask = hashes.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while marks[index] != 0 {
      if hashes[index] == hash {
        if phrase { marks[index] = 2 }
        return
      }
      index = (index + 1) & mask
    }
    hashes[index] = hash
    marks[index] = phrase ? 2 : 1
    count += 1
  }

  private mutating func grow() {
    let old = zip(hashes, marks).filter { $0.1 != 0 }
    hashes = Array(repeating: 0, count: hashes.count * 2)
    marks = Array(repeating: 0, count: marks.count * 2)
    count = 0
    for (hash, mark) in old { insert(hash, phrase: mark == 2) }
  }
}

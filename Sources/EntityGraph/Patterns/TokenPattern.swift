/// What one pattern element asks of a token (or of a mention found by an
/// earlier phase), in the spirit of spaCy's `Matcher` and GATE's JAPE.
///
/// In a rule file an element is a JSON object; every key present must
/// hold:
///
/// | key | holds when |
/// |---|---|
/// | `"lower": "met"` or `["met", "meets"]` | the lowercased word is one of these |
/// | `"list": "meeting-nouns"` or `[…]` | the lowercased word is in one of these lexicon lists |
/// | `"shape": "capitalized"` | `capitalized`, `allcaps`, `lowercase`, `number`, `word` or `punct` |
/// | `"punct": ","` | the token is this punctuation mark |
/// | `"entity": "person"` or `[…]` | a mention of one of these types (or `"any"`) starts here; the element then covers the whole mention |
/// | `"free": true` | the token is not part of a mention yet |
/// | `"not": {…}` | the nested constraint does not hold |
/// | `"any": true` | always: a wildcard; `{"any": true, "max": 8}` is a gap of 0 to 8 tokens |
///
/// Quantifiers: `"op": "?"`, `"*"` or `"+"`, or `"min"` and `"max"`
/// (default 1 and 1). `"capture": "name"` names the tokens the element
/// matched, for the rule's action.
struct TokenConstraint: Sendable, Hashable {
  enum Shape: String, Sendable, Hashable, Decodable {
    case capitalized, allcaps, lowercase, number, word, punct
  }

  var lower: Set<String>?
  var lists: [String] = []
  var shape: Shape?
  var punct: String?
  var entity: Set<String>?
  var free: Bool?
  var not: [TokenConstraint] = []
  var any = false

  /// The words a list constraint accepts, resolved once when rules load.
  var listWords: Set<String> = []

  /// True when the constraint can only hold for tokens whose lowercase
  /// form is in a known set: the matcher's index then skips other rules.
  var anchorWords: Set<String>? {
    if let lower { return lists.isEmpty ? lower : lower.union(listWords) }
    if !lists.isEmpty { return listWords }
    return nil
  }
}

/// One element of a token pattern: a constraint and how many tokens (or
/// mentions) in a row it matches.
struct PatternElement: Sendable, Hashable {
  var constraint: TokenConstraint
  var min = 1
  var max = 1
  var capture: String?
}

/// A sentence as the matcher sees it: its tokens, and the mentions that
/// earlier phases found (by first token: end and entity type).
struct MatchInput {
  var tokens: [Token]
  /// Per token: the mention that starts there, as (end, type name).
  var mentionAt: [Int: (end: Int, type: String)]
  /// Per token: true when it is inside a mention.
  var claimed: [Bool]

  init(tokens: [Token], mentionAt: [Int: (end: Int, type: String)] = [:], claimed: [Bool]? = nil) {
    self.tokens = tokens
    self.mentionAt = mentionAt
    self.claimed = claimed ?? Array(repeating: false, count: tokens.count)
  }
}

extension TokenConstraint {
  /// The end (exclusive) of a match of this constraint at token `i`, or
  /// nil. A token constraint covers one token; an entity constraint covers
  /// the mention that starts at `i`.
  func end(at i: Int, in input: MatchInput) -> Int? {
    guard i < input.tokens.count else { return nil }
    if let entity {
      guard let mention = input.mentionAt[i],
        entity.contains("any") || entity.contains(mention.type)
      else { return nil }
      return holdsOnToken(i, in: input, skipEntity: true) ? mention.end : nil
    }
    return holdsOnToken(i, in: input, skipEntity: false) ? i + 1 : nil
  }

  private func holdsOnToken(_ i: Int, in input: MatchInput, skipEntity: Bool) -> Bool {
    let token = input.tokens[i]
    if any { return not.allSatisfy { $0.end(at: i, in: input) == nil } }
    if let lower,
      !(lower.contains(token.lower) || (!lists.isEmpty && listWords.contains(token.lower)))
    {
      return false
    }
    if lower == nil, !lists.isEmpty, !listWords.contains(token.lower) { return false }
    if let shape {
      switch shape {
      case .capitalized: if !token.isCapitalized { return false }
      case .allcaps: if !token.isAllCaps { return false }
      case .lowercase:
        if !token.isWord || token.isCapitalized || token.text.first?.isNumber == true {
          return false
        }
      case .number: if token.text.first?.isNumber != true { return false }
      case .word: if !token.isWord { return false }
      case .punct: if token.isWord { return false }
      }
    }
    if let punct, !token.isPunct(punct) { return false }
    if let free, free == input.claimed[i] { return false }
    return not.allSatisfy { $0.end(at: i, in: input) == nil }
  }
}

/// A sequence of elements, matched left to right with backtracking.
struct TokenPattern: Sendable, Hashable {
  var elements: [PatternElement]

  /// Every way the pattern matches starting at token `start`: the end of
  /// each match and its captures (name → token range), longest first.
  func matches(at start: Int, in input: MatchInput) -> [(end: Int, captures: [String: Range<Int>])]
  {
    var results: [(end: Int, captures: [(String, Range<Int>)])] = []
    var captures: [(String, Range<Int>)] = []
    var ends: [Int] = []
    // Bounded: a pattern of n elements with quantifiers up to m explores at
    // most m^n paths, and rule files keep both small.
    func walk(_ e: Int, _ i: Int) {
      if results.count >= 64 { return }
      guard e < elements.count else {
        results.append((i, captures))
        return
      }
      let element = elements[e]
      // Greedy: the ends of 0...max repetitions, tried longest first.
      let base = ends.count
      ends.append(i)
      var cursor = i
      while ends.count - base - 1 < element.max,
        let next = element.constraint.end(at: cursor, in: input)
      {
        cursor = next
        ends.append(cursor)
      }
      let found = ends.count - base - 1
      if found >= element.min {
        for count in stride(from: found, through: element.min, by: -1) {
          let stop = ends[base + count]
          let captured = element.capture != nil && count > 0
          if captured, let name = element.capture { captures.append((name, i..<stop)) }
          walk(e + 1, stop)
          if captured { captures.removeLast() }
        }
      }
      ends.removeSubrange(base...)
    }
    walk(0, start)
    results.sort { $0.end > $1.end }
    return results.map { result in
      (result.end, Dictionary(result.captures, uniquingKeysWith: { first, _ in first }))
    }
  }

  /// True when the pattern matches some run that ends exactly at `end`
  /// (for "before" conditions), starting at most `reach` tokens earlier.
  func matchesEnding(at end: Int, in input: MatchInput, reach: Int = 12) -> Bool {
    for start in stride(from: end, through: Swift.max(0, end - reach), by: -1)
    where matches(at: start, in: input).contains(where: { $0.end == end }) {
      return true
    }
    return false
  }
}

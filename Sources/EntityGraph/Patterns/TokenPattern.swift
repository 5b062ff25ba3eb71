import PressReleases

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

  var lower: Set<String>? { didSet { acceptedWords = anchorWords } }
  var lists: [String] = [] { didSet { acceptedWords = anchorWords } }
  var shape: Shape?
  var punct: String?
  var entity: Set<String>?
  var free: Bool?
  var not: [TokenConstraint] = []
  var any = false

  /// The words a list constraint accepts, resolved once when rules load.
  var listWords: Set<String> = [] { didSet { acceptedWords = anchorWords } }

  /// `lower` and the list words together: the one set a token's
  /// lowercase form is looked up in (nil: any word).
  private(set) var acceptedWords: Set<String>?

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

/// A constraint prepared for matching: immutable and shared by
/// reference, so the matcher's inner loop reads it without copying its
/// sets (a ``TokenConstraint`` copy retains every one of them).
private final class CompiledConstraint: Sendable {
  let words: Set<String>?
  /// Rejects most tokens before `words` hashes their text.
  let filter: WordFilter
  let shape: TokenConstraint.Shape?
  let punct: String?
  let entity: Set<String>?
  let anyEntity: Bool
  let free: Bool?
  let not: [CompiledConstraint]
  let any: Bool

  init(_ c: TokenConstraint) {
    words = c.acceptedWords
    filter = WordFilter(c.acceptedWords ?? [])
    shape = c.shape
    punct = c.punct
    entity = c.entity
    anyEntity = c.entity?.contains("any") ?? false
    free = c.free
    not = c.not.map(CompiledConstraint.init)
    any = c.any
  }

  /// The end (exclusive) of a match of this constraint at token `i`, or
  /// nil. A token constraint covers one token; an entity constraint covers
  /// the mention that starts at `i`.
  func end(at i: Int, in input: MatchInput) -> Int? {
    guard i < input.tokens.count else { return nil }
    if let entity {
      guard let mention = input.mentionAt[i], anyEntity || entity.contains(mention.type) else {
        return nil
      }
      return holds(i, in: input) ? mention.end : nil
    }
    return holds(i, in: input) ? i + 1 : nil
  }

  private func holds(_ i: Int, in input: MatchInput) -> Bool {
    if !any {
      if let words,
        !filter.mayContain(input.tokens[i].lower) || !words.contains(input.tokens[i].lower)
      {
        return false
      }
      if let shape {
        switch shape {
        case .capitalized: if !input.tokens[i].isCapitalized { return false }
        case .allcaps: if !input.tokens[i].isAllCaps { return false }
        case .lowercase:
          if !input.tokens[i].isWord || input.tokens[i].isCapitalized
            || input.tokens[i].startsWithDigit
          {
            return false
          }
        case .number: if !input.tokens[i].startsWithDigit { return false }
        case .word: if !input.tokens[i].isWord { return false }
        case .punct: if input.tokens[i].isWord { return false }
        }
      }
      if let punct, !input.tokens[i].isPunct(punct) { return false }
      if let free, free == input.claimed[i] { return false }
    }
    for constraint in not where constraint.end(at: i, in: input) != nil { return false }
    return true
  }
}

/// A pattern element prepared for matching.
private struct CompiledElement: Sendable {
  let constraint: CompiledConstraint
  let min: Int
  let max: Int
  let capture: String?
}

/// The backtracking search of one match attempt, with its stacks as
/// stored properties (nested functions capturing them paid an
/// exclusivity check on every access).
private struct Walk {
  let elements: [CompiledElement]
  let input: MatchInput
  var results: [(end: Int, captures: [(String, Range<Int>)])] = []
  var captures: [(String, Range<Int>)] = []
  var ends: [Int] = []

  init(elements: [CompiledElement], input: MatchInput) {
    self.elements = elements
    self.input = input
    // Room for the usual search, so the stacks are allocated once.
    ends.reserveCapacity(16)
    captures.reserveCapacity(4)
  }

  // Bounded: a pattern of n elements with quantifiers up to m explores at
  // most m^n paths, rule files keep both small, and at most 64 results
  // are kept.
  mutating func run(_ e: Int, _ i: Int) {
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
        let name = count > 0 ? element.capture : nil
        if let name { captures.append((name, i..<stop)) }
        run(e + 1, stop)
        if name != nil { captures.removeLast() }
      }
    }
    ends.removeSubrange(base...)
  }
}

/// A sequence of elements, matched left to right with backtracking.
struct TokenPattern: Sendable, Hashable {
  var elements: [PatternElement] {
    didSet { compiled = elements.map(Self.compile) }
  }
  /// The elements prepared for matching (derived from ``elements``).
  private var compiled: [CompiledElement]

  init(elements: [PatternElement]) {
    self.elements = elements
    compiled = elements.map(Self.compile)
  }

  private static func compile(_ element: PatternElement) -> CompiledElement {
    CompiledElement(
      constraint: CompiledConstraint(element.constraint), min: element.min, max: element.max,
      capture: element.capture)
  }

  static func == (a: TokenPattern, b: TokenPattern) -> Bool { a.elements == b.elements }
  func hash(into hasher: inout Hasher) { hasher.combine(elements) }

  /// Every way the pattern matches starting at token `start`: the end of
  /// each match and its captures (name → token range), longest first.
  /// (Captures come as a list, first name first; a name captured twice
  /// keeps its first range.)
  func matches(at start: Int, in input: MatchInput) -> [(
    end: Int, captures: [(String, Range<Int>)]
  )] {
    // Most starts fail on the first element: test it before setting up
    // the search (which allocates its stacks).
    if let first = compiled.first, first.min >= 1, first.constraint.end(at: start, in: input) == nil
    {
      return []
    }
    var walk = Walk(elements: compiled, input: input)
    walk.run(0, start)
    if walk.results.count <= 1 { return walk.results }
    // Stable: among equal ends, the order the walk found them in.
    return walk.results.enumerated().sorted {
      $0.element.end != $1.element.end ? $0.element.end > $1.element.end : $0.offset < $1.offset
    }.map(\.element)
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

import Foundation

/// One extraction rule: a token pattern, the phase it runs in, what it
/// makes, and the sentences it must and must not match.
///
/// Rules live in `Resources/rules/PHASE.json`:
///
/// ```json
/// {"phase": "meeting-trigger",
///  "rules": [
///   {"id": "meet.sat-down-with", "priority": 10,
///    "pattern": [{"lower": "sat", "capture": "trigger"}, {"lower": "down"}, {"lower": "with"}],
///    "action": {"kind": "meet"},
///    "examples": {"match": ["Minister Ana Lind sat down with Ole Brun on May 3."],
///                 "noMatch": ["The delegates sat down."]}}]}
/// ```
///
/// `notBefore` / `before` and `notAfter` / `after` are patterns that must
/// not (or must) match right before the match or right after it. Every
/// rule's examples run as tests (`RuleExampleTests`).
///
/// A rule is a reference: a match carries its rule without copying the
/// patterns, action and examples (the matcher makes thousands of matches).
final class Rule: Sendable, Hashable {
  /// A stable id, `family.name`: what `extract --explain` reports.
  let id: String
  let phase: String
  /// Breaks ties between matches of equal length: higher wins.
  let priority: Int
  let pattern: TokenPattern
  /// A rule written in Swift: listed for its id and examples, never matched
  /// by the engine.
  let inCode: Bool
  let before: TokenPattern?
  let notBefore: TokenPattern?
  let after: TokenPattern?
  let notAfter: TokenPattern?
  /// What the match makes, read by the phase's code ("kind": "meet").
  let action: [String: String]
  /// Sentences the rule matches, and sentences it must not match.
  let matchExamples: [String]
  let noMatchExamples: [String]

  init(
    id: String, phase: String, priority: Int, pattern: TokenPattern, inCode: Bool = false,
    before: TokenPattern? = nil, notBefore: TokenPattern? = nil, after: TokenPattern? = nil,
    notAfter: TokenPattern? = nil, action: [String: String], matchExamples: [String],
    noMatchExamples: [String]
  ) {
    self.id = id
    self.phase = phase
    self.priority = priority
    self.pattern = pattern
    self.inCode = inCode
    self.before = before
    self.notBefore = notBefore
    self.after = after
    self.notAfter = notAfter
    self.action = action
    self.matchExamples = matchExamples
    self.noMatchExamples = noMatchExamples
  }

  /// Rules are equal when they are the same rule: the same id in the same
  /// phase (ids are unique within a phase).
  static func == (lhs: Rule, rhs: Rule) -> Bool {
    lhs === rhs || (lhs.id == rhs.id && lhs.phase == rhs.phase)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(phase)
  }
}

extension Rule: CustomStringConvertible {
  /// The rule's id.
  var description: String { id }
}

/// A match of a rule in a sentence.
struct RuleMatch: Sendable, Hashable {
  var rule: Rule
  var range: Range<Int>
  /// Named captures in pattern order; a name taken twice keeps its first
  /// range. A rule has a capture or two, so a list beats a dictionary.
  var captures: [Capture]

  /// A named part of a match.
  struct Capture: Sendable, Hashable {
    var name: String
    var range: Range<Int>
  }

  /// The capture `name`, or the whole match.
  func capture(_ name: String) -> Range<Int> {
    captures.first { $0.name == name }?.range ?? range
  }
}

/// The rules of one phase, indexed by the words that can start them.
///
/// Conflicts are settled as GATE's "appelt" control does: among matches
/// that overlap, the longest wins, then the higher priority, then the rule
/// that comes first in the file.
struct RulePhase: Sendable {
  let name: String
  let rules: [Rule]
  private var byFirstWord: [String: [Int]] = [:]
  private var unanchored: [Int] = []
  /// Each rule's position in the file, for ties.
  private var order: [String: Int] = [:]
  /// True for the built-in phases, whose first words carry the phase's
  /// own word class (a bit test instead of a lookup per token).
  private let builtIn: Bool
  /// The word class of the words that start this built-in phase's rules.
  let startClass: WordClass

  /// The words that can start a match of a rule of this phase.
  var firstWords: Set<String> { Set(byFirstWord.keys) }

  /// False when no rule can match: every rule starts with a known word
  /// and none of those words is in the sentence (a cheap first test: the
  /// words of a built-in phase carry its ``startClass``).
  func mayMatch(_ tokens: [Token]) -> Bool {
    if !unanchored.isEmpty { return true }
    if builtIn { return tokens.contains { $0.classes.contains(startClass) } }
    return tokens.contains { byFirstWord[$0.lower] != nil }
  }

  /// ``mayMatch(_:)`` from the union of a sentence's word classes: one bit
  /// test for a built-in phase.
  func mayMatch(_ tokens: [Token], classes: WordClass) -> Bool {
    builtIn && unanchored.isEmpty ? classes.contains(startClass) : mayMatch(tokens)
  }

  /// A rule's position in its file (ties go to the earlier rule).
  func rank(_ rule: Rule) -> Int { order[rule.id, default: 0] }

  init(name: String, rules: [Rule], builtIn: Bool = false, startClass: WordClass = .ruleStart) {
    self.name = name
    self.rules = rules
    self.builtIn = builtIn
    self.startClass = startClass
    for (n, rule) in rules.enumerated() {
      order[rule.id] = n
      if let first = rule.pattern.elements.first, first.min >= 1,
        let words = first.constraint.anchorWords, first.constraint.entity == nil
      {
        for word in words { byFirstWord[word, default: []].append(n) }
      } else {
        unanchored.append(n)
      }
    }
  }

  /// Every match of every rule, before conflicts are settled.
  func allMatches(in input: MatchInput) -> [RuleMatch] {
    input.tokens.indices.flatMap {
      mayStart(at: input.tokens[$0]) ? matches(startingAt: $0, in: input) : []
    }
  }

  /// False when no rule of the phase can match from this token: a bit
  /// test, cheaper than a call with the whole input.
  @inline(__always)
  func mayStart(at token: Token) -> Bool {
    !builtIn || !unanchored.isEmpty || token.classes.contains(startClass)
  }

  /// The matches of every rule that start at token `start` (for each
  /// rule, its longest acceptable match), in rule order. A caller that
  /// wants the earliest match can stop at the first start with one.
  func matches(startingAt start: Int, in input: MatchInput) -> [RuleMatch] {
    // Only words that start some rule need the lookup.
    let anchored =
      !builtIn || input.tokens[start].classes.contains(startClass)
      ? byFirstWord[input.tokens[start].lower] ?? [] : []
    let candidates = unanchored.isEmpty ? anchored : (unanchored + anchored).sorted()
    var found: [RuleMatch] = []
    for n in candidates {
      // Read in place: a Rule is large, and is copied only into a match.
      if let notBefore = rules[n].notBefore, notBefore.matchesEnding(at: start, in: input) {
        continue
      }
      if let before = rules[n].before, !before.matchesEnding(at: start, in: input) { continue }
      for match in rules[n].pattern.matches(at: start, in: input) where match.end > start {
        if let notAfter = rules[n].notAfter,
          !notAfter.matches(at: match.end, in: input).isEmpty
        {
          continue
        }
        if let after = rules[n].after, after.matches(at: match.end, in: input).isEmpty {
          continue
        }
        found.append(
          RuleMatch(
            rule: rules[n], range: start..<match.end,
            captures: match.captures.map { RuleMatch.Capture(name: $0.0, range: $0.1) }))
        break  // the longest acceptable match of this rule here
      }
    }
    return found
  }

  /// The matches that survive the appelt policy, in text order.
  func matches(in input: MatchInput) -> [RuleMatch] {
    let ranked = allMatches(in: input).sorted { a, b in
      if a.range.count != b.range.count { return a.range.count > b.range.count }
      if a.rule.priority != b.rule.priority { return a.rule.priority > b.rule.priority }
      if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
      return rank(a.rule) < rank(b.rule)
    }
    var taken = Array(repeating: false, count: input.tokens.count)
    var kept: [RuleMatch] = []
    for match in ranked where !match.range.contains(where: { taken[$0] }) {
      for i in match.range { taken[i] = true }
      kept.append(match)
    }
    return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}

/// The built-in rules, by phase.
struct RuleBook: Sendable {
  let phases: [String: RulePhase]
  /// Rules written in Swift, with their examples (`code-rules.json`).
  let codeRules: [Rule]

  /// The phase `name` (an empty phase when no file defines it).
  func phase(_ name: String) -> RulePhase {
    phases[name] ?? RulePhase(name: name, rules: [])
  }

  /// The words that can start a pattern rule of any phase.
  var firstWords: Set<String> {
    phases.values.reduce(into: Set<String>()) { $0.formUnion($1.firstWords) }
  }

  /// Every pattern rule, in phase and file order, then the code rules.
  var allRules: [Rule] {
    phases.keys.sorted().flatMap { phases[$0]?.rules ?? [] } + codeRules
  }

  static let builtIn: RuleBook = {
    guard let folder = Bundle.module.resourceURL?.appendingPathComponent("rules"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else {
      preconditionFailure("the built-in rules (Resources/rules) are missing")
    }
    let urls = names.filter { $0.hasSuffix(".json") }.map { folder.appendingPathComponent($0) }
    var phases: [String: [Rule]] = [:]
    for url in urls.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
      do {
        let file = try RuleFile.decode(Data(contentsOf: url), file: url.lastPathComponent)
        phases[file.phase, default: []] += file.rules
      } catch {
        preconditionFailure("built-in rules \(url.lastPathComponent): \(error)")
      }
    }
    // Each phase's first words get a word class of their own, while bits last.
    return RuleBook(
      phases: Dictionary(
        uniqueKeysWithValues: phases.keys.sorted().enumerated().map { n, name in
          let phase = RulePhase(
            name: name, rules: (phases[name] ?? []).filter { !$0.inCode }, builtIn: true,
            startClass: WordClass.phaseStart(n) ?? .ruleStart)
          return (name, phase)
        }),
      codeRules: phases.values.flatMap { $0.filter(\.inCode) }.sorted { $0.id < $1.id })
  }()
}

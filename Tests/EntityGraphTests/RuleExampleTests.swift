import Foundation
import Testing

@testable import EntityGraph

/// Every built-in rule's own example sentences, Duckling-style: each
/// "match" sentence must be matched by the rule alone, each "noMatch"
/// sentence must not be.
@Suite("Rule examples")
struct RuleExampleTests {
  static let rules = RuleBook.builtIn.allRules

  @Test("the built-in rule book loads and has rules in every file")
  func loads() {
    #expect(!Self.rules.isEmpty)
    #expect(Set(Self.rules.map(\.id)).count == Self.rules.count, "rule ids are unique")
  }

  @Test("each rule matches its positive examples", arguments: rules)
  func positive(rule: Rule) {
    for sentence in rule.matchExamples {
      #expect(Self.matches(rule, sentence), "\(rule.id) should match: \(sentence)")
    }
  }

  @Test("each rule does not match its negative examples", arguments: rules)
  func negative(rule: Rule) {
    for sentence in rule.noMatchExamples {
      #expect(!Self.matches(rule, sentence), "\(rule.id) should not match: \(sentence)")
    }
  }

  /// True when the rule alone matches the sentence, with the mentions that
  /// extraction finds in it (for rules that ask for an entity).
  static func matches(_ rule: Rule, _ sentence: String) -> Bool {
    if rule.inCode {
      // A rule in Swift: extraction must report it for the sentence.
      let traces = EntityExtractor().explain([release(sentence)])
      return traces.flatMap(\.items).contains { $0.rules.contains(rule.id) }
    }
    let phase = RulePhase(name: rule.phase, rules: [rule])
    return !phase.allMatches(in: ReleaseExtractor.exampleInput(sentence)).isEmpty
  }

  @Test("every rule extraction reports is in the rule book, with its examples")
  func everyReportedRuleIsListed() {
    let known = Set(Self.rules.map(\.id))
    let sentences = Self.rules.flatMap { $0.matchExamples + $0.noMatchExamples }
    var reported: Set<String> = []
    for trace in EntityExtractor().explain(sentences.map { release($0) }) {
      for item in trace.items { reported.formUnion(item.rules) }
    }
    #expect(
      reported.subtracting(known).isEmpty, "unlisted: \(reported.subtracting(known).sorted())")
  }

  // MARK: - The engine itself

  static func compile(_ json: String) throws -> RuleFile {
    try RuleFile.decode(
      Data(json.utf8), file: "test.json",
      lists: { $0 == "colours" ? ["red", "green"] : nil })
  }

  static func rule(_ pattern: String, extra: String = "") -> String {
    """
    {"phase": "t", "rules": [{"id": "t.one", "pattern": \(pattern), \(extra)
      "examples": {"match": ["x"], "noMatch": ["y"]}}]}
    """
  }

  @Test(
    "constraints, quantifiers and captures",
    arguments: [
      (#"[{"lower": "red"}, {"lower": "car"}]"#, "a red car", true),
      (#"[{"lower": "red"}, {"lower": "car"}]"#, "a red bus", false),
      (
        #"[{"list": "colours"}, {"shape": "capitalized", "op": "+"}]"#, "the green Lumen Line", true
      ),
      (#"[{"list": "colours"}, {"shape": "capitalized", "op": "+"}]"#, "the green line", false),
      (#"[{"lower": "a"}, {"any": true, "max": 2}, {"lower": "car"}]"#, "a big red car", true),
      (#"[{"lower": "a"}, {"any": true, "max": 1}, {"lower": "car"}]"#, "a big red car", false),
      (#"[{"shape": "number"}, {"punct": ","}]"#, "in 2024, sales", true),
      (#"[{"shape": "word", "not": {"shape": "lowercase"}}]"#, "only lower words", false),
      (#"[{"shape": "allcaps"}]"#, "the KOTRA office", true),
    ])
  func constraints(pattern: String, text: String, matches: Bool) throws {
    let file = try Self.compile(Self.rule(pattern))
    let phase = RulePhase(name: "t", rules: file.rules)
    let found = phase.allMatches(in: MatchInput(tokens: Tokenizer.tokens(text)))
    #expect(!found.isEmpty == matches, "\(pattern) on \(text)")
  }

  @Test("a capture names the tokens its element matched, longest first")
  func captures() throws {
    let file = try Self.compile(
      Self.rule(#"[{"lower": "the"}, {"shape": "capitalized", "op": "+", "capture": "name"}]"#))
    let tokens = Tokenizer.tokens("the Lumen Energy Council met")
    let match = try #require(
      RulePhase(name: "t", rules: file.rules).matches(in: MatchInput(tokens: tokens)).first)
    #expect(match.capture("name") == 1..<4)
  }

  @Test("notBefore and after conditions look around the match")
  func lookaround() throws {
    let file = try Self.compile(
      Self.rule(
        #"[{"lower": "visit"}]"#,
        extra: #""notBefore": [{"lower": "state"}], "after": [{"shape": "capitalized"}],"#))
    let phase = RulePhase(name: "t", rules: file.rules)
    func found(_ text: String) -> Bool {
      !phase.allMatches(in: MatchInput(tokens: Tokenizer.tokens(text))).isEmpty
    }
    #expect(found("they visit Oslo"))
    #expect(!found("the state visit Oslo"))
    #expect(!found("they visit often"))
  }

  @Test("overlapping matches: the longest wins, then the higher priority")
  func appelt() throws {
    let json = """
      {"phase": "t", "rules": [
        {"id": "t.short", "priority": 9, "pattern": [{"lower": "trade"}, {"lower": "minister"}],
         "examples": {"match": ["x"], "noMatch": ["y"]}},
        {"id": "t.long", "pattern": [{"lower": "vice"}, {"lower": "trade"}, {"lower": "minister"}],
         "examples": {"match": ["x"], "noMatch": ["y"]}},
        {"id": "t.tie", "priority": 10, "pattern": [{"lower": "trade"}, {"lower": "minister"}],
         "examples": {"match": ["x"], "noMatch": ["y"]}}]}
      """
    let phase = RulePhase(name: "t", rules: try Self.compile(json).rules)
    func winner(_ text: String) -> [String] {
      phase.matches(in: MatchInput(tokens: Tokenizer.tokens(text))).map(\.rule.id)
    }
    #expect(winner("the vice trade minister") == ["t.long"])
    #expect(winner("the trade minister") == ["t.tie"])
  }

  @Test(
    "bad rule files are refused with the file and the problem",
    arguments: [
      (
        #"{"phase": "t", "rules": [{"id": "a", "pattern": [], "examples": {"match": ["x"], "noMatch": ["y"]}}]}"#,
        "empty pattern"
      ),
      (
        #"{"phase": "t", "rules": [{"id": "a", "pattern": [{"lower": "x"}], "examples": {"match": [], "noMatch": ["y"]}}]}"#,
        "needs at least one"
      ),
      (
        #"{"phase": "t", "rules": [{"id": "a", "pattern": [{"list": "nope"}], "examples": {"match": ["x"], "noMatch": ["y"]}}]}"#,
        "no lexicon list named \"nope\""
      ),
      (
        #"{"phase": "t", "rules": [{"id": "a", "pattern": [{"lower": "x", "op": "%"}], "examples": {"match": ["x"], "noMatch": ["y"]}}]}"#,
        "unknown op"
      ),
      (
        #"{"phase": "t", "rules": [{"id": "a", "pattern": [{"lower": "x"}], "examples": {"match": ["x"], "noMatch": ["y"]}}, {"id": "a", "pattern": [{"lower": "y"}], "examples": {"match": ["x"], "noMatch": ["y"]}}]}"#,
        "appears twice"
      ),
      (#"{"phase": "t""#, "test.json"),
    ])
  func badFiles(json: String, problem: String) {
    #expect {
      try Self.compile(json)
    } throws: { error in
      "\(error)".contains(problem) && "\(error)".hasPrefix("test.json:")
    }
  }

  // MARK: - Data hygiene

  @Test("no lexicon list or rule names a person (no 'Family Given-name' shapes)")
  func noPeople() {
    let families = Lexicon.koreanFamilyNames
    func looksLikeAPerson(_ text: String) -> Bool {
      let words = text.split(separator: " ")
      guard words.count == 2 else { return false }
      return families.contains(words[0].lowercased()) && words[1].contains("-")
        && words[1].first?.isUppercase == true
    }
    var texts = Gazetteer.builtIn.institutions.flatMap { [$0.name] + $0.aliases + $0.headTitles }
    texts += Gazetteer.builtIn.countries.flatMap { [$0.name] + $0.aliases }
    for text in texts { #expect(!looksLikeAPerson(text), "\(text)") }
  }
}

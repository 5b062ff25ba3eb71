import Foundation

/// The JSON shape of a rule file (see ``Rule``), decoded and checked.
struct RuleFile: Sendable {
  var phase: String
  var rules: [Rule]

  /// Parses and checks a rule file: every rule needs an id that is unique
  /// in the file, a pattern, and at least one example of each kind; every
  /// list named must exist.
  static func decode(
    _ data: Data, file: String, lists: (String) -> Set<String>? = RuleFile.lexiconList
  ) throws(EntityGraphError) -> RuleFile {
    let raw: Raw
    do {
      raw = try JSONDecoder().decode(Raw.self, from: data)
    } catch {
      throw .badRules(file: file, reason: "\(error)")
    }
    var seen: Set<String> = []
    var rules: [Rule] = []
    for rule in raw.rules {
      guard seen.insert(rule.id).inserted else {
        throw .badRules(file: file, reason: "rule id \"\(rule.id)\" appears twice")
      }
      guard !(rule.pattern ?? []).isEmpty || rule.in == "code" else {
        throw .badRules(file: file, reason: "rule \(rule.id) has an empty pattern")
      }
      guard !(rule.examples.match.isEmpty || rule.examples.noMatch.isEmpty) else {
        throw .badRules(
          file: file,
          reason: "rule \(rule.id) needs at least one \"match\" and one \"noMatch\" example")
      }
      func pattern(_ elements: [RawElement]?) throws(EntityGraphError) -> TokenPattern? {
        guard let elements else { return nil }
        var result: [PatternElement] = []
        for element in elements {
          result.append(try element.compiled(rule: rule.id, file: file, lists: lists))
        }
        return TokenPattern(elements: result)
      }
      rules.append(
        Rule(
          id: rule.id, phase: raw.phase, priority: rule.priority ?? 0,
          pattern: try pattern(rule.pattern) ?? TokenPattern(elements: []),
          inCode: rule.in == "code",
          before: try pattern(rule.before), notBefore: try pattern(rule.notBefore),
          after: try pattern(rule.after), notAfter: try pattern(rule.notAfter),
          action: rule.action ?? [:], matchExamples: rule.examples.match,
          noMatchExamples: rule.examples.noMatch))
    }
    return RuleFile(phase: raw.phase, rules: rules)
  }

  /// A built-in lexicon list by name, or nil when there is none.
  static func lexiconList(_ name: String) -> Set<String>? {
    Lexicon.listIfPresent(name)
  }

  private struct Raw: Decodable {
    var phase: String
    var rules: [RawRule]
  }

  private struct RawRule: Decodable {
    struct Examples: Decodable {
      var match: [String]
      var noMatch: [String]
    }
    var id: String
    var priority: Int?
    var pattern: [RawElement]?
    /// "code": a rule written in Swift, listed for its id and examples.
    var `in`: String?
    var before: [RawElement]?
    var notBefore: [RawElement]?
    var after: [RawElement]?
    var notAfter: [RawElement]?
    var action: [String: String]?
    var examples: Examples
    var comment: String?
  }

  /// A string or a list of strings.
  private struct OneOrMany: Decodable {
    var values: [String]
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let one = try? c.decode(String.self) {
        values = [one]
      } else {
        values = try c.decode([String].self)
      }
    }
  }

  private final class RawElement: Decodable {
    var lower: OneOrMany?
    var list: OneOrMany?
    var shape: String?
    var punct: String?
    var entity: OneOrMany?
    var free: Bool?
    var not: RawElement?
    var any: Bool?
    var op: String?
    var min: Int?
    var max: Int?
    var capture: String?

    func constraint(rule: String, file: String, lists: (String) -> Set<String>?)
      throws(EntityGraphError) -> TokenConstraint
    {
      var c = TokenConstraint()
      c.lower = lower.map { Set($0.values.map { $0.lowercased() }) }
      for name in list?.values ?? [] {
        guard let words = lists(name) else {
          throw .badRules(file: file, reason: "rule \(rule): no lexicon list named \"\(name)\"")
        }
        c.lists.append(name)
        c.listWords.formUnion(words)
      }
      if let shape {
        guard let value = TokenConstraint.Shape(rawValue: shape) else {
          throw .badRules(file: file, reason: "rule \(rule): unknown shape \"\(shape)\"")
        }
        c.shape = value
      }
      c.punct = punct
      c.entity = entity.map { Set($0.values) }
      c.free = free
      c.any = any ?? false
      if let not { c.not = [try not.constraint(rule: rule, file: file, lists: lists)] }
      return c
    }

    func compiled(rule: String, file: String, lists: (String) -> Set<String>?)
      throws(EntityGraphError) -> PatternElement
    {
      var element = PatternElement(constraint: try constraint(rule: rule, file: file, lists: lists))
      switch op {
      case nil: break
      case "?": (element.min, element.max) = (0, 1)
      case "*": (element.min, element.max) = (0, 16)
      case "+": (element.min, element.max) = (1, 16)
      case let other?:
        throw .badRules(file: file, reason: "rule \(rule): unknown op \"\(other)\"")
      }
      // A wildcard with only a "max" is a gap of up to that many tokens.
      if any == true, op == nil, min == nil, max != nil { element.min = 0 }
      if let min { element.min = min }
      if let max { element.max = max }
      guard element.min >= 0, element.max >= element.min, element.max <= 64 else {
        throw .badRules(
          file: file, reason: "rule \(rule): bad repetition \(element.min)...\(element.max)")
      }
      element.capture = capture
      return element
    }
  }
}

import Testing

@testable import EntityGraph

@Suite("Typo distance")
struct TypoDistanceTests {
  /// Each row: two names and whether one edit (or none) separates them.
  static let cases: [(String, String, Bool)] = [
    ("Ana Lind", "Ana Lind", true),
    ("Ana Lind", "Ana Lynd", true),  // substitution
    ("Ana Lind", "Ana Lindh", true),  // insertion at the end
    ("Ana Lind", "Anna Lind", true),  // insertion inside
    ("Ana Lind", "na Lind", true),  // deletion at the start
    ("Ana Lind", "Ana Lnid", false),  // transposition: two edits
    ("Ana Lind", "Ana Lindhe", false),
    ("Ana Lind", "Ena Lynd", false),
    ("", "", true),
    ("", "a", true),
    ("", "ab", false),
    ("Jé Kim", "Je Kim", true),  // a precomposed letter is one character
  ]

  @Test("within one edit agrees with the definition", arguments: cases)
  func withinOneEdit(a: String, b: String, expected: Bool) {
    #expect(Resolver.withinOneEdit(Array(a), Array(b)) == expected)
    #expect(Resolver.withinOneEdit(Array(b), Array(a)) == expected)
  }
}

@Suite("Typo candidates")
struct TypoCandidateTests {
  /// Invented names: accented and plain spellings, one-letter typos, word
  /// subsets, long names, and filler so that a group has more than 16
  /// names (where candidates come from indexes instead of every pair).
  static let groups: [[String]] = [
    [
      "José Silva", "Jose Silva", "Zoë Marten", "Zoe Marten", "Ana Lind", "Ana Lynd",
      "Kim JK Kim", "JK Kim", "Örn Halvard", "Orn Halvard", "Li Wen", "Li Wei",
      "Maria da Graça Soares Neto Vilar Costa", "Maria da Graça Soares Neto Vilar",
      "Tomas Varga", "Tomas Vargas", "Ines Duarte", "Inês Duarte", "Marek Novak",
      "Aiko Tanabe", "Lena Okafor", "Paulo Ribeiro", "Søren Dahl", "Soren Dahl",
    ],
    ["Émile Roux", "Emile Roux", "Émile Rouxe", "Amélie Roux"]
      + (0..<20).map { "Filler Name\($0)" },
  ]

  @Test("the indexed candidates include every pair the typo rule accepts", arguments: groups)
  func indexIsComplete(names: [String]) {
    let comparable = names.map(Resolver.ComparableName.init(plain:))
    let candidates = Set(
      Resolver.ComparableName.candidatePairs(comparable).map { "\($0.0)-\($0.1)" })
    var accepted = 0
    for a in comparable.indices {
      for b in comparable.indices where b > a && comparable[a].isTypo(of: comparable[b]) {
        accepted += 1
        #expect(candidates.contains("\(a)-\(b)"), "\(names[a]) / \(names[b])")
      }
    }
    #expect(names.count > 16)
    #expect(accepted >= 8)
  }
}

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

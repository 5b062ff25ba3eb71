import Testing

@testable import PressReleases

@Suite("Word filter")
struct WordFilterTests {
  /// Each row: the set, words that must pass, and words the filter must reject
  /// (their length or first byte is no member's).
  static let cases: [(Set<String>, [String], [String])] = [
    (
      ["met", "meeting", "talks"], ["met", "meeting", "talks", "mat", "tasks"],
      ["", "x", "tack", "Met"]
    ),
    (["a", "an"], ["a", "an", "at"], ["the", "b", "A"]),
    (["’s", "é", "한국"], ["’s", "é", "한국"], ["s", "e", "'s"]),
    (
      [String(repeating: "x", count: 70)],
      [String(repeating: "x", count: 63), String(repeating: "x", count: 90)],
      [String(repeating: "x", count: 62), String(repeating: "y", count: 70)]
    ),
    ([], [], ["", "a", "anything"]),
  ]

  @Test(
    "no member is ever rejected, and words of other lengths or first bytes are", arguments: cases)
  func filter(words: Set<String>, pass: [String], reject: [String]) {
    let filter = WordFilter(words)
    for word in words { #expect(filter.mayContain(word), "\(word)") }
    for word in pass { #expect(filter.mayContain(word), "\(word)") }
    for word in reject { #expect(!filter.mayContain(word), "\(word)") }
  }

  @Test("the byte form agrees with the string form")
  func bytes() {
    let filter = WordFilter(["co", "ltd", "inc"])
    for word in ["co", "ltd", "inc", "corp", "x", "lt", "ltda"] {
      #expect(
        filter.mayContain(length: word.utf8.count, firstByte: word.utf8.first ?? 0)
          == filter.mayContain(word))
    }
  }
}

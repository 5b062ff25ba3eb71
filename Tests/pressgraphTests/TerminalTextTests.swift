import Testing

@testable import pressgraph

@Suite("Text for the terminal, and names for the shell")
struct TerminalTextTests {
  /// Each row: text from data, and how it is printed.
  static let rows: [(String, String)] = [
    ("plain text", "plain text"),
    ("", ""),
    ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ("\u{1B}[31mred\u{1B}[0m", "\\x1B[31mred\\x1B[0m"),
    (
      "\u{1B}]8;;http://evil.example\u{07}link\u{1B}]8;;\u{07}",
      "\\x1B]8;;http://evil.example\\x07link\\x1B]8;;\\x07"
    ),
    ("bell\u{07} back\u{08} cr\r", "bell\\x07 back\\x08 cr\\x0D"),
    ("nul\u{0}del\u{7F}", "nul\\x00del\\x7F"),
    ("csi\u{9B}31m osc\u{9D}", "csi\\u009B31m osc\\u009D"),
    ("abc\u{202E}fed", "abc\\u202Efed"),
    ("isolate\u{2066}x\u{2069}", "isolate\\u2066x\\u2069"),
    ("mark\u{200E}", "mark\\u200E"),
    ("한국 🇰🇷 café", "한국 🇰🇷 café"),
  ]

  @Test(arguments: rows)
  func controlsAreEscaped(text: String, shown: String) {
    #expect(TerminalText.escaped(text) == shown)
  }

  @Test func lineBreaksCanBeEscapedToo() {
    #expect(TerminalText.escaped("a\nb\tc", keepNewlines: false) == "a\\x0Ab\\x09c")
  }

  @Test(arguments: [
    ("pressgraph.sqlite", "pressgraph.sqlite"), ("/tmp/a b.sqlite", "'/tmp/a b.sqlite'"),
    ("it's.sqlite", "'it'\\''s.sqlite'"), ("", "''"), ("$(rm -rf).db", "'$(rm -rf).db'"),
  ])
  func pathsAreQuotedForTheShell(path: String, quoted: String) {
    #expect(StoreFailure.shellQuoted(path) == quoted)
  }
}

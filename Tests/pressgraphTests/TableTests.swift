import Testing

@testable import pressgraph

@Suite("Terminal tables")
struct TableTests {
  @Test("columns align by display width, Korean counting two")
  func alignment() {
    let table = Table(
      headers: ["ID", "TITLE", "SOURCE"],
      rows: [["a", "한국 Trade", "x.txt"], ["bb", "Plain", "y.txt"]],
      flexibleColumn: 1)
    #expect(
      table.render(width: nil) == """
        ID  TITLE       SOURCE
        ──  ──────────  ──────
        a   한국 Trade  x.txt
        bb  Plain       y.txt
        """)
  }

  @Test("the flexible column is cut with an ellipsis to fit the width")
  func truncation() {
    let table = Table(
      headers: ["ID", "TITLE"], rows: [["1", String(repeating: "word ", count: 20)]],
      flexibleColumn: 1)
    let lines = table.render(width: 20).split(separator: "\n")
    #expect(lines.allSatisfy { displayWidth(String($0)) <= 20 })
    #expect(lines[2].hasSuffix("…"))
  }

  @Test("line breaks in cells do not break rows")
  func singleLine() {
    let table = Table(headers: ["A"], rows: [["x\ny"]], flexibleColumn: nil)
    #expect(table.render(width: nil).split(separator: "\n").last == "x y")
  }

  @Test("display width", arguments: [("abc", 3), ("한국", 4), ("e\u{301}", 1), ("", 0), ("🇰🇷", 2)])
  func width(text: String, expected: Int) {
    #expect(displayWidth(text) == expected)
  }
}

import Foundation
import GraphStore
import Testing

@testable import GraphExport

/// The folder of golden `.dot` files, in the source tree.
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Golden")

/// Compares `actual` with the golden file `name`; with PRESSGRAPH_RECORD=1
/// in the environment, writes it instead. A mismatch is reported as a
/// line diff (`-` golden, `+` actual).
func expectGolden(
  _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  let url = goldenFolder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["PRESSGRAPH_RECORD"] == "1" {
    try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
    try Data(actual.utf8).write(to: url)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record(
      "no golden file \(name); record it with PRESSGRAPH_RECORD=1 swift test",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  let old = expected.components(separatedBy: "\n")
  let new = actual.components(separatedBy: "\n")
  var lines: [String] = []
  for change in new.difference(from: old) {
    switch change {
    case .remove(let offset, let line, _): lines.append("-\(offset + 1): \(line)")
    case .insert(let offset, let line, _): lines.append("+\(offset + 1): \(line)")
    }
  }
  let message =
    "\(name) differs from the golden file (PRESSGRAPH_RECORD=1 swift test records it):\n"
    + lines.prefix(40).joined(separator: "\n")
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// A release brief for tests.
func brief(_ id: String, _ title: String, _ date: String) -> ReleaseBrief {
  ReleaseBrief(id: id, title: title, date: date, source: "press/\(id).txt")
}

/// A small subgraph with invented names: two officials of two bodies meet,
/// a body sits under a ministry, and a renamed ministry.
func sampleSubgraph(names: [String: String] = [:]) -> Subgraph {
  func name(_ id: String, _ fallback: String) -> String { names[id] ?? fallback }
  let release = brief("r1", "Minister Meets Counterpart", "2026-03-05")
  return Subgraph(
    kind: .ego, title: "Ministry of Harbours: network, 1 step",
    nodes: [
      .init(
        entity: EntityBrief(
          id: "ministry:harbours", name: name("ministry:harbours", "Ministry of Harbours"),
          type: .ministry),
        country: "KR", meetings: 1, firstSeen: "2026-03-05", lastSeen: "2026-03-05", isCenter: true),
      .init(
        entity: EntityBrief(
          id: "person:seo-min-ah", name: name("person:seo-min-ah", "Seo Min-ah"), type: .person),
        role: "Vice Minister", organisation: "ministry:harbours", meetings: 1),
      .init(
        entity: EntityBrief(
          id: "person:ana-lind", name: name("person:ana-lind", "Ana Lind"), type: .person),
        role: "State Secretary", organisation: "ministry:fjords", meetings: 1),
      .init(
        entity: EntityBrief(
          id: "ministry:fjords", name: name("ministry:fjords", "Ministry of Fjords"),
          type: .ministry),
        country: "NO"),
      .init(
        entity: EntityBrief(
          id: "agency:tides", name: name("agency:tides", "Tide Agency"), type: .agency)),
      .init(
        entity: EntityBrief(id: "ministry:old-harbours", name: "Ministry of Ports", type: .ministry)
      ),
      .init(entity: EntityBrief(id: "company:nordkai", name: "Nordkai Ltd.", type: .company)),
    ],
    edges: [
      .init(
        source: "person:ana-lind", target: "person:seo-min-ah", relation: .meeting,
        dates: ["2026-03-04"],
        evidence: [
          .init(
            sentence: name(
              "sentence", "Vice Minister Seo Min-ah met State Secretary Ana Lind on March 4."),
            release: release, date: "2026-03-04", place: "Harbour Hall", status: "held")
        ]),
      .init(
        source: "person:seo-min-ah", target: "ministry:harbours", relation: .affiliation,
        title: "Vice Minister",
        evidence: [
          .init(
            sentence: "Vice Minister Seo Min-ah of the Ministry of Harbours …", release: release)
        ]),
      .init(
        source: "person:ana-lind", target: "ministry:fjords", relation: .affiliation,
        title: "State Secretary"),
      .init(
        source: "agency:tides", target: "ministry:harbours", relation: .parent,
        evidence: [
          .init(sentence: "The Tide Agency under the Ministry of Harbours …", release: release)
        ]),
      .init(source: "ministry:old-harbours", target: "ministry:harbours", relation: .predecessor),
      .init(
        source: "company:nordkai", target: "ministry:harbours", relation: .meeting,
        dates: ["2026-04"], planned: true,
        evidence: [
          .init(
            sentence: "The ministry will meet Nordkai in April.", release: release, date: "2026-04",
            status: "planned")
        ]),
    ],
    notes: ["3 of 10 nodes beyond the limit of 7 left out (3 company)"])
}

@Suite("DOT escaping")
struct DOTEscapingTests {
  /// Each row: entity text, and the quoted DOT label it must become.
  static let labels: [(String, String)] = [
    ("plain", #""plain""#),
    ("", #""""#),
    (#"say "hi""#, #""say \"hi\"""#),
    (#"C:\Net"#, #""C:\\Net""#),
    (#"trailing\"#, #""trailing\\""#),
    (#"\N and \G and \l"#, #""\\N and \\G and \\l""#),
    (#"\""#, #""\\\"""#),
    ("two\nlines", #""two lines""#),
    ("form\u{0C}feed\u{01}and\ttab", #""form feed and tab""#),
    ("  spaced   out  ", #""spaced out""#),
    ("AT&T &copy;", #""AT&amp;T &amp;copy;""#),
    ("<script>alert(1)</script>", #""<script>alert(1)</script>""#),
    ("} ] > ;", #""} ] > ;""#),
    ("node", #""node""#),
    ("1abc", #""1abc""#),
    ("산업통상자원부 🇰🇷👩‍💼", #""산업통상자원부 🇰🇷👩‍💼""#),
    ("e\u{301}", "\"\u{E9}\""),
    // A quote or backslash followed by a combining mark is one Character
    // but still a quote or backslash to the lexer (found by fuzzing).
    ("say \"\u{8F1} more", "\"say \\\"\u{8F1} more\""),
    ("back\\\u{301}slash", "\"back\\\\\u{301}slash\""),
    ("&\u{20DD}copy;", "\"&amp;\u{20DD}copy;\""),
  ]

  @Test("labels are quoted, escaped once for the lexer and once for escString", arguments: labels)
  func label(text: String, expected: String) {
    #expect(DOTEscaping.label(text) == expected)
  }

  @Test("labels are cut to the limit with an ellipsis, before escaping")
  func cut() {
    let long = String(repeating: "\\", count: 20_000)
    let quoted = DOTEscaping.label(long)
    #expect(quoted == "\"" + String(repeating: "\\\\", count: DOTEscaping.labelLimit - 1) + "…\"")
    #expect(quoted.utf8.count < 16_384)
  }

  /// Each row: tooltip text, and the quoted DOT value.
  static let tooltips: [(String, String)] = [
    (#"C:\Net "q""#, #""C:∖Net \"q\"""#),
    (#"end\"#, #""end∖""#),
    ("a & b", #""a &amp; b""#),
    ("a\\\u{301}b\"\u{301}c", "\"a∖\u{301}b\\\"\u{301}c\""),
  ]

  @Test("tooltips carry no backslash at all (Graphviz unescapes them twice)", arguments: tooltips)
  func tooltip(text: String, expected: String) {
    #expect(DOTEscaping.tooltip([text]) == expected)
  }

  @Test("lines join with the escString line break")
  func lines() {
    #expect(DOTEscaping.label(["Seo Min-ah", "Vice Minister"]) == #""Seo Min-ah\nVice Minister""#)
    #expect(DOTEscaping.tooltip(["a\\b", "c"]) == #""a∖b\nc""#)
  }

  /// Each row: text for an HTML-like label, and its escaped form.
  static let html: [(String, String)] = [
    ("a<b>c", "a&lt;b&gt;c"),
    (
      #"x</TD></TR></TABLE>> URL="javascript:alert(1)" z=<<TABLE>"#,
      "x&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;&gt; URL=&quot;javascript:alert(1)&quot; z=&lt;&lt;TABLE&gt;"
    ),
    ("Tom's & Jerry's", "Tom&#39;s &amp; Jerry&#39;s"),
    ("bell\u{07}", "bell"),
    (">\u{301} URL=\"x\u{301}\"", "&gt;\u{301} URL=&quot;x\u{301}&quot;"),
    ("<\u{20DD}/TD>", "&lt;\u{20DD}/TD&gt;"),
    ("'\u{8F1}&\u{301}", "&#39;\u{8F1}&amp;\u{301}"),
    ("]", "&#93;"),
    ("a\u{FFFF}b\u{FFFE}", "a b"),
    ("]]", "&#93;&#93;"),
    ("[a]", "[a&#93;"),
    (#"C:\Net \N"#, #"C:\\Net \\N"#),
  ]

  @Test("HTML-like label text is XML-escaped", arguments: html)
  func htmlText(text: String, expected: String) {
    #expect(DOTEscaping.htmlText(text) == expected)
  }

  @Test("DOT ids are plain identifiers and never keywords")
  func ids() {
    #expect(DOTID("n1")?.rawValue == "n1")
    #expect(DOTID("cluster_2") != nil)
    #expect(DOTID("1n") == nil)
    #expect(DOTID("a-b") == nil)
    #expect(DOTID("graph") == nil)
    #expect(DOTID("Node") == nil)
    #expect(DOTID("n\"") == nil)
    #expect(DOTID("") == nil)
  }
}

@Suite("Drawing subgraphs as DOT")
struct DrawingTests {
  @Test("the sample subgraph matches its golden DOT file")
  func golden() throws {
    try expectGolden(SubgraphDrawing(sampleSubgraph()).graph.encode(), "sample.dot")
  }

  @Test("with clusters, people sit in a box with their organisation")
  func goldenClusters() throws {
    let drawing = SubgraphDrawing(sampleSubgraph(), options: DrawingOptions(cluster: true))
    try expectGolden(drawing.graph.encode(), "sample-clusters.dot")
    #expect(drawing.graph.clusters.count == 2)
    let harbours = try #require(drawing.nodeIDs["ministry:harbours"])
    let seo = try #require(drawing.nodeIDs["person:seo-min-ah"])
    #expect(drawing.graph.clusters.contains { $0.nodes == [harbours, seo] })
  }

  @Test("hostile names stay inside their quotes (golden)")
  func goldenHostile() throws {
    let names = [
      "ministry:harbours": #"Ministry "of" \Harbours\"#,
      "person:seo-min-ah": "Seo\nMin-ah \\N <script>alert(1)</script>",
      "person:ana-lind": "Ana } ] > & &copy; Lind \u{0C}",
      "ministry:fjords": "산업통상자원부 🇰🇷",
      "agency:tides": #"Tide\"#,
      "sentence": #"He said "\" and left."#,
    ]
    try expectGolden(SubgraphDrawing(sampleSubgraph(names: names)).graph.encode(), "hostile.dot")
  }

  @Test("node ids are synthetic and stable; entity text appears only in labels and tooltips")
  func syntheticIDs() {
    let drawing = SubgraphDrawing(sampleSubgraph())
    #expect(
      drawing.graph.nodes.prefix(7).map(\.id.rawValue) == [
        "n1", "n2", "n3", "n4", "n5", "n6", "n7",
      ])
    #expect(drawing.nodeIDs["agency:tides"]?.rawValue == "n1")
    let dot = drawing.graph.encode()
    let statements = dot.components(separatedBy: "\n").filter {
      $0.hasPrefix("  ") && !$0.hasPrefix("    ")
    }
    .map { $0.trimmingCharacters(in: .whitespaces) }
    .filter {
      !$0.hasPrefix("graph ") && !$0.hasPrefix("node ") && !$0.hasPrefix("edge ")
        && !$0.hasPrefix("subgraph ") && $0 != "}"
    }
    #expect(statements.count == 7 + 1 + 6)
    #expect(
      statements.allSatisfy {
        $0.range(of: #"^(n\d+|legend1)( -> n\d+)? \["#, options: .regularExpression) != nil
      })
    #expect(!dot.contains("URL") && !dot.contains("href"))
    #expect(dot == SubgraphDrawing(sampleSubgraph()).graph.encode())
  }

  @Test("meeting edges carry their date as label, the evidence as tooltip; planned ones are dashed")
  func meetingEdges() throws {
    let drawing = SubgraphDrawing(sampleSubgraph())
    let ana = try #require(drawing.nodeIDs["person:ana-lind"])
    let seo = try #require(drawing.nodeIDs["person:seo-min-ah"])
    let meeting = try #require(drawing.graph.edges.first { $0.tail == ana && $0.head == seo })
    #expect(meeting.attributes[.label] == .label(["2026-03-04", "Harbour Hall"]))
    guard case .tooltip(let lines) = meeting.attributes[.tooltip] else {
      Issue.record("no tooltip")
      return
    }
    #expect(lines.contains { $0.contains("met State Secretary Ana Lind on March 4") })
    #expect(lines.contains { $0.contains("Minister Meets Counterpart (2026-03-05, r1)") })
    let planned = try #require(
      drawing.graph.edges.first { $0.attributes[.label] == .text("2026-04 (planned)") })
    #expect(planned.attributes[.style] == .plain("dashed"))
    #expect(
      drawing.titles["\(ana.rawValue)->\(seo.rawValue)"] == "Ana Lind met Seo Min-ah on 2026-03-04")
  }

  @Test("the legend lists the types and relations present")
  func legend() throws {
    let drawing = SubgraphDrawing(sampleSubgraph())
    let legend = try #require(drawing.graph.nodes.last)
    guard case .html(let html) = legend.attributes[.label] else {
      Issue.record("legend is not an HTML label")
      return
    }
    for word in ["person", "ministry", "agency", "company", "met", "under", "renamed"] {
      #expect(html.markup.contains(word))
    }
    #expect(!html.markup.contains("country"))
    let none = SubgraphDrawing(sampleSubgraph(), options: DrawingOptions(legend: false))
    #expect(none.graph.nodes.count == 7)
  }

  @Test("the title and the notes on what was cut head the drawing")
  func title() {
    let drawing = SubgraphDrawing(sampleSubgraph())
    #expect(
      drawing.graph.attributes[.label]
        == .label([
          "Ministry of Harbours: network, 1 step",
          "3 of 10 nodes beyond the limit of 7 left out (3 company)",
        ]))
  }
}

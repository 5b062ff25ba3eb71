import EntityGraph
import Foundation
import GraphExport
import GraphStore
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

// MARK: - Inputs

/// A release brief with invented content.
private func release(_ number: Int, date: String? = "2031-04-01") -> ReleaseBrief {
  ReleaseBrief(
    id: "r\(number)", title: "Invented release \(number)", date: date,
    source: "invented/\(number).txt")
}

/// A node for an invented entity.
private func node(
  _ id: String, _ name: String, _ type: EntityType, country: String? = nil, role: String? = nil,
  organisation: String? = nil, meetings: Int = 0, center: Bool = false
) -> Subgraph.Node {
  Subgraph.Node(
    entity: EntityBrief(id: id, name: name, type: type), country: country, role: role,
    organisation: organisation, meetings: meetings, firstSeen: "2031-04-01",
    lastSeen: "2031-05-02", isCenter: center)
}

/// A subgraph of invented people and bodies, with every relation and every
/// optional field both set and unset somewhere.
private let sample = Subgraph(
  kind: .ego, title: "Ministry of Imaginary Affairs: network, 1 step",
  nodes: [
    node(
      "person:han-mirae", "Han Mi-rae", .person, country: "ZZ", role: "Deputy Minister",
      organisation: "ministry:zz-moia", meetings: 2),
    node(
      "ministry:zz-moia", "Ministry of Imaginary Affairs", .ministry, country: "ZZ", center: true),
    node("agency:zz-ops", "Office of Placeholder Standards", .agency, country: "ZZ"),
    node("ministry:zz-old", "Ministry of Former Names", .ministry),
    node("person:quill-ada", "Ada Quill", .person, meetings: 2),
    node("company:example-co", "Example Industrial Co.", .company),
  ],
  edges: [
    Subgraph.Edge(
      source: "person:han-mirae", target: "ministry:zz-moia", relation: .affiliation,
      title: "Deputy Minister",
      evidence: [
        Subgraph.Evidence(
          sentence: "Deputy Minister Han Mi-rae of the Ministry of Imaginary Affairs spoke.",
          release: release(1))
      ]),
    Subgraph.Edge(
      source: "agency:zz-ops", target: "ministry:zz-moia", relation: .parent,
      evidence: [
        Subgraph.Evidence(
          sentence: "The Office of Placeholder Standards, under the ministry, said so.",
          release: release(2, date: nil))
      ]),
    Subgraph.Edge(
      source: "ministry:zz-old", target: "ministry:zz-moia", relation: .predecessor),
    Subgraph.Edge(
      source: "person:han-mirae", target: "person:quill-ada", relation: .meeting,
      dates: ["2031-04-01", "2031-05-02"], planned: false,
      evidence: [
        Subgraph.Evidence(
          sentence: "Han Mi-rae met Ada Quill at the Hotel Nowhere.", release: release(1),
          date: "2031-04-01", place: "Hotel Nowhere", status: "held"),
        Subgraph.Evidence(
          sentence: "Han Mi-rae will meet Ada Quill again.", release: release(3),
          date: "2031-05-02", status: "planned"),
      ]),
  ],
  notes: ["2 nodes beyond the limit of 4 were left out: invented, example"])

/// The subgraphs every structural test runs on.
private let subgraphs: [Subgraph] = [
  sample,
  Subgraph(kind: .whole, title: "", nodes: [], edges: []),
  Subgraph(
    kind: .release, title: "One node", nodes: [node("country:zz", "Zedland", .country)],
    edges: []),
  adversarial("<script>alert(1)</script> & \"quotes\" \n \u{01}"),
]

/// Names that are hard to carry through XML and JSON (and DOT).
private let hardNames: [String] = [
  "\"", "\\", "trailing backslash \\", "\\N", "line\nbreak", "\n", "form\u{0C}feed",
  "start of heading \u{01}", "<script>alert(1)</script>", "&", "&copy;", ">", "}", "]", "]]>",
  "🇰🇷👩‍💼", "산업통상자원부", "tab\there", "carriage\rreturn", "crlf\r\nline", "'single'",
  "&#60;", "nul\u{00}", "non\u{FFFE}character\u{FFFF}", "\u{0C}\u{01}", "",
]

/// A subgraph whose two nodes, edge and evidence are all named `name`.
private func adversarial(_ name: String) -> Subgraph {
  Subgraph(
    kind: .connection, title: name,
    nodes: [
      node("organization:" + name, name, .organization, role: name),
      node("person:plain", "Plain Person", .person),
    ],
    edges: [
      Subgraph.Edge(
        source: "person:plain", target: "organization:" + name, relation: .affiliation,
        title: name, dates: [name],
        evidence: [
          Subgraph.Evidence(
            sentence: name,
            release: ReleaseBrief(id: name, title: "Fixed title", date: name, source: name),
            place: name)
        ])
    ],
    notes: [name])
}

/// `text` without the characters XML 1.0 cannot carry.
private func xmlClean(_ text: String) -> String {
  var scalars = String.UnicodeScalarView()
  scalars.append(contentsOf: text.unicodeScalars.filter(XMLEscaping.isAllowed))
  return String(scalars)
}

// MARK: - Parsing GraphML back

/// What a GraphML document holds, as a parser reads it.
private struct ParsedGraphML {
  struct Element {
    var id: String
    var attributes: [String: String]
    var data: [String: String]
  }
  var keys: [String: [String: String]] = [:]
  var graph: [String: String] = [:]
  var graphData: [String: String] = [:]
  var nodes: [Element] = []
  var edges: [Element] = []
  /// Problems found while reading: undeclared keys, keys of the wrong domain.
  var problems: [String] = []
}

/// Collects keys, nodes, edges and their data from parser events.
private final class GraphMLCollector: NSObject, XMLParserDelegate {
  var result = ParsedGraphML()
  private var current: ParsedGraphML.Element?
  private var currentKind = ""
  private var dataKey: String?
  private var text = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "graphml":
      if namespaceURI != GraphML.namespace {
        result.problems.append("namespace \(namespaceURI ?? "none")")
      }
    case "key":
      result.keys[attributes["id"] ?? ""] = attributes
    case "graph":
      result.graph = attributes
      currentKind = "graph"
    case "node", "edge":
      current = ParsedGraphML.Element(id: attributes["id"] ?? "", attributes: attributes, data: [:])
      currentKind = elementName
    case "data":
      let key = attributes["key"] ?? ""
      if let declared = result.keys[key] {
        if declared["for"] != currentKind {
          result.problems.append(
            "key \(key) is for \(declared["for"] ?? "?"), used in \(currentKind)")
        }
      } else {
        result.problems.append("key \(key) used before it is declared")
      }
      dataKey = key
      text = ""
    default:
      result.problems.append("unexpected element \(elementName)")
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if dataKey != nil { text += string }
  }

  func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
    if dataKey != nil { text += whitespaceString }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    switch elementName {
    case "data":
      guard let key = dataKey else { return }
      if current != nil {
        current?.data[key] = text
      } else {
        result.graphData[key] = text
      }
      dataKey = nil
    case "node":
      if let current { result.nodes.append(current) }
      current = nil
      currentKind = "graph"
    case "edge":
      if let current { result.edges.append(current) }
      current = nil
      currentKind = "graph"
    default: break
    }
  }
}

/// Parses `text` with Foundation's XMLParser (libxml2 on Linux), or records
/// a failure.
private func parseGraphML(_ text: String) -> ParsedGraphML? {
  let parser = XMLParser(data: Data(text.utf8))
  parser.shouldProcessNamespaces = true
  let collector = GraphMLCollector()
  parser.delegate = collector
  guard parser.parse() else {
    Issue.record("GraphML does not parse: \(String(describing: parser.parserError))\n\(text)")
    return nil
  }
  return collector.result
}

private func decodeJSON(_ bytes: [UInt8]) throws -> GraphJSON {
  try JSONDecoder().decode(GraphJSON.self, from: Data(bytes))
}

// MARK: - JSON

@Suite struct GraphJSONTests {
  @Test(arguments: subgraphs)
  func roundTrips(_ subgraph: Subgraph) throws {
    let document = GraphJSON(subgraph)
    #expect(try decodeJSON(try document.encoded()) == document)
  }

  @Test(arguments: subgraphs)
  func bytesAreDeterministic(_ subgraph: Subgraph) throws {
    let first = try GraphJSON(subgraph).encoded()
    let second = try GraphJSON(subgraph).encoded()
    #expect(first == second)
    #expect(first.last == 0x0A)
    // A subgraph built from the same parts in another order is the same value.
    let shuffled = Subgraph(
      kind: subgraph.kind, title: subgraph.title, nodes: subgraph.nodes.reversed(),
      edges: subgraph.edges.reversed(), notes: subgraph.notes)
    #expect(try GraphJSON(shuffled).encoded() == first)
  }

  @Test(arguments: subgraphs)
  func linksReferToNodes(_ subgraph: Subgraph) throws {
    let document = try decodeJSON(try GraphJSON(subgraph).encoded())
    let ids = Set(document.nodes.map(\.id))
    #expect(ids.count == document.nodes.count)
    for link in document.links {
      #expect(ids.contains(link.source), "\(link.id) source \(link.source)")
      #expect(ids.contains(link.target), "\(link.id) target \(link.target)")
    }
    #expect(document.links.map(\.id) == document.links.indices.map { "l\($0 + 1)" })
    #expect(document.nodes.map(\.id) == subgraph.nodes.map(\.entity.id))
  }

  @Test func documentShape() throws {
    let bytes = try GraphJSON(sample).encoded()
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(Set(object.keys) == ["title", "kind", "notes", "nodes", "links"])
    #expect(object["kind"] as? String == "ego")
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    let nodeKeys: Set<String> = [
      "id", "name", "type", "country", "role", "organisation", "meetings", "firstSeen",
      "lastSeen", "center",
    ]
    for node in nodes {
      #expect(Set(node.keys) == nodeKeys)
    }
    let links = try #require(object["links"] as? [[String: Any]])
    let linkKeys: Set<String> = [
      "id", "source", "target", "relation", "title", "dates", "planned", "evidence",
    ]
    let evidenceKeys: Set<String> = ["sentence", "release", "date", "place", "status"]
    for link in links {
      #expect(Set(link.keys) == linkKeys)
      for evidence in try #require(link["evidence"] as? [[String: Any]]) {
        #expect(Set(evidence.keys) == evidenceKeys)
        let release = try #require(evidence["release"] as? [String: Any])
        #expect(Set(release.keys) == ["id", "title", "date", "source"])
      }
    }
    // Unknown values are null, not missing.
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\"country\" : null"))
    #expect(text.contains("\"relation\" : \"meeting\""))
    #expect(text.contains("\"center\" : true"))
  }

  @Test(arguments: hardNames)
  func hardNamesSurvive(_ name: String) throws {
    let document = try decodeJSON(try GraphJSON(adversarial(name)).encoded())
    let entity = try #require(document.nodes.first { $0.id == "organization:" + name })
    #expect(entity.name == name)
    #expect(document.title == name)
    #expect(document.links.first?.evidence.first?.sentence == name)
    #expect(document.links.first?.target == "organization:" + name)
  }
}

// MARK: - GraphML

@Suite struct GraphMLTests {
  @Test(arguments: subgraphs)
  func parsesWithOneElementPerNodeAndEdge(_ subgraph: Subgraph) throws {
    let text = GraphML.encode(subgraph)
    let parsed = try #require(parseGraphML(text))
    #expect(parsed.problems == [])
    #expect(parsed.graph["edgedefault"] == "directed")
    #expect(parsed.nodes.count == subgraph.nodes.count)
    #expect(parsed.edges.count == subgraph.edges.count)
    let ids = parsed.nodes.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids == subgraph.nodes.map { xmlClean($0.entity.id) })
    for edge in parsed.edges {
      #expect(ids.contains(edge.attributes["source"] ?? ""), "\(edge.id) source")
      #expect(ids.contains(edge.attributes["target"] ?? ""), "\(edge.id) target")
    }
    #expect(parsed.edges.map(\.id) == parsed.edges.indices.map { "e\($0 + 1)" })
    #expect(text.hasSuffix("</graphml>\n"))
    #expect(GraphML.encode(subgraph) == text)
  }

  @Test func attributes() throws {
    let parsed = try #require(parseGraphML(GraphML.encode(sample)))
    #expect(parsed.keys["v_label"]?["attr.name"] == "label")
    #expect(parsed.keys["e_label"]?["attr.name"] == "label")
    #expect(parsed.graphData["g_title"] == sample.title)
    #expect(parsed.graphData["g_kind"] == "ego")
    let han = try #require(parsed.nodes.first { $0.id == "person:han-mirae" })
    #expect(
      han.data == [
        "v_label": "Han Mi-rae", "v_type": "person", "v_country": "ZZ",
        "v_role": "Deputy Minister", "v_organisation": "ministry:zz-moia", "v_meetings": "2",
        "v_firstSeen": "2031-04-01", "v_lastSeen": "2031-05-02", "v_center": "false",
      ])
    let ministry = try #require(parsed.nodes.first { $0.id == "ministry:zz-moia" })
    #expect(ministry.data["v_center"] == "true")
    #expect(ministry.data["v_role"] == nil)
    let meeting = try #require(parsed.edges.first { $0.data["e_relation"] == "meeting" })
    #expect(meeting.attributes["directed"] == "false")
    #expect(meeting.data["e_dates"] == "2031-04-01; 2031-05-02")
    #expect(
      meeting.data["e_evidence"]
        == "Han Mi-rae met Ada Quill at the Hotel Nowhere. — Invented release 1")
    let affiliation = try #require(
      parsed.edges.first { $0.data["e_relation"] == "affiliation" })
    #expect(affiliation.attributes["directed"] == nil)
    #expect(affiliation.data["e_label"] == "Deputy Minister")
    #expect(affiliation.data["e_planned"] == "false")
    let predecessor = try #require(
      parsed.edges.first { $0.data["e_relation"] == "predecessor" })
    #expect(predecessor.data["e_label"] == "predecessor")
    #expect(predecessor.data["e_evidence"] == nil)
  }

  @Test(arguments: hardNames)
  func hardNamesSurvive(_ name: String) throws {
    let text = GraphML.encode(adversarial(name))
    let parsed = try #require(parseGraphML(text))
    #expect(parsed.problems == [])
    let clean = xmlClean(name)
    let entity = try #require(parsed.nodes.first { $0.id == "organization:" + clean })
    #expect(entity.data["v_label"] == clean)
    #expect(entity.data["v_role"] == clean)
    #expect(parsed.graphData["g_title"] == clean)
    #expect(parsed.graphData["g_notes"] == clean)
    let edge = try #require(parsed.edges.first)
    #expect(edge.attributes["target"] == "organization:" + clean)
    #expect(edge.data["e_title"] == clean)
    #expect(edge.data["e_dates"] == clean)
    #expect(edge.data["e_evidence"] == clean + " — Fixed title")
  }
}

// MARK: - XMLEscaping

@Suite struct XMLEscapingTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a & b", "a &amp; b"),
    ("&copy;", "&amp;copy;"),
    ("&#60;", "&amp;#60;"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("]]>", "]]&gt;"),
    ("\"quoted\" 'single'", "\"quoted\" 'single'"),
    ("tab\tline\nfeed", "tab\tline\nfeed"),
    ("cr\r\nlf", "cr&#13;\nlf"),
    ("nul\u{00}soh\u{01}ff\u{0C}us\u{1F}", "nulsohffus"),
    ("\u{FFFE}x\u{FFFF}", "x"),
    ("del\u{7F} c1\u{85} bom\u{FEFF}", "del\u{7F} c1\u{85} bom\u{FEFF}"),
    ("🇰🇷👩‍💼 산업통상자원부", "🇰🇷👩‍💼 산업통상자원부"),
    ("e\u{01}\u{301}", "e\u{301}"),
  ])
  func text(_ input: String, _ expected: String) {
    #expect(XMLEscaping.text(input) == expected)
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("a & b", "a &amp; b"),
    ("&copy;", "&amp;copy;"),
    ("<tag attr=\"v\">", "&lt;tag attr=&quot;v&quot;&gt;"),
    ("it's", "it&#39;s"),
    ("tab\tline\nfeed\rcr", "tab&#9;line&#10;feed&#13;cr"),
    ("nul\u{00}soh\u{01}ff\u{0C}", "nulsohff"),
    ("\u{FFFF}", ""),
    ("trailing \\", "trailing \\"),
    ("🇰🇷👩‍💼 산업통상자원부", "🇰🇷👩‍💼 산업통상자원부"),
  ])
  func attribute(_ input: String, _ expected: String) {
    #expect(XMLEscaping.attribute(input) == expected)
  }

  @Test(arguments: hardNames)
  func readBackExactly(_ name: String) throws {
    let document = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="\(GraphML.namespace)"><key id="k" for="node" \
      attr.name="\(XMLEscaping.attribute(name))" attr.type='\(XMLEscaping.attribute(name))'/>\
      <graph edgedefault="directed"><node id="n"><data key="k">\(XMLEscaping.text(name))\
      </data></node></graph></graphml>
      """
    let parsed = try #require(parseGraphML(document))
    #expect(parsed.keys["k"]?["attr.name"] == xmlClean(name))
    #expect(parsed.keys["k"]?["attr.type"] == xmlClean(name))
    #expect(parsed.nodes.first?.data["k"] == xmlClean(name))
  }
}

import Foundation
import Testing

@testable import GraphExport

#if canImport(FoundationXML)
  import FoundationXML
#endif

// MARK: - Helpers shared with RendererTests

/// An element of a parsed SVG.
final class SVGElement {
  let name: String
  let attributes: [String: String]
  weak var parent: SVGElement?
  var children: [SVGElement] = []
  /// The element's own character data (not its children's).
  var text = ""

  init(name: String, attributes: [String: String], parent: SVGElement?) {
    self.name = name
    self.attributes = attributes
    self.parent = parent
  }

  /// This element and all below it, in document order.
  var all: [SVGElement] { [self] + children.flatMap(\.all) }

  /// Elements below called `name`.
  func elements(_ name: String) -> [SVGElement] { all.filter { $0.name == name } }

  /// The `g` elements of a Graphviz class (`node`, `edge`, `cluster`).
  func groups(class className: String) -> [SVGElement] {
    elements("g").filter { $0.attributes["class"] == className }
  }

  /// The text of the first `<title>` child.
  var title: String? { children.first { $0.name == "title" }?.text }
}

/// Parses SVG with XMLParser into a tree of ``SVGElement``s; nil if it is
/// not well-formed (on Linux, `parse()` returns true after some fatal
/// errors, so `parserError` is checked too).
func parseSVG(_ svg: String) -> SVGElement? {
  final class Builder: NSObject, XMLParserDelegate {
    var root: SVGElement?
    var current: SVGElement?
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      let element = SVGElement(name: elementName, attributes: attributeDict, parent: current)
      current?.children.append(element)
      if root == nil { root = element }
      current = element
    }
    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      current = current?.parent
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      current?.text += string
    }
  }
  let parser = XMLParser(data: Data(svg.utf8))
  let builder = Builder()
  parser.delegate = builder
  guard parser.parse(), parser.parserError == nil else { return nil }
  return builder.root
}

/// Graphs for the tests and the benchmark's shape.
enum RenderFixture {
  /// `nodes` box nodes labelled `"\(tag) node i"`, each linked to the next
  /// two (so about two edges per node), every third edge labelled.
  static func graph(nodes: Int, tag: String = "entity", id: String = "G") -> DOTGraph {
    var graph = DOTGraph(
      id: DOTID(id) ?? DOTID.numbered("g", 0),
      nodeDefaults: [.shape: .plain("box")])
    for i in 0..<nodes {
      graph.nodes.append(
        DOTNode(
          id: DOTID.numbered("n", i),
          attributes: [.label: .text("\(tag) node \(i)"), .tooltip: .tooltip(["tip \(i)"])]))
    }
    var count = 0
    for i in 0..<nodes {
      for step in [1, 2] where i + step < nodes {
        var attributes: [DOTAttribute: DOTValue] = [:]
        if count % 3 == 0 { attributes[.label] = .text("edge \(count)") }
        graph.edges.append(
          DOTEdge(
            tail: DOTID.numbered("n", i), head: DOTID.numbered("n", i + step),
            attributes: attributes))
        count += 1
      }
    }
    return graph
  }
}

// MARK: - Finisher

@Suite struct SVGFinisherTests {
  /// A graph with a gradient (so the SVG has `url(#…)` references), a
  /// tooltip (an `<a>` with its own id) and an edge label.
  static let gradientGraph = DOTGraph(
    id: DOTID("Gradient") ?? DOTID.numbered("g", 0),
    nodes: [
      DOTNode(
        id: DOTID.numbered("n", 1),
        attributes: [
          .label: .text("Samsung"), .style: .plain("radial"),
          .fillcolor: .plain("white:lightblue"), .tooltip: .tooltip(["a company"]),
        ]),
      DOTNode(id: DOTID.numbered("n", 2), attributes: [.label: .text("Ministry")]),
    ],
    edges: [
      DOTEdge(
        tail: DOTID.numbered("n", 1), head: DOTID.numbered("n", 2),
        attributes: [.label: .text("met")])
    ])

  static func rawSVG(_ graph: DOTGraph = gradientGraph) throws -> String {
    let rendered = try GraphvizRenderer.shared.render(graph, engine: .dot, format: .svg)
    return String(decoding: rendered.bytes, as: UTF8.self)
  }

  @Test func everyIDCarriesThePrefixAndEveryReferenceResolves() throws {
    let raw = try Self.rawSVG()
    #expect(raw.contains("url(#"), "the fixture should produce a gradient reference")
    let svg = try SVGFinisher.finish(raw, options: SVGOptions(idPrefix: "x7-"), titles: [:])
    let root = try #require(parseSVG(svg))
    let ids = root.all.compactMap { $0.attributes["id"] }
    #expect(ids.count > 5)
    #expect(ids.allSatisfy { $0.hasPrefix("x7-") }, "\(ids)")
    #expect(Set(ids).count == ids.count, "ids are unique")
    var references: [String] = []
    for element in root.all {
      for (name, value) in element.attributes {
        if name.hasSuffix("href"), value.hasPrefix("#") {
          references.append(String(value.dropFirst()))
        }
        var rest = Substring(value)
        while let range = rest.range(of: "url(#") {
          let tail = rest[range.upperBound...]
          references.append(String(tail.prefix { $0 != ")" }))
          rest = tail
        }
      }
    }
    #expect(!references.isEmpty)
    for reference in references {
      #expect(ids.contains(reference), "dangling reference #\(reference)")
    }
    #expect(!svg.contains("id=\"node1\""))
  }

  @Test func inlineDropsPrologDoctypeAndComments() throws {
    let raw = try Self.rawSVG()
    #expect(raw.hasPrefix("<?xml"))
    #expect(raw.contains("<!DOCTYPE") && raw.contains("<!--"))
    let svg = try SVGFinisher.finish(raw, options: SVGOptions(inline: true), titles: [:])
    #expect(svg.hasPrefix("<svg"))
    #expect(!svg.contains("<?xml") && !svg.contains("<!DOCTYPE") && !svg.contains("<!--"))
    #expect(parseSVG(svg) != nil)
    try SVGSafety.check(svg)
    // Not inline: the prolog stays.
    let full = try SVGFinisher.finish(raw, options: SVGOptions(), titles: [:])
    #expect(full.hasPrefix("<?xml"))
    #expect(full.contains("<!DOCTYPE svg"))
  }

  @Test(arguments: [120, 400, 1000])
  func widthSetsAProportionalHeightAndKeepsTheViewBox(width: Int) throws {
    let raw = try Self.rawSVG()
    let before = try #require(parseSVG(raw))
    let svg = try SVGFinisher.finish(raw, options: SVGOptions(width: width), titles: [:])
    let root = try #require(parseSVG(svg))
    #expect(root.attributes["viewBox"] == before.attributes["viewBox"])
    let box = try #require(root.attributes["viewBox"]).split(separator: " ").compactMap {
      Double($0)
    }
    try #require(box.count == 4)
    #expect(root.attributes["width"] == String(width))
    let height = try #require(root.attributes["height"].flatMap { Int($0) })
    #expect(abs(Double(height) - Double(width) * box[3] / box[2]) <= 0.5)
  }

  @Test func naturalSizeWithoutWidth() throws {
    let raw = try Self.rawSVG()
    let root = try #require(
      parseSVG(try SVGFinisher.finish(raw, options: SVGOptions(), titles: [:])))
    #expect(root.attributes["width"]?.hasSuffix("pt") == true)
  }

  @Test func titlesAreReplacedAndEscaped() throws {
    let raw = try Self.rawSVG()
    #expect(raw.contains("<title>n1&#45;&gt;n2</title>"))
    let titles = [
      "n1": "Samsung & <Co> \"quoted\"", "n1->n2": "met on 2031-04-01",
      "Gradient": "Samsung's network", "n9": "not in the graph", "n2": "control\u{01}char",
    ]
    let svg = try SVGFinisher.finish(raw, options: SVGOptions(), titles: titles)
    try SVGSafety.check(svg)
    let root = try #require(parseSVG(svg))
    let nodes = root.groups(class: "node")
    #expect(nodes.map(\.title) == ["Samsung & <Co> \"quoted\"", "controlchar"])
    #expect(root.groups(class: "edge").map(\.title) == ["met on 2031-04-01"])
    #expect(root.groups(class: "graph").first?.title == "Samsung's network")
    // Accessibility: role and a first-child title named by aria-labelledby.
    #expect(root.attributes["role"] == "img")
    let first = try #require(root.children.first)
    #expect(first.name == "title")
    #expect(first.text == "Samsung's network")
    #expect(root.attributes["aria-labelledby"] == first.attributes["id"])
    #expect(first.attributes["id"] == "pg-title")
  }

  @Test func untitledGraphKeepsGraphvizTitles() throws {
    let raw = try Self.rawSVG()
    let root = try #require(
      parseSVG(try SVGFinisher.finish(raw, options: SVGOptions(), titles: [:])))
    #expect(root.groups(class: "node").map(\.title) == ["n1", "n2"])
    #expect(root.groups(class: "edge").map(\.title) == ["n1->n2"])
    #expect(root.children.first?.text == "Gradient")
  }

  @Test(arguments: [
    ("pg-", "pg-"), ("chart_1-", "chart_1-"), ("A", "A"), ("", "pg-"), ("1abc", "pg-"),
    ("-x", "pg-"), ("a b", "pg-"), ("a\"b", "pg-"), ("é-", "pg-"), ("x:y", "pg-"),
  ])
  func idPrefixIsValidatedWithFallback(prefix: String, expected: String) throws {
    #expect(SVGOptions(idPrefix: prefix).validatedIDPrefix == expected)
    let svg = try SVGFinisher.finish(
      try Self.rawSVG(), options: SVGOptions(idPrefix: prefix), titles: [:])
    let root = try #require(parseSVG(svg))
    #expect(root.all.compactMap { $0.attributes["id"] }.allSatisfy { $0.hasPrefix(expected) })
  }

  @Test func outputIsDeterministic() throws {
    let options = SVGOptions(idPrefix: "d-", width: 500, inline: true)
    let titles = ["n1": "one", "n1->n2": "edge"]
    let first = try SVGFinisher.finish(try Self.rawSVG(), options: options, titles: titles)
    let second = try SVGFinisher.finish(try Self.rawSVG(), options: options, titles: titles)
    #expect(first == second)
  }

  @Test func gradientsAreRenumberedPerDrawing() throws {
    // Graphviz's gradient counter lives as long as the process; one id
    // here also clashes with a renumbered name.
    let svg = """
      <svg viewBox="0 0 10 10"><g id="graph0" class="graph"><title>G</title>
      <g id="r_0" class="node"><title>n1</title><defs>
      <radialGradient id="r_19"><stop offset="0"/></radialGradient>
      <linearGradient id="l_20"><stop offset="0"/></linearGradient></defs>
      <ellipse fill="url(#r_19)" stroke="url(#l_20)"/><use href="#r_19"/></g></g></svg>
      """
    let finished = try SVGFinisher.finish(svg, options: SVGOptions(), titles: [:])
    #expect(finished.contains("<radialGradient id=\"pg-r_0-1\">"))
    #expect(finished.contains("<linearGradient id=\"pg-l_1\">"))
    #expect(finished.contains("fill=\"url(#pg-r_0-1)\" stroke=\"url(#pg-l_1)\""))
    #expect(finished.contains("<use href=\"#pg-r_0-1\"/>"))
    #expect(finished.contains("<g id=\"pg-r_0\" class=\"node\">"))
    try SVGSafety.check(finished)
  }

  @Test func renderingTheSameGraphTwiceGivesTheSameSVG() throws {
    let first = try GraphvizRenderer.shared.renderSVG(Self.gradientGraph, engine: .dot)
    let second = try GraphvizRenderer.shared.renderSVG(Self.gradientGraph, engine: .dot)
    #expect(first.bytes == second.bytes)
  }

  @Test func titleIDAvoidsAClash() throws {
    var graph = Self.gradientGraph
    graph.nodes[1].attributes[.id] = .plain("title")
    let svg = try SVGFinisher.finish(try Self.rawSVG(graph), options: SVGOptions(), titles: [:])
    let root = try #require(parseSVG(svg))
    let ids = root.all.compactMap { $0.attributes["id"] }
    #expect(Set(ids).count == ids.count)
    #expect(root.attributes["aria-labelledby"] == "pg-title-1")
  }

  @Test(arguments: [
    "<svg><g", "<svg a=b></svg>", "<svg a=\"b></svg>", "<svg><!-- x", "<g></g>", "<svg<",
  ])
  func finishRejectsWhatItCannotTokenize(svg: String) {
    #expect(throws: GraphExportError.self) {
      try SVGFinisher.finish(svg, options: SVGOptions(), titles: [:])
    }
  }

  @Test func decodesGraphvizEntities() {
    #expect(SVGFinisher.decodeXML("n1&#45;&gt;n3") == "n1->n3")
    #expect(
      SVGFinisher.decodeXML("a&amp;b &lt;&quot;&apos; &#x41;&#66; &bogus; &")
        == "a&b <\"' AB &bogus; &")
  }
}

// MARK: - Safety

@Suite struct SVGSafetyTests {
  static let head =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"

  /// An SVG of `groups` node groups, about 100 bytes each, with `tail`
  /// before the end tag.
  static func large(groups: Int, tail: String = "") -> String {
    var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + head + "\n"
    svg.reserveCapacity(groups * 110 + 200)
    for i in 0..<groups {
      svg +=
        "<g id=\"n\(i)\" class=\"node\"><title>entity \(i)</title>"
        + "<text x=\"1\" y=\"2\">Invented name \(i)</text></g>\n"
    }
    return svg + tail + "</svg>\n"
  }

  /// libxml2 refused documents above 10,000,000 bytes when given them
  /// whole (issue 9, item 14): every large drawing failed the check.
  @Test func drawingsOverTenMegabytesPassTheCheck() throws {
    let svg = Self.large(groups: 150_000)
    #expect(svg.utf8.count > 12_000_000)
    try SVGSafety.check(svg)
  }

  @Test func aProblemPastTenMegabytesIsStillFound() {
    let svg = Self.large(groups: 150_000, tail: "<script>alert(1)</script>")
    #expect(throws: GraphExportError.unsafeSVG(reason: "a <script> element")) {
      try SVGSafety.check(svg)
    }
    let broken = Self.large(groups: 150_000, tail: "<g>")
    #expect(throws: GraphExportError.self) { try SVGSafety.check(broken) }
  }

  @Test(arguments: [
    ("script", "<script>alert(1)</script>"),
    ("SCRIPT", "<SCRIPT>alert(1)</SCRIPT>"),
    ("namespaced script", "<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">x</svg:script>"),
    ("foreignObject", "<foreignObject><div/></foreignObject>"),
    ("iframe", "<iframe src=\"https://example.com\"/>"),
    ("object", "<object data=\"x.swf\"/>"),
    ("embed", "<embed src=\"x.swf\"/>"),
    ("onload", "<g onload=\"alert(1)\"/>"),
    ("ONCLICK", "<rect ONCLICK=\"alert(1)\"/>"),
    ("javascript href", "<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>"),
    ("entity-encoded javascript", "<a href=\"&#106;avascript:alert(1)\"/>"),
    (
      "split javascript",
      "<a href=\"#x\"><set attributeName=\"href\" to=\"java&#9;script:alert(1)\"/></a>"
    ),
    ("external href", "<a href=\"https://evil.example\"/>"),
    ("data href", "<image xlink:href=\"data:image/svg+xml;base64,AAAA\"/>"),
    ("style javascript", "<style>g { background: url(javascript:alert(1)) }</style>"),
    ("attribute javascript", "<rect style=\"fill:url(JavaScript:alert(1))\"/>"),
  ])
  func rejectsDangerousContent(label: String, body: String) {
    let svg = Self.head + body + "</svg>"
    #expect(throws: GraphExportError.self, "\(label)") { try SVGSafety.check(svg) }
  }

  @Test(arguments: [
    ("stylesheet PI", "<?xml-stylesheet href=\"evil.css\" type=\"text/css\"?>\n\(head)</svg>"),
    ("ill-formed", "\(head)<g></svg>"),
    ("unclosed", "\(head)<g>"),
    ("control character", "\(head)<text>a\u{0C}b</text></svg>"),
    ("undefined entity", "\(head)<text>&copy;</text></svg>"),
    ("not svg", "<html><body/></html>"),
    ("empty", ""),
    ("entity declaration", "<!DOCTYPE svg [<!ENTITY x \"y\">]>\(head)<text>&x;</text></svg>"),
  ])
  func rejectsMalformedOrStyledDocuments(label: String, svg: String) {
    #expect(throws: GraphExportError.self, "\(label)") { try SVGSafety.check(svg) }
  }

  @Test func rejectionsAreTyped() {
    #expect(throws: GraphExportError.unsafeSVG(reason: "a <script> element")) {
      try SVGSafety.check(Self.head + "<script>x</script></svg>")
    }
  }

  @Test func acceptsScriptWordsThatAreOnlyShown() throws {
    try SVGSafety.check(
      Self.head
        + "<a xlink:title=\"javascript:alert(1)\"><text>&lt;script&gt;javascript:alert(1)</text>"
        + "<title>onload=x</title></a><a xlink:href=\"#pg-node1\"/></svg>")
  }

  @Test func acceptsGraphvizOutput() throws {
    let raw = try SVGFinisherTests.rawSVG()
    try SVGSafety.check(raw)  // with its prolog and DOCTYPE (not fetched)
    try SVGSafety.check(try SVGFinisher.finish(raw, options: SVGOptions(inline: true), titles: [:]))
  }
}

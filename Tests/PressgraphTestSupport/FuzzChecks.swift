// The checks the fuzz targets run on each input, shared with the unit tests
// that replay the fuzz corpora and the inputs fuzzing once broke on
// (Tests/Fuzz/corpus and Tests/Fuzz/regressions). A broken promise traps:
// for libFuzzer that is a finding, for a unit test a failure.
import EntityGraph
import Foundation
import GraphExport
import PressReleases

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The fuzz checks, by target name.
public enum FuzzChecks {
  /// Runs the check of `target` ("release-reader", "date-parser",
  /// "extraction", "dot-svg") on one input.
  public static func run(_ target: String, _ input: UnsafeBufferPointer<UInt8>) {
    switch target {
    case "release-reader": releaseReader(input)
    case "date-parser": dateParser(input)
    case "extraction": extraction(input)
    case "dot-svg": dotSVG(input)
    default: fatalError("no fuzz target \(target)")
    }
  }

  /// Checks the release reader (text, Markdown, HTML).
  ///
  /// The first byte picks the format; the rest is the file. Besides not
  /// crashing or hanging, every release must keep the reader's promises:
  /// sentence offsets slice the body back, sentences are in order, ids are
  /// stable, and no release is larger than the reader's limit.
  static func releaseReader(_ input: UnsafeBufferPointer<UInt8>) {
    guard !input.isEmpty else { return }
    let formats: [SourceFormat] = [.text, .markdown, .html]
    let format = formats[Int(input[0]) % formats.count]
    let bytes = Array(input.dropFirst())
    let reader = ReleaseReader()
    let outcome = reader.read(SourceDocument(path: "fuzz/input", format: format, bytes: bytes))
    // Every eighth input is read twice: the same bytes must give the same ids.
    if input[0] & 0x18 == 0 {
      let again = reader.read(SourceDocument(path: "fuzz/input", format: format, bytes: bytes))
      if outcome.releases.map(\.id) != again.releases.map(\.id) {
        fatalError("release ids differ between two reads of the same bytes")
      }
    }
    for release in outcome.releases {
      let scalars = Array(release.body.unicodeScalars)
      var previousEnd = 0
      for (n, sentence) in release.sentences.enumerated() {
        guard sentence.index == n, sentence.start >= previousEnd, sentence.start <= sentence.end,
          sentence.end <= scalars.count
        else { fatalError("sentence \(n) has offsets outside its body") }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[sentence.start..<sentence.end])
        guard String(text) == sentence.text else {
          fatalError("sentence \(n)'s offsets do not slice its text back")
        }
        previousEnd = sentence.end
      }
      if release.body.utf8.count > reader.maximumReleaseSize + 2 {
        fatalError("a release over the size limit was kept")
      }
    }
  }

  /// Checks the date parser.
  ///
  /// Every mention's offsets must slice its text back out of the input, in
  /// order and without overlap; dates are real calendar days; the standalone
  /// and impossible-date readers never both claim one string.

  /// The publication dates an input may be read against (its first byte chooses).
  static let publications: [PartialDate?] = [
    nil, PartialDate(checkedYear: 2025, month: 11, day: 18),
    PartialDate(checkedYear: 2024, month: 2, day: 29),
  ]

  static func dateParser(_ input: UnsafeBufferPointer<UInt8>) {
    guard let first = input.first else { return }
    let text = String(decoding: input.dropFirst(), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    for publication in [publications[Int(first) % publications.count]] {
      var previousEnd = 0
      for mention in DateParser(publication: publication).mentions(in: text) {
        guard mention.start >= previousEnd, mention.start < mention.end,
          mention.end <= scalars.count
        else { fatalError("a mention's offsets are out of order or bounds") }
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[mention.start..<mention.end])
        guard String(slice) == mention.text else { fatalError("a mention's offsets are wrong") }
        for date in [mention.span.start] + (mention.span.end.map { [$0] } ?? []) {
          if let day = date.day, day > PartialDate.daysIn(month: date.month, year: date.year) {
            fatalError("\(date) is not a day")
          }
          guard PartialDate(iso: date.description) == date else {
            fatalError("\(date) does not round-trip through its ISO form")
          }
        }
        previousEnd = mention.end
      }
    }
    let line = String(text.prefix(100))
    if DateParser.standaloneDate(line) != nil, DateParser.impossibleDate(line) != nil {
      fatalError("\"\(line)\" is both a date and not one")
    }
    _ = DateParser.impossibleNumericDates(in: text)
  }

  /// Checks extraction, from a text release to the resolved graph.
  ///
  /// The input is a release's text (title line, then body). Every mention's
  /// offsets must lie in its release's body, every relation must name entities
  /// of the graph, and extracting twice must give the same graph.
  static let extractor = EntityExtractor()

  static func extraction(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    let document = SourceDocument(path: "fuzz/release.txt", format: .text, bytes: bytes)
    let releases = ReleaseReader().read(document).releases
    guard !releases.isEmpty else { return }
    let graph = extractor.extract(releases)
    let ids = Set(graph.entities.map(\.id))
    let bodies = Dictionary(releases.map { ($0.id, $0.body.unicodeScalars.count) }) { a, _ in a }
    for release in graph.releases {
      let length = bodies[release.release] ?? 0
      for mention in release.mentions {
        guard ids.contains(mention.entity), mention.start >= 0, mention.start <= mention.end,
          mention.end <= length
        else { fatalError("a mention outside its body, or of an unknown entity") }
      }
      for meeting in release.meetings where !meeting.participants.allSatisfy(ids.contains) {
        fatalError("a meeting with an unknown participant")
      }
      for affiliation in release.affiliations
      where !ids.contains(affiliation.person) || !ids.contains(affiliation.org) {
        fatalError("an affiliation with an unknown entity")
      }
    }
    // Every eighth input is extracted twice: the graph must not change.
    if input.count % 8 == 0, extractor.extract(releases) != graph {
      fatalError("two extractions differ")
    }
  }

  /// Checks the DOT encoder, Graphviz (in-process, with the
  /// workarounds) and the SVG safety check.
  ///
  /// The input is split at NUL bytes into label, tooltip and HTML-cell texts
  /// for a tiny graph (two nodes, an edge, a cluster when the first byte is
  /// odd). Whatever the texts, our DOT must parse, Graphviz must draw it, and
  /// the drawing must pass SVGSafety: the encoder never lets text become
  /// markup, links or script.
  static func dotSVG(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    func field(_ n: Int) -> String { n < fields.count ? fields[n] : "" }
    let a = DOTID.numbered("n", 1)
    let b = DOTID.numbered("n", 2)
    var graph = DOTGraph(
      id: DOTID.numbered("fuzz", 1),
      attributes: [.label: .label(field(5).split(separator: "\n").map(String.init))],
      nodes: [
        DOTNode(
          id: a,
          attributes: [
            .label: .label(field(0).split(separator: "\n").map(String.init)),
            .tooltip: .tooltip([field(1)]),
          ]),
        DOTNode(
          id: b,
          attributes: [
            .shape: .plain("plaintext"),
            .label: .html(
              HTMLLabel.table([[HTMLLabel.Cell(field(2), bold: true), HTMLLabel.Cell(field(3))]])),
          ]),
      ],
      edges: [
        DOTEdge(
          tail: a, head: b, attributes: [.label: .text(field(4)), .tooltip: .tooltip([field(1)])])
      ])
    if let first = bytes.first, first % 2 == 1 {
      graph.clusters = [
        DOTCluster(
          id: DOTID.numbered("cluster_", 1), attributes: [.tooltip: .tooltip([field(3)])],
          nodes: [a])
      ]
    }
    do {
      let rendered = try GraphvizRenderer.shared.renderSVG(
        graph, engine: .dot, titles: ["n1": field(0)])
      // What each node shows is its text as cleaned, literally: nothing
      // Graphviz expands (`\N`) or drops.
      let shown = SVGNodeTexts.collect(rendered.bytes)
      let cells = [field(2), field(3)].map { DOTEscaping.clean($0, limit: DOTEscaping.labelLimit) }
      let lines = field(0).split(separator: "\n").map {
        DOTEscaping.clean(String($0), limit: DOTEscaping.labelLimit)
      }
      guard shown.count == 2, shown[1] == cells.filter({ !$0.isEmpty }),
        shown[0] == lines.filter({ !$0.isEmpty })
      else {
        fatalError(
          "the SVG shows \(shown), not \(lines) and \(cells)\n"
            + GraphvizWorkarounds.encode(graph, engine: .dot))
      }
    } catch .unsafeSVG(let reason) {
      fatalError("our DOT gave unsafe SVG: \(reason)")
    } catch {
      fatalError(
        "our DOT did not render: \(error)\n" + GraphvizWorkarounds.encode(graph, engine: .dot))
    }
  }
}

/// The text of each `<text>` element of an SVG, by Graphviz node group
/// (`<g class="node">`), in document order.
enum SVGNodeTexts {
  static func collect(_ svg: [UInt8]) -> [[String]] {
    final class Collector: NSObject, XMLParserDelegate {
      var nodes: [[String]] = []
      var groups: [Bool] = []  // for each open <g>: is it a node?
      var text: String?
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
      ) {
        if name == "g" {
          let isNode = attributes["class"] == "node"
          if isNode { nodes.append([]) }
          groups.append(isNode)
        } else if name == "text", groups.contains(true) {
          text = ""
        }
      }
      func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
        qualifiedName: String?
      ) {
        if name == "g" {
          _ = groups.popLast()
        } else if name == "text", let done = text {
          nodes[nodes.count - 1].append(done)
          text = nil
        }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
      }
    }
    let parser = XMLParser(data: Data(svg))
    let collector = Collector()
    parser.delegate = collector
    _ = parser.parse()
    return collector.nodes
  }
}

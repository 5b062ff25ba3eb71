import Dispatch
import Foundation
import Synchronization
import Testing

@testable import GraphExport

// Every test renders through `GraphvizRenderer.shared`, the only way into
// Graphviz, so tests running in parallel also exercise its lock.

@Suite struct RendererTests {
  let renderer = GraphvizRenderer.shared

  private func svgText(_ rendered: RenderedGraph) -> String {
    String(decoding: rendered.bytes, as: UTF8.self)
  }

  // MARK: Structure

  @Test(arguments: [1, 2, 7, 30])
  func oneGroupPerNodeAndEdge(nodes: Int) throws {
    let graph = RenderFixture.graph(nodes: nodes)
    let rendered = try renderer.renderSVG(
      graph, engine: .dot, options: SVGOptions(idPrefix: "t-", inline: true))
    #expect(rendered.warnings.isEmpty)
    let svg = svgText(rendered)
    try SVGSafety.check(svg)
    let root = try #require(parseSVG(svg))
    #expect(root.name == "svg")
    #expect(root.groups(class: "node").count == graph.nodes.count)
    #expect(root.groups(class: "edge").count == graph.edges.count)
    #expect(root.all.compactMap { $0.attributes["id"] }.allSatisfy { $0.hasPrefix("t-") })
    #expect(svg.hasPrefix("<svg"))
    #expect(!svg.contains("<?xml") && !svg.contains("<!DOCTYPE") && !svg.contains("<!--"))
    let labels = Set(root.elements("text").map(\.text))
    for i in 0..<nodes { #expect(labels.contains("entity node \(i)")) }
  }

  @Test(arguments: LayoutEngine.allCases)
  func everyEngineRendersSVG(engine: LayoutEngine) throws {
    let graph = RenderFixture.graph(nodes: 12)
    let rendered = try renderer.renderSVG(graph, engine: engine, titles: ["n0": "first"])
    let root = try #require(parseSVG(svgText(rendered)))
    #expect(root.groups(class: "node").count == 12)
    #expect(root.groups(class: "edge").count == graph.edges.count)
    #expect(root.groups(class: "node").first?.title == "first")
  }

  @Test func titlesReachTheSVG() throws {
    let graph = RenderFixture.graph(nodes: 3, id: "Ego")
    let rendered = try renderer.renderSVG(
      graph, engine: .dot, options: SVGOptions(width: 640),
      titles: ["n0": "Kim & Lee", "n0->n1": "met twice", "Ego": "Kim's contacts"])
    let root = try #require(parseSVG(svgText(rendered)))
    #expect(root.attributes["width"] == "640")
    #expect(root.attributes["role"] == "img")
    #expect(root.children.first?.text == "Kim's contacts")
    #expect(root.groups(class: "node").first?.title == "Kim & Lee")
    #expect(root.groups(class: "edge").first?.title == "met twice")
  }

  // MARK: Formats and plugins

  @Test(arguments: [
    (RenderFormat.png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8]),
    (RenderFormat.pdf, Array("%PDF-".utf8)),
    (RenderFormat.svg, Array("<?xml".utf8)),
  ])
  func formatsHaveTheirSignatures(format: RenderFormat, signature: [UInt8]) throws {
    let rendered = try renderer.render(
      RenderFixture.graph(nodes: 5, tag: "산업통상자원부 🇰🇷"), engine: .dot, format: format)
    #expect(rendered.bytes.starts(with: signature))
    #expect(rendered.bytes.count > 500)
    #expect(rendered.warnings.isEmpty)
    if format == .pdf {
      #expect(String(decoding: rendered.bytes.suffix(16), as: UTF8.self).contains("%%EOF"))
    }
  }

  @Test func pluginsArePresentForEveryEngineAndFormat() throws {
    for engine in LayoutEngine.allCases {
      for format in RenderFormat.allCases {
        try renderer.checkPlugins(engine: engine, format: format)
      }
    }
  }

  @Test func aMissingPluginIsATypedErrorWithAdvice() throws {
    do {
      try renderer.checkPlugin(kind: "layout", name: "nosuch")
      Issue.record("expected missingPlugin")
    } catch {
      guard case .missingPlugin(let kind, let name, let available, let advice) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(kind == "layout engine")
      #expect(name == "nosuch")
      #expect(available.contains("dot") && available.contains("sfdp"))
      #expect(advice.contains("sudo dot -c"))
      #expect(advice.contains("apt-get install --reinstall libgvc6"))
      #expect(error.description.contains("nosuch"))
    }
  }

  // MARK: Errors and recovery

  /// Renders a small graph and checks it is clean: after an error, the
  /// next render must not see Graphviz's sticky error count or old messages.
  private func expectRecovered(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let rendered = try renderer.renderSVG(RenderFixture.graph(nodes: 4), engine: .dot)
    #expect(rendered.warnings.isEmpty, sourceLocation: sourceLocation)
    #expect(
      parseSVG(svgText(rendered))?.groups(class: "node").count == 4,
      sourceLocation: sourceLocation)
  }

  /// How each failure is provoked. DOTGraph cannot express invalid DOT, so
  /// the parse and HTML cases use `HTMLLabel`'s internal initializer (which
  /// skips the escaping that `HTMLLabel.table` does), and the engine and
  /// format cases use `renderUnchecked`, which skips the plugin check.
  enum Failure: String, CaseIterable, CustomTestStringConvertible {
    /// Unbalanced `<` in an HTML label: the DOT lexer runs to the end of
    /// the input, and `agmemread` returns NULL.
    case unbalancedHTML
    /// Well-nested for DOT but mismatched tags for Graphviz's HTML parser:
    /// `gvLayout` returns 0 and reports the error only via `agerrors()`.
    case mismatchedHTMLTags
    /// An engine Graphviz does not have: `gvLayout` returns -1.
    case unknownEngine
    /// A format Graphviz does not have: `gvRenderData` returns -1.
    case unknownFormat

    var testDescription: String { rawValue }

    var expectedStage: GraphExportError.Stage {
      switch self {
      case .unbalancedHTML: .parse
      case .mismatchedHTMLTags, .unknownEngine: .layout
      case .unknownFormat: .render
      }
    }

    var expectedMessage: String {
      switch self {
      case .unbalancedHTML: "syntax error"
      case .mismatchedHTMLTags: "mismatched tag in line 1"
      case .unknownEngine: "Layout type: \"nosuch\" not recognized"
      case .unknownFormat: "renderer for nosuch is unavailable"
      }
    }

    func provoke(_ renderer: GraphvizRenderer) throws(GraphExportError) {
      var graph = RenderFixture.graph(nodes: 3)
      switch self {
      case .unbalancedHTML:
        graph.nodes[1].attributes[.label] = .html(HTMLLabel(markup: "<B"))
        _ = try renderer.render(graph, engine: .dot, format: .svg)
      case .mismatchedHTMLTags:
        graph.nodes[1].attributes[.label] = .html(HTMLLabel(markup: "<B>x</I>"))
        _ = try renderer.render(graph, engine: .dot, format: .svg)
      case .unknownEngine:
        _ = try renderer.renderUnchecked(graph, engineName: "nosuch", device: "svg")
      case .unknownFormat:
        _ = try renderer.renderUnchecked(graph, engineName: "dot", device: "nosuch")
      }
    }
  }

  @Test(arguments: Failure.allCases)
  func graphvizErrorsAreTypedAndTheRendererRecovers(failure: Failure) throws {
    for _ in 0..<3 {
      do {
        try failure.provoke(renderer)
        Issue.record("expected a Graphviz error")
      } catch {
        guard case .graphviz(let stage, let messages) = error else {
          Issue.record("unexpected \(error)")
          continue
        }
        #expect(stage == failure.expectedStage)
        #expect(messages.contains { $0.contains(failure.expectedMessage) }, "\(messages)")
        #expect(messages.allSatisfy { !$0.hasPrefix("Error") && !$0.hasSuffix("\n") })
      }
      try expectRecovered()
    }
  }

  @Test func warningsAreReturnedSeparately() throws {
    var graph = RenderFixture.graph(nodes: 3)
    graph.nodes[0].attributes[.color] = .plain("nosuchcolour")
    graph.nodes[1].attributes[.shape] = .plain("nosuchshape")
    let rendered = try renderer.render(graph, engine: .dot, format: .svg)
    #expect(
      rendered.warnings.contains("nosuchcolour is not a known color."), "\(rendered.warnings)")
    #expect(
      rendered.warnings.contains { $0.contains("nosuchshape") }, "\(rendered.warnings)")
    #expect(rendered.warnings.allSatisfy { !$0.hasPrefix("Warning") && !$0.hasSuffix("\n") })
    try expectRecovered()
  }

  @Test func messageFragmentsAreJoined() {
    var log = GraphvizLog()
    for fragment in [
      "Warning", ": ", "first\n", "Error", ": ", "second ", "continued\n", "Warning", ": ",
      "Error\n",
    ] {
      log.receive(fragment)
    }
    #expect(log.warnings == ["first", "Error"])
    #expect(log.errorMessages(or: "none") == ["second continued"])
    log.reset()
    #expect(log.errorMessages(or: "none") == ["none"])
  }

  // MARK: Adversarial entity text

  /// Entity text, shown by its start when long.
  struct Name: Sendable, CustomTestStringConvertible {
    var text: String
    var testDescription: String {
      text.count <= 40
        ? text.debugDescription : "\(text.prefix(16).debugDescription)… (\(text.count) characters)"
    }
  }

  static let adversarialNames: [Name] = [
    "Say \"hi\"", "back\\slash", "trailing\\", "C:\\Net \\N \\G \\E \\T \\H \\L \\l \\r \\n",
    "line one\nline two", "form\u{0C}feed", "<script>alert(1)</script>", "AT&T",
    "&copy; &amp; &#60;b&#62;", "non\u{FFFF}characters\u{FFFE}",
    "a > b", "close } brace", "close ] bracket", "🇰🇷👩‍💼 emoji", "산업통상자원부",
    String(String(repeating: "가나다 ABC \\ \" & ", count: 1_500).prefix(20_000)),
    String(String(repeating: "&\\\"", count: 7_000).prefix(20_000)), "\"", "\\",
    "javascript:alert(1)",
    "  spaced\t\tout  ", "-- not a comment -->", "]]> cdata end",
  ].map(Name.init)

  @Test(arguments: adversarialNames)
  func adversarialNamesRenderLiterally(_ argument: Name) throws {
    let name = argument.text
    let graph = DOTGraph(
      id: DOTID.numbered("g", 1),
      nodeDefaults: [.shape: .plain("box")],
      nodes: [
        DOTNode(
          id: DOTID.numbered("n", 0), attributes: [.label: .text(name), .tooltip: .tooltip([name])]),
        DOTNode(id: DOTID.numbered("n", 1), attributes: [.label: .text("other")]),
      ],
      edges: [
        DOTEdge(
          tail: DOTID.numbered("n", 0), head: DOTID.numbered("n", 1),
          attributes: [.label: .text(name), .tooltip: .tooltip([name])])
      ])
    let rendered = try renderer.renderSVG(
      graph, engine: .dot, options: SVGOptions(inline: true), titles: ["n0": name])
    #expect(rendered.warnings.isEmpty, "\(rendered.warnings)")
    let svg = svgText(rendered)
    try SVGSafety.check(svg)
    let root = try #require(parseSVG(svg))

    let expected = DOTEscaping.clean(name, limit: DOTEscaping.labelLimit)
    let node = try #require(root.groups(class: "node").first { $0.attributes["id"] == "pg-node1" })
    #expect(node.elements("text").map(\.text) == [expected])
    // The title replacement, minus the characters XML cannot carry.
    #expect(
      node.title
        == String(name.unicodeScalars.filter { !["\u{0C}", "\u{FFFE}", "\u{FFFF}"].contains($0) }))
    let edge = try #require(root.groups(class: "edge").first)
    #expect(edge.elements("text").map(\.text) == [expected])
    // Tooltips: backslashes become U+2216 in the encoder (Graphviz 2.42
    // unescapes tooltips twice).
    let tooltip = DOTEscaping.clean(
      name.replacingOccurrences(of: "\\", with: "∖"), limit: DOTEscaping.tooltipLimit)
    let shownTooltips = root.elements("a").compactMap { $0.attributes["xlink:title"] }
    #expect(shownTooltips.count >= 2)
    #expect(shownTooltips.allSatisfy { $0 == tooltip }, "\(shownTooltips)")
  }

  /// Every adversarial name, and each ASCII character alone and doubled,
  /// as the text of a plain and a bold HTML table cell: each renders, and
  /// shows exactly its cleaned text. (A cell of only `]` failed to parse.)
  static let htmlCellTexts: [Name] =
    adversarialNames.filter { $0.text.count < 100 }
    + (0x21..<0x7F).flatMap { code -> [Name] in
      let character = String(UnicodeScalar(UInt8(code)))
      return [Name(text: character), Name(text: character + character)]
    }

  @Test(arguments: htmlCellTexts)
  func adversarialTextRendersLiterallyInHTMLCells(_ argument: Name) throws {
    let text = argument.text
    let graph = DOTGraph(
      id: DOTID.numbered("g", 1),
      nodes: [
        DOTNode(
          id: DOTID.numbered("n", 0),
          attributes: [
            .shape: .plain("plaintext"),
            .label: .html(
              HTMLLabel.table([[HTMLLabel.Cell(text), HTMLLabel.Cell(text, bold: true)]])),
          ])
      ])
    let rendered = try renderer.renderSVG(graph, engine: .dot, options: SVGOptions(inline: true))
    #expect(rendered.warnings.isEmpty, "\(rendered.warnings)")
    let root = try #require(parseSVG(svgText(rendered)))
    let node = try #require(root.groups(class: "node").first)
    let expected = DOTEscaping.clean(text, limit: DOTEscaping.labelLimit)
    #expect(node.elements("text").map(\.text) == [expected, expected])
  }

  // MARK: Concurrency

  @Test func concurrentRendersFromEightTasks() async throws {
    let results = await withTaskGroup(of: [String].self) { group in
      for task in 0..<8 {
        group.addTask {
          var problems: [String] = []
          for run in 0..<20 {
            let tag = "task\(task)run\(run)"
            let graph = RenderFixture.graph(nodes: 3 + (task + run) % 9, tag: tag)
            do {
              let rendered = try GraphvizRenderer.shared.renderSVG(
                graph, engine: run % 4 == 0 ? .neato : .dot)
              let svg = String(decoding: rendered.bytes, as: UTF8.self)
              guard let root = parseSVG(svg) else {
                problems.append("\(tag): not XML")
                continue
              }
              let texts = root.elements("text").map(\.text)
              if !texts.contains("\(tag) node 0") { problems.append("\(tag): label missing") }
              if texts.contains(where: { $0.hasPrefix("task") && !$0.hasPrefix("\(tag) ") }) {
                problems.append("\(tag): another graph's label")
              }
              if root.groups(class: "node").count != graph.nodes.count {
                problems.append("\(tag): wrong node count")
              }
            } catch {
              problems.append("\(tag): \(error)")
            }
          }
          return problems
        }
      }
      var all: [String] = []
      for await problems in group { all += problems }
      return all
    }
    #expect(results.isEmpty, "\(results)")
  }

  @Test func concurrentRendersFromEightThreads() throws {
    let problems = Mutex<[String]>([])
    let group = DispatchGroup()
    for thread in 0..<8 {
      DispatchQueue.global().async(group: group) {
        for run in 0..<20 {
          let tag = "thread\(thread)run\(run)"
          let format: RenderFormat = run % 5 == 0 ? .png : .svg
          do {
            let rendered = try GraphvizRenderer.shared.render(
              RenderFixture.graph(nodes: 4, tag: tag), engine: .dot, format: format)
            if format == .svg {
              let texts = parseSVG(String(decoding: rendered.bytes, as: UTF8.self))?
                .elements("text").map(\.text)
              if texts?.contains("\(tag) node 3") != true {
                problems.withLock { $0.append("\(tag): label missing") }
              }
            } else if !rendered.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
              problems.withLock { $0.append("\(tag): not PNG") }
            }
          } catch {
            problems.withLock { $0.append("\(tag): \(error)") }
          }
        }
      }
    }
    group.wait()
    problems.withLock { #expect($0.isEmpty, "\($0)") }
  }

  // MARK: Size

  /// The policy's engine lays out large graphs completely. (How fast is
  /// the benchmark's business: `pressgraph-benchmarks --render`.)
  @Test(arguments: [100, 500])
  func plannedLayoutsDrawEveryNode(nodes: Int) throws {
    var graph = RenderFixture.graph(nodes: nodes)
    let plan = try LayoutPolicy.plan(
      nodes: graph.nodes.count, edges: graph.edges.count, override: nil, force: false)
    plan.apply(to: &graph)
    let rendered = try renderer.renderSVG(graph, engine: plan.engine)
    let root = try #require(parseSVG(String(decoding: rendered.bytes, as: UTF8.self)))
    #expect(root.groups(class: "node").count == nodes)
  }
}

// MARK: - Layout policy

@Suite struct LayoutPolicyTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var nodes: Int
    var override: LayoutEngine?
    var force = false
    var engine: LayoutEngine
    var attributes: [DOTAttribute: String] = [:]
    var testDescription: String {
      "\(nodes) nodes, override \(override?.rawValue ?? "none"), force \(force)"
    }
  }

  static let sfdp: [DOTAttribute: String] = [.overlap: "prism", .splines: "false"]
  static let limitedDot: [DOTAttribute: String] = [
    .nslimit: "1", .nslimit1: "1", .mclimit: "0.1", .splines: "false",
  ]

  @Test(arguments: [
    Case(nodes: 0, override: nil, engine: .dot),
    Case(nodes: 1, override: nil, engine: .dot),
    Case(nodes: 150, override: nil, engine: .dot),
    Case(nodes: 151, override: nil, engine: .sfdp, attributes: sfdp),
    Case(nodes: 500, override: nil, engine: .sfdp, attributes: sfdp),
    Case(nodes: 2000, override: nil, engine: .sfdp, attributes: sfdp),
    Case(nodes: 2001, override: nil, force: true, engine: .sfdp, attributes: sfdp),
    Case(nodes: 100, override: .dot, engine: .dot),
    Case(nodes: 150, override: .dot, engine: .dot),
    Case(nodes: 151, override: .dot, engine: .dot, attributes: limitedDot),
    Case(nodes: 1500, override: .dot, engine: .dot, attributes: limitedDot),
    Case(nodes: 5000, override: .dot, force: true, engine: .dot, attributes: limitedDot),
    Case(nodes: 20, override: .sfdp, engine: .sfdp, attributes: sfdp),
    Case(nodes: 300, override: .neato, engine: .neato),
    Case(nodes: 40, override: .circo, engine: .circo),
    Case(nodes: 40, override: .twopi, engine: .twopi),
    Case(nodes: 40, override: .fdp, engine: .fdp),
  ])
  func plans(_ test: Case) throws {
    let plan = try LayoutPolicy.plan(
      nodes: test.nodes, edges: test.nodes * 2, override: test.override, force: test.force)
    #expect(plan.engine == test.engine)
    #expect(plan.attributes == test.attributes.mapValues { DOTValue.plain($0) })
    #expect(plan.reason.contains("\(test.nodes) nodes"))
    #expect(plan.reason.contains(test.engine.rawValue))
  }

  @Test(arguments: [(2001, LayoutEngine?.none), (10_000, .sfdp), (2500, .dot)])
  func refusesAboveTheHardCap(nodes: Int, override: LayoutEngine?) {
    #expect(LayoutPolicy.hardCap == 2000)
    #expect(LayoutPolicy.dotLimit == 150)
    do {
      _ = try LayoutPolicy.plan(nodes: nodes, edges: nodes * 2, override: override, force: false)
      Issue.record("expected tooLarge")
    } catch {
      guard case .tooLarge(let count, let limit, let advice) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(count == nodes && limit == 2000)
      for flag in ["--limit N", "--depth", "--since", "--type", "--force"] {
        #expect(advice.contains(flag), "advice lacks \(flag)")
      }
    }
  }

  @Test func applyMergesAndWins() throws {
    var graph = RenderFixture.graph(nodes: 2)
    graph.attributes = [.splines: .plain("true"), .rankdir: .plain("LR")]
    let plan = try LayoutPolicy.plan(nodes: 300, edges: 600, override: nil, force: false)
    plan.apply(to: &graph)
    #expect(graph.attributes[.splines] == .plain("false"))
    #expect(graph.attributes[.overlap] == .plain("prism"))
    #expect(graph.attributes[.rankdir] == .plain("LR"))
    #expect(
      graph.encode().contains("graph [overlap=\"prism\", rankdir=\"LR\", splines=\"false\"];"))
  }
}

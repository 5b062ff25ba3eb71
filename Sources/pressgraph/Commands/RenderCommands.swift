import ArgumentParser
import EntityGraph
import Foundation
import GraphExport
import GraphStore

/// The output formats of render and export.
enum DrawingFormat: String, ExpressibleByArgument, CaseIterable {
  case dot, svg, png, pdf, json, graphml

  /// The format a file name implies.
  init?(fileName: String) {
    let ext = (fileName as NSString).pathExtension.lowercased()
    self.init(rawValue: ext == "gv" ? "dot" : ext == "xml" ? "graphml" : ext)
  }

  var isBinary: Bool { self == .png || self == .pdf }
}

extension LayoutEngine: ExpressibleByArgument {}

/// Filters, layout and output options shared by render and export.
struct DrawCommandOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("Only meetings and titles on or after this date.", valueName: "date"))
  var since: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Only meetings and titles on or before this date.", valueName: "date"))
  var until: String?

  @Flag(name: .long, help: "Leave planned meetings out.")
  var heldOnly = false

  @Option(name: .long, help: "Only entities of this type (repeatable); the focus is always drawn.")
  var type: [EntityType] = []

  @OptionGroup var relations: RelationOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "At most this many nodes; the nearest, most-met and most recent are kept.", valueName: "n"))
  var limit: Int?

  @Option(name: .long, help: "The layout engine (default: dot up to 150 nodes, sfdp above).")
  var layout: LayoutEngine?

  @Flag(
    name: .long,
    help: "Lay out graphs above the hard cap of \(LayoutPolicy.hardCap) nodes anyway (slow).")
  var force = false

  @Flag(name: .long, help: "Draw people inside a box with their organisation.")
  var cluster = false

  @Flag(name: .long, help: "Leave the legend out.")
  var noLegend = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Stop a drawing that takes longer than this many seconds.", valueName: "seconds"))
  var timeout: Double = 300

  @Flag(
    name: .long,
    help: """
      Run Graphviz inside this process instead of a helper process: a few \
      milliseconds faster, but a Graphviz crash then ends pressgraph and \
      --timeout does not apply.
      """)
  var inProcess = false

  @Option(
    name: .long,
    help:
      "Output format: dot, svg, png, pdf, json or graphml (default: from -o's extension, else svg)."
  )
  var format: DrawingFormat?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write to this file (default, or -: stdout); a file is replaced atomically.",
      valueName: "file"))
  var output: String?

  @Option(
    name: .long,
    help: ArgumentHelp("SVG: a fixed width in pixels (the height follows).", valueName: "px"))
  var width: Int?

  @Flag(name: .long, help: "SVG: no XML prolog or DOCTYPE, for pasting into HTML.")
  var inline = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "SVG: a prefix for every id, so several SVGs can share a page.", valueName: "prefix"))
  var idPrefix = "pg-"

  @OptionGroup var store: StoreOptions
  @OptionGroup var quiet: OutputOptions

  func validate() throws {
    for (name, value, upper) in [("--since", since, false), ("--until", until, true)] {
      if let value, MeetingFilter.bound(value, upper: upper) == nil {
        throw ValidationError(
          "\(name) takes a date like 2025, 2025-11 or 2025-11-13, not \"\(value)\"")
      }
    }
    if let limit, limit < 1 { throw ValidationError("--limit takes a positive number") }
    if !(timeout > 0 && timeout <= 86_400) {
      throw ValidationError("--timeout takes a number of seconds, more than 0 and at most 86400")
    }
    if let width, width < 16 {
      throw ValidationError("--width takes a number of pixels, 16 or more")
    }
    if let output, let problem = OutputFile.problem(with: output) {
      throw ValidationError(problem)
    }
    if SVGOptions(idPrefix: idPrefix).validatedIDPrefix != idPrefix {
      throw ValidationError("--id-prefix takes a letter, then letters, digits, - or _")
    }
  }

  /// The format in effect.
  var effectiveFormat: DrawingFormat {
    format ?? output.flatMap { $0 == "-" ? nil : DrawingFormat(fileName: $0) } ?? .svg
  }

  /// A request around `focus`, with these filters.
  func request(_ focus: SubgraphRequest.Focus, depth: Int, defaultLimit: Int) -> SubgraphRequest {
    SubgraphRequest(
      focus: focus, depth: depth, relations: relations.selected,
      types: type.isEmpty ? nil : Set(type),
      since: since.flatMap { MeetingFilter.bound($0, upper: false) },
      until: until.flatMap { MeetingFilter.bound($0, upper: true) }, heldOnly: heldOnly,
      limit: limit ?? defaultLimit)
  }

  /// Draws or exports `subgraph` and writes it.
  func write(_ subgraph: Subgraph, terminal: Terminal) throws {
    let format = effectiveFormat
    let toStandardOutput = output == nil || output == "-"
    if toStandardOutput, format.isBinary, terminal.stdoutIsTerminal {
      terminal.status(
        "pressgraph: \(format.rawValue.uppercased()) is binary; write it to a file with -o FILE.")
      throw ExitCode.validationFailure
    }
    if !quiet.quiet {
      for note in subgraph.notes { terminal.status("note: \(note)") }
    }
    let drawing = SubgraphDrawing(
      subgraph, options: DrawingOptions(cluster: cluster, legend: !noLegend))
    var bytes: [UInt8]
    var engineUsed: String?
    do {
      switch format {
      case .dot:
        bytes = Array(drawing.graph.encode().utf8)
      case .json:
        bytes = try GraphJSON(subgraph).encoded()
      case .graphml:
        bytes = Array(GraphML.encode(subgraph).utf8)
      case .svg, .png, .pdf:
        let plan = try LayoutPolicy.plan(
          nodes: subgraph.nodes.count, edges: subgraph.edges.count, override: layout, force: force)
        var graph = drawing.graph
        plan.apply(to: &graph)
        engineUsed = plan.engine.rawValue
        let renderer: any GraphRendering =
          inProcess ? GraphvizRenderer.shared : RenderWorkerCommand.renderer(timeout: timeout)
        let rendered: RenderedGraph
        if format == .svg {
          rendered = try renderer.renderSVG(
            graph, engine: plan.engine,
            options: SVGOptions(idPrefix: idPrefix, width: width, inline: inline),
            titles: drawing.titles)
        } else {
          rendered = try renderer.render(
            graph, engine: plan.engine, format: format == .png ? .png : .pdf)
        }
        for warning in rendered.warnings where !quiet.quiet {
          terminal.status("pressgraph: Graphviz warning: \(warning)")
        }
        bytes = rendered.bytes
      }
    } catch let error as GraphExportError {
      terminal.status("pressgraph: \(error)")
      throw ExitCode.failure
    }
    if let output, output != "-" {
      try OutputFile.write(bytes, to: output, terminal: terminal)
      if !quiet.quiet {
        terminal.status(
          "wrote \(output): \(plural(subgraph.nodes.count, "node")), \(plural(subgraph.edges.count, "edge"))"
            + (engineUsed.map { " (\($0) layout)" } ?? ""))
      }
    } else {
      try terminal.writeBytes(bytes)
    }
  }
}

/// `pressgraph render ENTITY`.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Draw an entity's network, a connection, or a release, as SVG, PNG, PDF or DOT.",
    discussion: """
      Draws ENTITY and what lies within --depth steps of it; with --with, \
      the connection between two entities (the chain, their direct \
      meetings and their bodies); with --release ID, what one release says \
      (see `pressgraph releases` or `show` for ids).

      Nodes are shaped and coloured by type (a legend is included); meetings \
      are red lines labelled with their dates; tooltips carry the evidence \
      sentence and the release. At most --limit nodes are drawn (default \
      150), the nearest, most-met and most recent first; what was left out \
      is noted on stderr and under the title.

      Graphviz lays the graph out in a helper process, so that a Graphviz \
      crash is an error message, not the end of pressgraph: dot up to 150 \
      nodes, sfdp above; above \(LayoutPolicy.hardCap) nodes it refuses \
      unless --force. The format follows -o's extension (.svg .png .pdf \
      .dot .json .graphml).

      Examples:
        pressgraph render MOTIR --depth 1 -o motir.svg
        pressgraph render MOTIR --depth 1 -o motir.dot
        pressgraph render "Park Jung-sung" --with "Tran Quoc Phuong" -o meeting.svg
        pressgraph render KOTRA --depth 2 --cluster --since 2025-11 -o kotra.svg
        pressgraph render --release 001_eb9092cc9fc49135-6-86959964 -o release.pdf
      """)

  @Argument(help: "The entity to draw around (a name, alias, acronym or id).")
  var entity: String?

  @Option(name: .long, help: "Draw the connection between ENTITY and this entity.")
  var with: String?

  @Option(name: .long, help: ArgumentHelp("Draw what one release says.", valueName: "id"))
  var release: String?

  @Option(name: .long, help: "How many steps out from ENTITY.")
  var depth = 1

  @OptionGroup var options: DrawCommandOptions

  func validate() throws {
    if entity == nil, release == nil {
      throw ValidationError("name an ENTITY to draw around, or give --release ID")
    }
    if with != nil, entity == nil { throw ValidationError("--with needs an ENTITY") }
    guard (0...6).contains(depth) else { throw ValidationError("--depth takes 0 to 6") }
  }

  func run() throws {
    let terminal = Terminal()
    let store = try options.store.openForQuery(terminal: terminal)
    let focus: SubgraphRequest.Focus
    if let release {
      let known = try storeCall(terminal) { () throws(GraphStoreError) in
        try store.releaseExists(release)
      }
      guard known else {
        terminal.status(
          "pressgraph: no release with id \(release); list them with `pressgraph releases PATH`")
        throw ExitCode.failure
      }
      focus = .release(release)
    } else if let entity, let with {
      let a = try store.resolve(entity, terminal: terminal)
      let b = try store.resolve(with, terminal: terminal)
      focus = .connection(a.id, b.id)
    } else if let entity {
      focus = .ego(try store.resolve(entity, terminal: terminal).id)
    } else {
      throw ExitCode.validationFailure
    }
    let subgraph = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.subgraph(
        options.request(focus, depth: depth, defaultLimit: SubgraphRequest.defaultLimit))
    }
    try options.write(subgraph, terminal: terminal)
  }
}

/// `pressgraph export`.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export the whole graph: JSON (D3, Cytoscape), GraphML (Gephi, yEd), DOT or SVG.",
    discussion: """
      Writes every entity that has a relation, and every relation with its \
      evidence, within the filters. There is no node limit unless --limit \
      is given (drawing formats still refuse above \(LayoutPolicy.hardCap) \
      nodes unless --force).

      Examples:
        pressgraph export -o graph.json
        pressgraph export -o graph.graphml --since 2025-11
        pressgraph export --relation meeting --held-only -o who-met-whom.svg
      """)

  @OptionGroup var options: DrawCommandOptions

  func run() throws {
    let terminal = Terminal()
    let store = try options.store.openForQuery(terminal: terminal)
    let subgraph = try storeCall(terminal) { () throws(GraphStoreError) in
      try store.subgraph(options.request(.whole, depth: 0, defaultLimit: Int.max))
    }
    try options.write(subgraph, terminal: terminal)
  }
}

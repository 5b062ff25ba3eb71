import CGraphviz
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Something that lays out and draws a ``DOTGraph``: in this process
/// (``GraphvizRenderer``) or in a helper process (``GraphvizProcessRenderer``).
public protocol GraphRendering: Sendable {
  /// Lays `graph` out with `engine` and draws it as `format`.
  func render(
    _ graph: DOTGraph, engine: LayoutEngine, format: RenderFormat
  ) throws(GraphExportError) -> RenderedGraph
}

extension GraphRendering {
  /// Renders `graph` as SVG, then makes it embeddable and checks it:
  /// ``SVGFinisher/finish(_:options:titles:)`` (id prefix, width, titles,
  /// accessibility) and ``SVGSafety/check(_:)`` (well-formed, no scripts,
  /// event handlers or outside links).
  ///
  /// - Parameters:
  ///   - titles: replacement texts for `<title>` elements, keyed by what
  ///     Graphviz writes there: a node's DOT id (`n3`), an edge's
  ///     `tail->head` (`n1->n3`), the graph's id. Browsers show a title as
  ///     the hover text of its node, edge or drawing.
  /// - Returns: the finished SVG as UTF-8, and Graphviz's warnings.
  /// - Throws: as ``render(_:engine:format:)``, and
  ///   ``GraphExportError/unsafeSVG(reason:)`` if the result fails the check.
  public func renderSVG(
    _ graph: DOTGraph, engine: LayoutEngine, options: SVGOptions = SVGOptions(),
    titles: [String: String] = [:]
  ) throws(GraphExportError) -> RenderedGraph {
    let rendered = try render(graph, engine: engine, format: .svg)
    let svg = String(decoding: rendered.bytes, as: UTF8.self)
    let finished = try SVGFinisher.finish(svg, options: options, titles: titles)
    try SVGSafety.check(finished)
    return RenderedGraph(bytes: Array(finished.utf8), warnings: rendered.warnings)
  }

}

/// A rendered drawing and what Graphviz said while making it.
public struct RenderedGraph: Sendable {
  /// The file's bytes: SVG text (UTF-8), PNG or PDF.
  public var bytes: [UInt8]
  /// Graphviz's warnings, one whole message each (for example
  /// `nosuch is not a known color.`); the drawing was made all the same.
  public var warnings: [String]

  /// Creates a rendered graph.
  public init(bytes: [UInt8], warnings: [String] = []) {
    self.bytes = bytes
    self.warnings = warnings
  }
}

/// Lays out and draws a ``DOTGraph`` with Graphviz's C library, in-process.
///
/// Graphviz is not thread-safe: its error state is global, its lexer is not
/// reentrant and plugin loading races. So there is one renderer per
/// process (``shared``), holding the process's single Graphviz context
/// (`GVC_t`, created on first use and never freed: freeing a context leaves
/// the pango plugin with dangling pointers in 2.42), and one lock that is
/// held around *every* Graphviz call. Renders from several threads or tasks
/// are therefore safe, and run one at a time; to draw in parallel, use
/// processes. No other code in the process may call Graphviz directly.
///
/// The renderer accepts only a ``DOTGraph``, never DOT text: the graph's
/// encoder escapes all entity text and writes a closed set of attributes,
/// none of which links to or reads a file.
///
/// It does not limit graph size (a layout cannot be interrupted): plan with
/// ``LayoutPolicy`` first.
///
/// Drawings are deterministic for dot, neato, circo and twopi: graphs are
/// parsed with ids in text order (`cgv_read_dot` in the CGraphviz shim), so
/// drawing a graph again in the same process gives the same bytes. fdp and
/// sfdp keep random state between layouts; only the first drawing with them
/// in a process is reproducible, which ``GraphvizProcessRenderer`` arranges.
public final class GraphvizRenderer: GraphRendering {
  /// The process's renderer.
  public static let shared = GraphvizRenderer()

  /// What lives under the lock: the context and the plugin lists.
  private struct State {
    /// The Graphviz context, created on first use.
    var context: OpaquePointer?
    /// `gvPluginList` results by kind, read once.
    var plugins: [String: [String]] = [:]
    /// What Graphviz said while the context was created (plugin loading
    /// problems, for one), quoted in missing-plugin advice.
    var setupMessages: [String] = []
  }

  private let state = Mutex(State())

  private init() {}

  // MARK: Rendering

  /// Lays `graph` out with `engine` and draws it as `format`.
  ///
  /// Steps, all under the process-wide lock: check that Graphviz has the
  /// engine and format (once per pair), reset Graphviz's sticky error
  /// count, parse `graph.encode()` (`cgv_read_dot`), lay out (`gvLayout`),
  /// render (`gvRenderData`); after each step both the return code and
  /// `agerrors()` are checked, since Graphviz reports some errors (a bad
  /// HTML label, for one) while returning success. Every buffer, layout
  /// and graph is freed before returning, also on failure.
  ///
  /// - Returns: the bytes, and Graphviz's warnings.
  /// - Throws: ``GraphExportError/missingPlugin(kind:name:available:advice:)``
  ///   when the installation lacks the engine or format;
  ///   ``GraphExportError/graphviz(stage:messages:)`` with Graphviz's own
  ///   error messages when a step fails. The renderer stays usable after
  ///   either.
  public func render(
    _ graph: DOTGraph, engine: LayoutEngine, format: RenderFormat
  ) throws(GraphExportError) -> RenderedGraph {
    try render(
      encoded: GraphvizWorkarounds.encode(graph, engine: engine), engine: engine, format: format)
  }

  /// Renders DOT text that ``GraphvizWorkarounds/encode(_:engine:)``
  /// wrote: how the render worker (``RenderWorker``) draws what its parent
  /// process encoded. Nothing outside the package may hand Graphviz text.
  package func render(
    encoded dot: String, engine: LayoutEngine, format: RenderFormat
  ) throws(GraphExportError) -> RenderedGraph {
    try state.withLock { (state: inout State) throws(GraphExportError) -> RenderedGraph in
      let context = try Self.context(&state)
      try Self.checkPlugins(&state, engine: engine, format: format)
      return try Self.render(
        dot: dot, context: context, engine: engine.rawValue, device: Self.device(format))
    }
  }

  /// Checks that Graphviz has the layout engine and the output format
  /// (and, for PNG and PDF, the cairo renderer), from `gvPluginList`. Call
  /// it at start-up to fail early; ``render(_:engine:format:)`` calls it
  /// too. The plugin lists are read once per process.
  ///
  /// - Throws: ``GraphExportError/missingPlugin(kind:name:available:advice:)``
  ///   with what is available and how to repair the installation (a
  ///   container built without running `libgvc6`'s post-install script has
  ///   no `config6a`, and so no plugins at all).
  public func checkPlugins(engine: LayoutEngine, format: RenderFormat) throws(GraphExportError) {
    try state.withLock { (state: inout State) throws(GraphExportError) in
      try Self.checkPlugins(&state, engine: engine, format: format)
    }
  }

  // MARK: Internals (tests use them to reach Graphviz's error paths)

  /// Renders with engine and device names that need not be valid, without
  /// the plugin check: how tests reach Graphviz's own layout and render
  /// errors. The graph is still a ``DOTGraph``.
  func renderUnchecked(
    _ graph: DOTGraph, engineName: String, device: String
  ) throws(GraphExportError) -> RenderedGraph {
    let dot = graph.encode()
    return try state.withLock { (state: inout State) throws(GraphExportError) -> RenderedGraph in
      let context = try Self.context(&state)
      return try Self.render(dot: dot, context: context, engine: engineName, device: device)
    }
  }

  /// Runs `body` under the process-wide Graphviz lock, with the context
  /// created: how tests call the CGraphviz shim directly.
  func underLock<T>(_ body: () throws -> T) throws -> T {
    try state.withLock { (state: inout State) throws -> T in
      _ = try Self.context(&state)
      return try body()
    }
  }

  /// Checks one plugin by kind (`layout`, `device`, `render`) and name.
  func checkPlugin(kind: String, name: String) throws(GraphExportError) {
    try state.withLock { (state: inout State) throws(GraphExportError) in
      try Self.require(&state, kind: kind, name: name)
    }
  }

  /// The device string for `gvRenderData`: PNG and PDF always from cairo,
  /// which draws with pango's text layout (Graphviz would otherwise pick a
  /// renderer by plugin quality).
  static func device(_ format: RenderFormat) -> String {
    switch format {
    case .svg: "svg"
    case .png: "png:cairo"
    case .pdf: "pdf:cairo"
    }
  }

  /// The context, created on first use with the message sink installed.
  /// Called under the lock.
  private static func context(_ state: inout State) throws(GraphExportError) -> OpaquePointer {
    if let context = state.context { return context }
    _ = agseterrf(graphvizMessageSink)
    graphvizLog.reset()
    _ = agreseterrors()
    guard let context = gvContext() else {
      throw .graphviz(stage: .setup, messages: graphvizLog.errorMessages(or: "gvContext() failed"))
    }
    state.context = context
    state.setupMessages = graphvizLog.messages.map(\.text).map(GraphvizLog.tidy).filter {
      !$0.isEmpty
    }
    return context
  }

  /// The plugin names of one kind. Called under the lock.
  private static func plugins(_ state: inout State, kind: String) -> [String] {
    if let names = state.plugins[kind] { return names }
    var names: [String] = []
    if let context = state.context {
      var count: Int32 = 0
      if let list = gvPluginList(context, kind, &count, nil) {
        for index in 0..<Int(count) {
          if let name = list[index] {
            names.append(String(cString: name))
            free(name)
          }
        }
        free(list)
      }
    }
    state.plugins[kind] = names
    return names
  }

  private static func checkPlugins(
    _ state: inout State, engine: LayoutEngine, format: RenderFormat
  ) throws(GraphExportError) {
    try require(&state, kind: "layout", name: engine.rawValue)
    try require(&state, kind: "device", name: format.rawValue)
    if format != .svg { try require(&state, kind: "render", name: "cairo") }
  }

  private static func require(
    _ state: inout State, kind: String, name: String
  ) throws(GraphExportError) {
    _ = try context(&state)
    let available = plugins(&state, kind: kind)
    guard !available.contains(name) else { return }
    let what =
      switch kind {
      case "layout": "layout engine"
      case "device": "output format"
      case "render": "renderer"
      default: "\(kind) plugin"
      }
    var advice =
      "Graphviz's plugins are missing or unregistered: run `sudo dot -c` to register "
      + "Graphviz's plugins, or reinstall them: sudo apt-get install --reinstall libgvc6"
    if kind == "render" || (kind == "device" && name != "svg") {
      advice += " (PNG and PDF need the cairo plugin: sudo apt-get install libgvc6 libpango1.0-0)"
    }
    if !available.isEmpty {
      advice += "; or choose one of the available ones"
    }
    if !state.setupMessages.isEmpty {
      advice += ". Graphviz said: " + state.setupMessages.joined(separator: " | ")
    }
    throw .missingPlugin(kind: what, name: name, available: available, advice: advice + ".")
  }

  /// Parse, layout and render. Called under the lock.
  private static func render(
    dot: String, context: OpaquePointer, engine: String, device: String
  ) throws(GraphExportError) -> RenderedGraph {
    graphvizLog.reset()
    _ = agreseterrors()  // agerrors() is sticky until reset

    // Not agmemread: cgv_read_dot numbers objects in text order, so that
    // the layout does not depend on heap addresses (see shim.h).
    let graph = cgv_read_dot(dot)
    // Registered first, so it runs last: after gvFreeLayout below.
    defer { if let graph { _ = agclose(graph) } }
    guard let graph, agerrors() == 0 else {
      throw .graphviz(stage: .parse, messages: graphvizLog.errorMessages(or: "agmemread failed"))
    }

    let layoutCode = gvLayout(context, graph, engine)
    guard layoutCode == 0, agerrors() == 0 else {
      // A layout that failed may have stopped halfway (dot leaves rank
      // arrays pointing into the middle of their allocations during
      // mincross), and freeing it could free a pointer malloc never gave
      // out. Its memory is left to leak instead: failures are rare, and
      // the graph itself is still closed.
      throw .graphviz(
        stage: .layout,
        messages: graphvizLog.errorMessages(or: "gvLayout(\(engine)) returned \(layoutCode)"))
    }
    // dot leaves a stale allocation pointer after some layouts, which
    // gvFreeLayout would free twice: see `cgv_repair_dot_ranks` in shim.h.
    if engine == LayoutEngine.dot.rawValue { cgv_repair_dot_ranks(graph) }
    defer { _ = gvFreeLayout(context, graph) }

    var buffer: UnsafeMutablePointer<CChar>? = nil
    var length: UInt32 = 0  // `unsigned int *` in 2.42, `size_t *` in later versions
    let renderCode = gvRenderData(context, graph, device, &buffer, &length)
    defer { gvFreeRenderData(buffer) }
    guard renderCode == 0, agerrors() == 0, let buffer else {
      throw .graphviz(
        stage: .render,
        messages: graphvizLog.errorMessages(or: "gvRenderData(\(device)) returned \(renderCode)"))
    }
    var bytes = Array(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
    // cairo stamps PDFs with the time of drawing; the same graph must give
    // the same bytes.
    if device.hasPrefix("pdf") { bytes = PDFDates.normalised(bytes) }
    return RenderedGraph(bytes: bytes, warnings: graphvizLog.warnings)
  }
}

// MARK: - Graphviz's messages

/// Whole messages put together from the fragments Graphviz 2.42 sends to
/// the `agseterrf` sink: a message arrives as `"Error"` or `"Warning"`,
/// then `": "`, then the text; a continuation (`AGPREV`) arrives as text
/// alone and belongs to the message before it.
struct GraphvizLog {
  /// Where the sink is in a message.
  enum Position {
    /// Between messages: text here continues the last one.
    case between
    /// After the `"Error"` or `"Warning"` fragment.
    case afterLevel(isError: Bool)
    /// After the `": "` fragment: the next fragment is the text.
    case afterSeparator(isError: Bool)
  }

  /// The messages so far.
  var messages: [(isError: Bool, text: String)] = []
  var position = Position.between

  /// Forgets everything (before each render).
  mutating func reset() {
    messages.removeAll()
    position = .between
  }

  /// Adds one fragment.
  mutating func receive(_ fragment: String) {
    switch position {
    case .between where fragment == "Error" || fragment == "Warning":
      position = .afterLevel(isError: fragment == "Error")
    case .afterLevel(let isError) where fragment == ": ":
      position = .afterSeparator(isError: isError)
    case .afterLevel(let isError), .afterSeparator(let isError):
      messages.append((isError, fragment))
      position = .between
    case .between:
      if messages.isEmpty {
        messages.append((false, fragment))
      } else {
        messages[messages.count - 1].text += fragment
      }
    }
  }

  /// `text` without surrounding whitespace (messages end in a newline).
  static func tidy(_ text: String) -> String {
    var text = Substring(text)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    return String(text)
  }

  /// The warnings, trimmed.
  var warnings: [String] {
    messages.filter { !$0.isError }.map { Self.tidy($0.text) }.filter { !$0.isEmpty }
  }

  /// The error messages; if there are none, all messages; if there are
  /// none at all, `fallback`.
  func errorMessages(or fallback: String) -> [String] {
    let errors = messages.filter(\.isError).map { Self.tidy($0.text) }.filter { !$0.isEmpty }
    if !errors.isEmpty { return errors }
    let all = messages.map { Self.tidy($0.text) }.filter { !$0.isEmpty }
    return all.isEmpty ? [fallback] : all
  }
}

/// The sink's buffer. A C callback cannot capture context, so it is a
/// global; it is only touched under ``GraphvizRenderer``'s lock (Graphviz
/// only calls the sink from inside calls made under that lock).
nonisolated(unsafe) private var graphvizLog = GraphvizLog()

/// The `agseterrf` sink: collects Graphviz's messages instead of letting
/// them go to stderr.
private let graphvizMessageSink: agusererrf = { fragment in
  guard let fragment else { return 0 }
  graphvizLog.receive(String(cString: fragment))
  return 0
}
